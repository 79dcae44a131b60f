package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.model.Origin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-LEAD-1..6 through the API and the real handlers: the default lead pipeline's templated automations. */
class LeadAutomationRequirementsTest {
    private static final String NEW = "new-stage-id";
    private static final String ATTEMPTING = "attempting-stage-id";
    private static final String CONNECTED = "connected-stage-id";
    private static final String DISQUALIFIED = "unqualified-stage-id";
    private static final String AUTOMATIONS = "/pipelines/lead/lead-pipeline/templated-automations";

    private final WorkflowScenario s = new WorkflowScenario();

    private void configure(String patch) {
        Api.Answer saved = s.api.patch(AUTOMATIONS, patch);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** A lead of the default pipeline in {@code stage}, associated with the contact. */
    private void lead(String id, String stage, String contactId) {
        aMomentLater();
        s.record("lead", id, Map.of("hs_lead_name", id, "hs_pipeline", "lead-pipeline", "hs_pipeline_stage", stage));
        Api.Answer linked = s.api.post("/records/lead/" + id + "/associations",
                "{\"objectType\":\"contact\",\"id\":\"" + contactId + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(204);
        s.stack.drain();
    }

    /** An activity a user (or, with actor RECORD, the contact) did, logged on a lead or a contact. */
    private void activity(String type, String id, String activity, String actor, Map<String, String> attributes) {
        aMomentLater();
        Api.Answer logged = s.api.post("/events", Json.write(Map.of("record", Map.of("objectType", type, "id", id),
                "activity", Map.of("type", activity, "actor", Map.of("kind", actor, "id", actor.equals("USER") ? "u1" : id),
                        "attributes", attributes))));
        assertThat(logged.status()).as(logged.body()).isEqualTo(202);
        s.stack.drain();
    }

    /** Changes made at one instant list in no particular order; a person's come one after the other. */
    private static void aMomentLater() {
        SharedStack.CLOCK.advance(Duration.ofSeconds(1));
    }

    private String stage(String leadId) {
        return s.property("lead", leadId, "hs_pipeline_stage");
    }

    /** The stage history's origins, oldest first, as "KIND:id". */
    private List<String> movedBy(String leadId) {
        JsonNode items = s.api.get("/records/lead/" + leadId + "/stage-history").json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(c -> c.get("property").asText().equals("hs_pipeline_stage"))
                .map(c -> c.at("/origin/kind").asText() + ":" + c.at("/origin/id").asText() + " -> " + c.get("to").asText())
                .toList();
    }

    /** The contact's leads, as a person sees them on the contact's record. */
    private List<JsonNode> leadsOf(String contactId) {
        JsonNode associations = s.api.get("/records/contact/" + contactId + "/associations").expect(200).json();
        return StreamSupport.stream(associations.get("items").spliterator(), false)
                .filter(a -> a.at("/to/objectType").asText().equals("lead"))
                .map(a -> s.api.get("/records/lead/" + a.at("/to/id").asText()).expect(200).json()).toList();
    }

    /** The change as the company lifecycle-stage sync commits it: with the engine, from outside the API. */
    private void lifecycleSync(String contactId, String stage) {
        s.stack.engine("ApiFunction").records().update(s.tenant, "contact", contactId, Map.of("lifecyclestage", stage),
                new Origin(Origin.Kind.LIFECYCLE_SYNC, "acme-inc"), s.now());
        s.stack.drain();
    }

    @Test
    @DisplayName("R-LEAD-1 a contact created in or changed to a chosen lifecycle stage gets a lead at New, "
            + "but not when a company lifecycle-stage sync changed it")
    void R_LEAD_1_leadForAContactReachingAChosenStage_notOnACompanySync() {
        configure("{\"createLead\": {\"enabled\": true, \"lifecycleStages\": [\"salesqualifiedlead\"]}}");

        s.contact("ada", Map.of("firstname", "Ada", "lastname", "Lovelace", "lifecyclestage", "salesqualifiedlead"));
        s.contact("grace", Map.of("lifecyclestage", "lead"));
        s.contact("alan", Map.of("lifecyclestage", "lead"));
        s.stage("grace", "salesqualifiedlead");
        lifecycleSync("alan", "salesqualifiedlead");

        assertThat(leadsOf("ada")).singleElement().satisfies(lead -> {
            assertThat(lead.at("/properties/hs_lead_name").asText()).isEqualTo("Ada Lovelace");
            assertThat(lead.at("/properties/hs_pipeline").asText()).isEqualTo("lead-pipeline");
            assertThat(lead.at("/properties/hs_pipeline_stage").asText()).isEqualTo(NEW);
            assertThat(movedBy(lead.get("id").asText())).containsExactly("LEAD_AUTOMATION:create-lead -> " + NEW);
        });
        assertThat(leadsOf("grace")).as("changed to the stage").hasSize(1);
        assertThat(s.property("contact", "alan", "lifecyclestage")).isEqualTo("salesqualifiedlead");
        assertThat(leadsOf("alan")).as("the company sync changed it").isEmpty();
    }

    @Test
    @DisplayName("R-LEAD-2 a lead disqualified with a chosen reason, or given one once disqualified, gets a "
            + "follow-up lead of the chosen type")
    void R_LEAD_2_followUpLeadForADisqualifiedLead() {
        configure("{\"followUpLead\": {\"enabled\": true, \"leadType\": \"RE_ATTEMPTING\", "
                + "\"disqualificationReasons\": [\"timing\"]}}");
        s.contact("ada", Map.of());
        s.contact("grace", Map.of());
        s.contact("alan", Map.of());
        lead("l-ada", CONNECTED, "ada");
        lead("l-grace", CONNECTED, "grace");
        lead("l-alan", CONNECTED, "alan");

        s.update("lead", "l-ada", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "timing"));
        s.update("lead", "l-grace", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "no_fit"));
        s.update("lead", "l-alan", Map.of("hs_pipeline_stage", DISQUALIFIED));
        aMomentLater();
        s.update("lead", "l-alan", Map.of("hs_lead_disqualification_reason", "timing"));

        assertThat(leadsOf("ada")).hasSize(2).filteredOn(l -> !l.get("id").asText().equals("l-ada")).singleElement()
                .satisfies(followUp -> {
                    assertThat(followUp.at("/properties/hs_lead_type").asText()).isEqualTo("RE_ATTEMPTING");
                    assertThat(followUp.at("/properties/hs_pipeline_stage").asText()).isEqualTo(NEW);
                });
        assertThat(leadsOf("grace")).as("another reason").hasSize(1);
        assertThat(leadsOf("alan")).as("the reason chosen after the move").hasSize(2);
    }

