package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The lead pipeline part of {@code --demo} (R-LEAD-4): the default lead pipeline's automations are
 * on from the start, so a lead whose contact takes a call logged as connected moves to Connected.
 * Runs after {@link Demo} created the tenant and the contact Grace.
 */
final class LeadPipelineDemo {
    private static final String TENANT = "demo";
    private final LocalStack stack;
    private final SettableClock clock;
    private final PrintStream out;

    LeadPipelineDemo(LocalStack stack, SettableClock clock, PrintStream out) {
        this.stack = stack;
        this.clock = clock;
        this.out = out;
    }

    void run() {
        say("");
        say("— Lead pipeline automation —");
        call("POST", "/records/lead", """
                {"id":"grace-lead","properties":{"hs_lead_name":"Grace","hs_pipeline":"lead-pipeline",
                 "hs_pipeline_stage":"new-stage-id"}}""");
        call("POST", "/records/lead/grace-lead/associations", "{\"objectType\":\"contact\",\"id\":\"grace\"}");
        stack.drain();
        say("Grace's lead 'grace-lead' is in the default lead pipeline, at " + stage("grace-lead") + ".");
        clock.advance(Duration.ofMinutes(30));
        call("POST", "/events", """
                {"record":{"objectType":"contact","id":"grace"},
                 "activity":{"type":"call_logged","actor":{"kind":"USER","id":"sam"},"attributes":{"outcome":"connected"}}}""");
        stack.drain();
        say("Half an hour later Sam logged a call with Grace as connected. Her lead is now at " + stage("grace-lead")
                + ":");
        call("GET", "/records/lead/grace-lead/stage-history", null).get("items").forEach(c -> say("  "
                + c.get("at").asText() + "  " + c.get("property").asText() + " " + c.path("from").asText("(none)")
                + " → " + c.get("to").asText() + "  by " + c.at("/origin/kind").asText()
                + (c.at("/origin/id").asText().isEmpty() ? "" : " '" + c.at("/origin/id").asText() + "'")));
    }

    /** The stage's label in the lead pipelines. */
    private String stage(String leadId) {
        String stage = call("GET", "/records/lead/" + leadId, null).at("/properties/hs_pipeline_stage").asText();
        for (JsonNode pipeline : call("GET", "/pipelines/lead", null).get("items")) {
            for (JsonNode s : pipeline.get("stages")) {
                if (s.get("id").asText().equals(stage)) {
                    return s.get("label").asText();
                }
            }
        }
        return stage;
    }

    private JsonNode call(String method, String path, String body) {
        APIGatewayV2HTTPResponse response = stack.call(method, path,
                Map.of("content-type", "application/json", "x-crmflow-tenant", TENANT), body);
        if (response.getStatusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response.getBody() == null ? Json.mapper().createObjectNode() : Json.tree(response.getBody());
    }

    private void say(String line) {
        out.println(line);
    }
}
