package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The lead pipeline part of {@code --demo} (R-LEAD-4): the default lead pipeline's automations are
 * on from the start, so a lead whose contact takes a call logged as connected moves to Connected.
 * Runs after {@link Demo} created the tenant and the contact Grace.
 */
final class LeadPipelineDemo {
    private final LocalStack stack;
    private final DemoApi api;
    private final SettableClock clock;
    private final PrintStream out;

    LeadPipelineDemo(LocalStack stack, DemoApi api, SettableClock clock, PrintStream out) {
        this.stack = stack;
        this.api = api;
        this.clock = clock;
        this.out = out;
    }

    void run() {
        say("");
        say("— Lead pipeline automation —");
        api.call("POST", "/records/lead", """
                {"id":"grace-lead","properties":{"hs_lead_name":"Grace","hs_pipeline":"lead-pipeline",
                 "hs_pipeline_stage":"new-stage-id"}}""");
        api.call("POST", "/records/lead/grace-lead/associations", "{\"objectType\":\"contact\",\"id\":\"grace\"}");
        stack.drain();
        say("Grace's lead 'grace-lead' is in the default lead pipeline, at " + stage("grace-lead") + ".");
        clock.advance(Duration.ofMinutes(30));
        api.call("POST", "/events", """
                {"record":{"objectType":"contact","id":"grace"},
                 "activity":{"type":"call_logged","actor":{"kind":"USER","id":"sam"},"attributes":{"outcome":"connected"}}}""");
        stack.drain();
        say("Half an hour later Sam logged a call with Grace as connected. Her lead is now at " + stage("grace-lead")
                + ":");
        api.call("GET", "/records/lead/grace-lead/stage-history", null).get("items")
                .forEach(c -> say("  " + c.get("at").asText() + "  " + Demo.stageChange(c)));
    }

    /** The stage's label in the lead pipelines. */
    private String stage(String leadId) {
        String stage = api.call("GET", "/records/lead/" + leadId, null).at("/properties/hs_pipeline_stage").asText();
        for (JsonNode pipeline : api.call("GET", "/pipelines/lead", null).get("items")) {
            for (JsonNode s : pipeline.get("stages")) {
                if (s.get("id").asText().equals(stage)) {
                    return s.get("label").asText();
                }
            }
        }
        return stage;
    }

    private void say(String line) {
        out.println(line);
    }
}