    @Test
    @DisplayName("R-LEAD-3 a user's outreach moves a lead to Attempting; from-stage, to-stage and events are configurable")
    void R_LEAD_3_outreachMovesToAttempting() {
        s.contact("ada", Map.of());
        lead("l-ada", NEW, "ada");
        lead("l-ada-2", NEW, "ada");
        activity("contact", "ada", "email_sent", "USER", Map.of());
        assertThat(stage("l-ada")).as("logged on the contact: each of its leads").isEqualTo(ATTEMPTING);
        assertThat(stage("l-ada-2")).isEqualTo(ATTEMPTING);
        assertThat(movedBy("l-ada")).containsExactly("API: -> " + NEW, "LEAD_AUTOMATION:attempting -> " + ATTEMPTING);

        configure("{\"attempting\": {\"from\": [\"" + NEW + "\"], \"to\": \"" + CONNECTED + "\", \"events\": [\"call_logged\"]}}");
        s.contact("grace", Map.of());
        lead("l-grace", NEW, "grace");
        lead("l-grace-attempted", ATTEMPTING, "grace");
        activity("lead", "l-grace", "linkedin_message_sent", "USER", Map.of());
        assertThat(stage("l-grace")).as("not one of the chosen events").isEqualTo(NEW);
        activity("contact", "grace", "call_logged", "USER", Map.of("outcome", "no_answer"));
        assertThat(stage("l-grace")).as("the chosen to-stage").isEqualTo(CONNECTED);
        assertThat(stage("l-grace-attempted")).as("not in a chosen from-stage").isEqualTo(ATTEMPTING);
    }

    @Test
    @DisplayName("R-LEAD-4 engagement (a reply, a completed meeting, a call logged as connected) moves a lead to Connected")
    void R_LEAD_4_engagementMovesToConnected() {
        s.contact("ada", Map.of());
        lead("l-reply", ATTEMPTING, "ada");
        s.contact("grace", Map.of());
        lead("l-call", NEW, "grace");
        lead("l-meeting", ATTEMPTING, "grace");

        activity("contact", "ada", "email_replied", "RECORD", Map.of());
        activity("lead", "l-call", "call_logged", "USER", Map.of("outcome", "connected"));
        activity("lead", "l-meeting", "meeting_outcome_set", "USER", Map.of("outcome", "completed"));

        assertThat(stage("l-reply")).isEqualTo(CONNECTED);
        assertThat(stage("l-call")).isEqualTo(CONNECTED);
        assertThat(stage("l-meeting")).isEqualTo(CONNECTED);
        assertThat(movedBy("l-call")).last().isEqualTo("LEAD_AUTOMATION:connected -> " + CONNECTED);
    }

