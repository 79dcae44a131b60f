package io.crmflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.json.Json;
import io.crmflow.local.it.SharedStack;
import io.crmflow.model.RecordRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code ./local/run.sh --demo} tells its whole story on a stack of its own, clock moved, nothing slept. */
class DemoTest {

    @Test
    void theDemo_welcomesACustomer_runsAStageWorkflow_aLeadAutomation_andACustomerJourney() throws Exception {
        var clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
        var told = new ByteArrayOutputStream();
        try (LocalStack stack = SharedStack.startOwn(clock, Files.createTempDirectory("demo-mail"))) {
            new Demo(stack, clock, new PrintStream(told, true, StandardCharsets.UTF_8)).run();

            assertTheJourneyRan(stack, new DemoApi(stack));
        }

        assertThat(told.toString(StandardCharsets.UTF_8)).contains(
                "ada: COMPLETED", "Welcome aboard, Ada!",
                "dealstage changed to 'contract-sent' by user 'sam'", "Task created: \"Follow up on the contract",
                "Stage history: dealstage appointment → contract-sent by USER 'sam'",
                "by LEAD_AUTOMATION 'connected'", "whatsapp to +33612345678: Hi Mia!");
    }

    @Test
    void theDemosJourney_isTheDocumentedOne() {
        assertThat(Json.tree(JourneyDemo.DEFINITION)).isEqualTo(Json.tree(JourneyExamples.NURTURE));
    }

    /**
     * R-JRN-4, 6, 7 and 13 as the journey part leaves them: Mia reached the goal through the
     * qualified stage's go-to, Noah left on matching an end early, Lea waits in the opportunity stage.
     */
    private static void assertTheJourneyRan(LocalStack stack, DemoApi api) {
        String journey = "/journeys/" + JourneyDemo.JOURNEY;
        JsonNode mia = api.call("GET", journey + "/contacts/mia", null);
        assertThat(mia.at("/enrollment/status").asText()).isEqualTo("COMPLETED");
        assertThat(mia.at("/log/items/1/actionId").asText()).as("the qualified stage's go_to_end").isEqualTo("done");
        assertThat(api.call("GET", "/records/contact/mia", null).at("/properties/lifecyclestage").asText())
                .isEqualTo("customer");
        assertThat(api.call("GET", journey + "/contacts/noah", null).at("/enrollment/status").asText())
                .isEqualTo("UNENROLLED");
        JsonNode lea = api.call("GET", journey + "/contacts/lea", null).get("enrollment");
        assertThat(lea.get("status").asText()).isEqualTo("WAITING");
        assertThat(lea.get("cursor").asText()).as("the go-to after the opportunity stage's wait").isEqualTo("again");
        // No route lists a list's members; the table the API writes to is read as the engine reads it.
        var records = stack.engine("ApiFunction").ports().records();
        assertThat(records.view(DemoApi.TENANT, new RecordRef("contact", "mia")).orElseThrow().staticLists())
                .contains("customers");
        assertThat(records.view(DemoApi.TENANT, new RecordRef("contact", "noah")).orElseThrow().staticLists())
                .doesNotContain("customers");

        assertThat(stack.mailbox().sent()).filteredOn(m -> m.subject().startsWith("Welcome, "))
                .extracting(m -> m.to().get(0) + ": " + m.subject())
                .containsExactlyInAnyOrder("mia@example.com: Welcome, Mia", "noah@example.com: Welcome, Noah",
                        "lea@example.com: Welcome, Lea");

        assertThat(stack.texts().requested()).as("R-JRN-5: the welcome stage's SMS and WhatsApp message, to each")
                .extracting(t -> t.text().channel() + " to " + t.text().to() + ": " + t.text().body())
                .containsExactlyInAnyOrder("SMS to +33612345678: Welcome aboard!", "SMS to +33612345678: Welcome aboard!",
                        "SMS to +33612345678: Welcome aboard!", "WHATSAPP to +33612345678: Hi Mia!",
                        "WHATSAPP to +33612345678: Hi Noah!", "WHATSAPP to +33612345678: Hi Lea!");

        JsonNode metrics = api.call("GET", journey + "/metrics", null);
        assertThat(metrics.get("enrolled").asLong()).isEqualTo(3);
        assertThat(metrics.get("active").asLong()).isEqualTo(1);
        assertThat(metrics.get("unenrolled").asLong()).isEqualTo(1);
        assertThat(metrics.get("ends").findValuesAsText("endId")).containsExactly("customer", "lost");
        assertThat(metrics.get("ends").findValuesAsText("reached")).containsExactly("1", "0");
        assertThat(metrics.at("/stages/0/entered").asLong()).isEqualTo(3);
        assertThat(metrics.at("/stages/0/paths").findValuesAsText("to"))
                .containsExactly("stage:lead", "stage:opportunity", "left");
        assertThat(metrics.at("/stages/2/paths").findValuesAsText("to")).containsExactly("end:customer");
        assertThat(metrics.at("/stages/3/paths").findValuesAsText("to")).containsExactly("here");
        assertThat(api.call("GET", journey + "/stage-reports", null).get("stages")).as("published asking for them")
                .hasSize(4);
        JsonNode paths = api.call("GET", journey + "/views", null).get("engagementPaths");
        assertThat(paths.at("/0/endId").asText()).isEqualTo("customer");
        assertThat(paths.at("/0/stages").findValuesAsText("stageId")).containsExactly("subscribed", "lead", "qualified");
    }
}
