package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.engine.StepIds;
import io.crmflow.json.Json;
import io.crmflow.model.RecordRef;
import java.io.PrintStream;
import java.util.Map;

/**
 * The deal pipeline part of {@code --demo} (R-PIPE-1): actions on the "Contract sent" stage of
 * the demo's Sales pipeline — a task and an email to the deal's owner — and a deal a salesperson
 * moves into that stage. Runs after {@link Demo} set up the tenant and the pipeline.
 */
final class DealPipelineDemo {
    private final LocalStack stack;
    private final DemoApi api;
    private final PrintStream out;

    DealPipelineDemo(LocalStack stack, DemoApi api, PrintStream out) {
        this.stack = stack;
        this.api = api;
        this.out = out;
    }

    void run() {
        say("");
        say("— Deal pipeline automation —");
        api.call("PUT", "/users/olivia", "{\"email\":\"olivia@example.com\",\"name\":\"Olivia\"}", null);
        api.call("PUT", "/pipelines/deal/sales/stages/contract-sent/actions", """
                {"actions":[
                  {"type":"create_task","id":"chase","subject":"Follow up on the contract for {{dealname}}",
                   "body":"Check it was received and answer questions.","dueIn":"P2D","next":"tell"},
                  {"type":"notify","id":"tell","recipients":{"owner":true},"channels":["email","in_app"],
                   "subject":"Contract sent: {{dealname}}","body":"{{dealname}} ({{amount|no amount}}) is in Contract sent."}]}""",
                null);
        String workflow = StageWorkflows.idFor("deal", "sales", "contract-sent");
        say("On the Sales pipeline, stage 'Contract sent' now creates a task and emails the deal's owner.");
        say("  It is the workflow '" + workflow + "': GET /workflows/" + workflow + " opens it.");

        api.call("POST", "/records/deal", Json.write(Map.of("id", "acme-renewal", "properties", Map.of("dealname",
                "Acme renewal", "amount", "12000", "pipeline", "sales", "dealstage", "appointment",
                "hubspot_owner_id", "olivia"))), null);
        stack.drain();
        api.call("PATCH", "/records/deal/acme-renewal", "{\"properties\":{\"dealstage\":\"contract-sent\"}}", "sam");
        stack.drain();
        say("Sam moved the deal 'Acme renewal' (owner: Olivia) from 'Appointment scheduled' to 'Contract sent'.");

        String enrollment = Enrollment.idFor(workflow, new RecordRef("deal", "acme-renewal"));
        say("");
        say("What the stage's workflow did (oldest first):");
        JsonNode history = api.call("GET", "/enrollments/" + enrollment + "/history", null, null).get("items");
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode h = history.get(i);
            say("  " + h.get("kind").asText() + (h.hasNonNull("actionId") ? " [" + h.get("actionId").asText() + "]" : "")
                    + ": " + h.get("detail").asText());
        }
        JsonNode task = api.call("GET", "/records/task/" + StepIds.task(enrollment, 1), null, null).get("properties");
        say("Task created: \"" + task.get("hs_task_subject").asText() + "\", owner " + task.get("hubspot_owner_id")
                .asText() + ", due " + task.get("hs_timestamp").asText());
        stack.mailbox().sent().stream().filter(m -> m.to().contains("olivia@example.com"))
                .forEach(m -> say("Email to olivia@example.com — \"" + m.subject() + "\": " + m.body().strip()));
        JsonNode stages = api.call("GET", "/records/deal/acme-renewal/stage-history", null, null).get("items");
        stages.forEach(c -> say("Stage history: " + Demo.stageChange(c)));
    }

    private void say(String line) {
        out.println(line);
    }
}
