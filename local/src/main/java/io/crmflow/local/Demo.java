package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.Enrollment;
import io.crmflow.json.Json;
import io.crmflow.model.RecordRef;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The sample scenario of {@code --demo}: a tenant, a deal pipeline, a welcome workflow for new
 * customers, three contacts, and what happens to them over a day — told in plain words; then the
 * pipeline parts ({@link DealPipelineDemo}, {@link LeadPipelineDemo}) and a customer journey
 * ({@link JourneyDemo}). Every step goes through the real API function, bus, queues and handlers.
 */
final class Demo {
    private final LocalStack stack;
    private final DemoApi api;
    private final SettableClock clock;
    private final PrintStream out;

    Demo(LocalStack stack, SettableClock clock, PrintStream out) {
        this.stack = stack;
        this.api = new DemoApi(stack);
        this.clock = clock;
        this.out = out;
    }

    void run() {
        say("crmflow demo — the local stack is up (DynamoDB Local, ElasticMQ, EventBridge and SES stand-ins).");
        api.call("POST", "/tenants", "{\"id\":\"demo\",\"name\":\"Demo Inc.\",\"timezone\":\"Europe/Paris\"}");
        api.call("PUT", "/pipelines/deal/sales", """
                {"label":"Sales","stages":[{"id":"appointment","label":"Appointment scheduled","open":true},
                 {"id":"contract-sent","label":"Contract sent","open":true},{"id":"won","label":"Closed won","open":false}]}""");
        api.call("PUT", "/workflows/customer-welcome", """
                {"name":"Customer welcome","objectType":"contact",
                 "trigger":{"criteria":{"groups":[{"conditions":[
                   {"type":"property","property":"lifecyclestage","operator":"eq","values":["customer"]}]}]}},
                 "firstActionId":"tag",
                 "actions":[
                   {"type":"set_property","id":"tag","property":"jobtitle","value":"Customer","next":"task"},
                   {"type":"create_task","id":"task","subject":"Call {{firstname}} to say thanks","body":"New customer",
                    "dueIn":"P1D","next":"wait"},
                   {"type":"delay","id":"wait","duration":"P1D","next":"mail"},
                   {"type":"send_email","id":"mail","kind":"transactional","from":"crmflow@example.com",
                    "subject":"Welcome aboard, {{firstname|friend}}!","body":"Hello {{firstname|there}}, thank you for choosing Demo Inc."}]}""");
        say("Created tenant 'demo', the deal pipeline 'Sales', and the workflow 'Customer welcome':");
        say("  when a contact's lifecycle stage becomes customer → set job title, create a task, wait 1 day, send an email.");

        contact("ada", "Ada", "ada@example.com", "lead");
        contact("grace", "Grace", "grace@example.com", "lead");
        contact("alan", "", "alan@example.com", "customer");
        stack.drain();
        say("");
        say("Added contacts ada (lead), grace (lead) and alan (already a customer, no first name).");
        api.call("PATCH", "/records/contact/ada", "{\"properties\":{\"lifecyclestage\":\"customer\"}}");
        say("Ada became a customer.");
        stack.drain();

        say("");
        say("Enrollments in 'Customer welcome' now:");
        printEnrollments();
        say("Mail sent so far: " + stack.mailbox().sent().size());

        clock.advance(Duration.ofDays(1));
        stack.tick();
        stack.drain();
        say("");
        say("One day later (the clock was moved, nothing slept):");
        printEnrollments();
        say("");
        say("Emails sent:");
        stack.mailbox().sent().forEach(m -> say("  to " + String.join(", ", m.to()) + " — \"" + m.subject() + "\"\n    "
                + m.body().strip()));
        say("");
        say("History of ada's enrollment (newest first):");
        String enrollment = Enrollment.idFor("customer-welcome", new RecordRef("contact", "ada"));
        JsonNode history = api.call("GET", "/enrollments/" + enrollment + "/history", null).get("items");
        history.forEach(h -> say("  " + h.get("at").asText() + "  " + pad(h.get("kind").asText()) + " "
                + (h.hasNonNull("actionId") ? "[" + h.get("actionId").asText() + "] " : "") + h.get("detail").asText()));
        say("");
        if (stack.mailbox() instanceof SesStandIn ses) {
            say("The SES stand-in kept each email as a file in " + ses.mailFolder() + ".");
        }
        say("Grace is still a lead, so she was not enrolled. Try it yourself: ./local/run.sh, then the README's curl lines.");
        new DealPipelineDemo(stack, api, out).run();
        new LeadPipelineDemo(stack, api, clock, out).run();
        new JourneyDemo(stack, api, clock, out).run();
    }

    private void contact(String id, String firstName, String email, String stage) {
        api.call("POST", "/records/contact", Json.write(Map.of("id", id, "properties",
                firstName.isEmpty() ? Map.of("email", email, "lifecyclestage", stage)
                        : Map.of("email", email, "firstname", firstName, "lifecyclestage", stage))));
    }

    private void printEnrollments() {
        JsonNode page = api.call("GET", "/workflows/customer-welcome/enrollments", null);
        if (page.get("items").isEmpty()) {
            say("  (none)");
        }
        page.get("items").forEach(e -> say("  " + e.at("/record/id").asText() + ": " + e.get("status").asText()
                + (e.hasNonNull("cursor") ? ", next action '" + e.get("cursor").asText() + "'" : "")
                + (e.get("status").asText().equals("WAITING") ? " due " + e.get("dueAt").asText() : "")));
    }

    /** One change of a record's stage as its stage history gives it: property, from, to and who made it. */
    static String stageChange(JsonNode change) {
        String by = change.at("/origin/id").asText();
        return change.get("property").asText() + " " + change.path("from").asText("(none)") + " → "
                + change.get("to").asText() + " by " + change.at("/origin/kind").asText()
                + (by.isEmpty() ? "" : " '" + by + "'");
    }

    private static String pad(String s) {
        return String.format("%-16s", s);
    }

    private void say(String line) {
        out.println(line);
    }
}