    @Test
    @DisplayName("R-LEAD-5 a lead moved back by hand is not advanced automatically again; one moved forward by hand is")
    void R_LEAD_5_aLeadMovedBackByHandIsLeftAlone() {
        s.contact("ada", Map.of());
        lead("l-ada", NEW, "ada");
        activity("lead", "l-ada", "email_replied", "RECORD", Map.of());
        assertThat(stage("l-ada")).isEqualTo(CONNECTED);

        byHand("l-ada", NEW);
        activity("lead", "l-ada", "call_logged", "USER", Map.of("outcome", "connected"));

        assertThat(stage("l-ada")).isEqualTo(NEW);
        assertThat(movedBy("l-ada")).containsExactly("API: -> " + NEW, "LEAD_AUTOMATION:connected -> " + CONNECTED,
                "USER:u1 -> " + NEW);

        s.contact("grace", Map.of());
        lead("l-grace", NEW, "grace");
        byHand("l-grace", ATTEMPTING);
        activity("lead", "l-grace", "call_logged", "USER", Map.of("outcome", "connected"));

        assertThat(stage("l-grace")).as("moved forward by hand: still advanced").isEqualTo(CONNECTED);
        assertThat(movedBy("l-grace")).containsExactly("API: -> " + NEW, "USER:u1 -> " + ATTEMPTING,
                "LEAD_AUTOMATION:connected -> " + CONNECTED);
    }

    /** A user moving the lead to {@code stage} in the app. */
    private void byHand(String leadId, String stage) {
        aMomentLater();
        s.api.as("u1").patch("/records/lead/" + leadId, "{\"properties\": {\"hs_pipeline_stage\": \"" + stage + "\"}}")
                .expect(200);
        s.stack.drain();
    }

    @Test
    @DisplayName("R-LEAD-6 the templated automations are the default lead pipeline's only, each toggled and edited "
            + "on its own, and bad settings are refused when saved")
    void R_LEAD_6_defaultPipelineOnly_toggledAndEdited_checkedWhenSaved() {
        JsonNode defaults = s.api.get(AUTOMATIONS).json();
        assertThat(defaults.at("/attempting/enabled").asBoolean()).isTrue();
        assertThat(defaults.at("/connected/from").toString()).isEqualTo("[\"" + NEW + "\",\"" + ATTEMPTING + "\"]");
        assertThat(defaults.at("/createLead/enabled").asBoolean()).isFalse();

        assertThat(s.api.put("/pipelines/lead/partners", "{\"label\": \"Partners\", \"stages\": ["
                + "{\"id\": \"" + NEW + "\", \"label\": \"New\", \"open\": true},"
                + "{\"id\": \"" + ATTEMPTING + "\", \"label\": \"Attempting\", \"open\": true}]}").status()).isEqualTo(200);
        Api.Answer custom = s.api.patch("/pipelines/lead/partners/templated-automations",
                "{\"attempting\": {\"enabled\": true}}");
        assertThat(custom.status()).isEqualTo(400);
        assertThat(custom.body()).contains("custom lead pipeline", "stage automation");
        assertThat(custom.pointers()).containsExactly("/path/pipelineId");
        Api.Answer bad = s.api.patch(AUTOMATIONS, "{\"createLead\": {\"enabled\": true, \"lifecycleStages\": [\"hot\"]},"
                + "\"attempting\": {\"to\": \"won\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.pointers()).containsExactly("/createLead/lifecycleStages/0", "/attempting/to");
        Api.Answer unknownEvent = s.api.patch(AUTOMATIONS, "{\"connected\": {\"events\": [\"email_opened\"]}}");
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.pointers()).containsExactly("/connected/events/0");
        assertThat(s.api.get(AUTOMATIONS).json()).as("nothing refused was saved").isEqualTo(defaults);

        configure("{\"attempting\": {\"enabled\": false}}");
        JsonNode saved = s.api.get(AUTOMATIONS).json();
        assertThat(saved.at("/attempting/enabled").asBoolean()).isFalse();
        assertThat(saved.get("connected")).as("the others keep their settings").isEqualTo(defaults.get("connected"));
        s.contact("ada", Map.of());
        lead("l-ada", NEW, "ada");
        s.record("lead", "l-partner", Map.of("hs_pipeline", "partners", "hs_pipeline_stage", NEW));
        s.stack.drain();
        activity("lead", "l-ada", "email_sent", "USER", Map.of());
        activity("lead", "l-partner", "email_replied", "RECORD", Map.of());

        assertThat(stage("l-ada")).as("switched off").isEqualTo(NEW);
        assertThat(stage("l-partner")).as("a custom pipeline uses stage automation").isEqualTo(NEW);
    }

    @Test
    @DisplayName("R-LEAD-6 a null inside a list of the settings is refused at its own pointer, and nothing is saved")
    void R_LEAD_6_aNullInAList_isRefusedAtItsPointer() {
        JsonNode before = s.api.get(AUTOMATIONS).json();

        Api.Answer bad = s.api.patch(AUTOMATIONS, "{\"createLead\": {\"lifecycleStages\": [null]},"
                + "\"attempting\": {\"events\": [\"email_sent\", null]}, \"connected\": {\"from\": [null]}}");

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.pointers()).containsExactly("/createLead/lifecycleStages/0", "/attempting/events/1",
                "/connected/from/0");
        assertThat(s.api.get(AUTOMATIONS).json()).isEqualTo(before);
    }
}
