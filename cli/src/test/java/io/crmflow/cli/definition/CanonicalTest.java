package io.crmflow.cli.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import org.junit.jupiter.api.Test;

class CanonicalTest {
    private static final DefinitionKey WORKFLOW = DefinitionKey.of(Kind.WORKFLOW, "w");

    @Test
    void twoSpellingsOfOneWorkflow_haveOneCanonicalForm() {
        JsonNode terse = Canonical.of(WORKFLOW, Json.tree("""
                {"objectType": "contact", "firstActionId": "tell", "actions": [
                  {"type": "notify", "id": "tell", "recipients": {"users": ["ana"]}, "channels": ["in_app", "email"],
                   "subject": "s", "body": "b", "next": "wait"},
                  {"type": "delay", "id": "wait", "duration": "P2D"}]}"""));
        JsonNode spelledOut = Canonical.of(WORKFLOW, Json.tree("""
                {"name": "w", "objectType": "contact", "enabled": true, "trigger": {"reenroll": false, "events": [],
                 "criteria": {"groups": []}}, "goal": {"criteria": {"groups": []}, "generation": 7},
                 "firstActionId": "tell", "actions": [
                  {"type": "notify", "id": "tell", "recipients": {"users": ["ana"], "teams": [], "owner": false},
                   "channels": ["email", "in_app"], "subject": "s", "body": "b", "next": "wait"},
                  {"type": "delay", "id": "wait", "duration": "PT48H"}]}"""));

        assertThat(spelledOut).isEqualTo(terse);
        assertThat(terse.has("version")).isFalse();
        assertThat(terse.at("/goal").has("generation")).as("the server's to decide").isFalse();
    }

    @Test
    void theCanonicalForm_isItsOwnCanonicalForm_andIsTheBodyTheApiTakes() {
        JsonNode canonical = Canonical.of(WORKFLOW, Json.tree("""
                {"objectType": "deal", "enabled": false, "window": {"days": ["FRIDAY", "MONDAY"], "from": "09:00",
                 "until": "17:00"}}"""));

        assertThat(Canonical.of(WORKFLOW, canonical)).isEqualTo(canonical);
        assertThat(canonical.at("/window/days").toString()).as("days as the week goes").isEqualTo("[\"MONDAY\",\"FRIDAY\"]");
        assertThat(canonical.get("enabled").asBoolean()).isFalse();
    }

    @Test
    void aWorkflowAsTheServerAnswersIt_losesWhatTheServerDecided() {
        JsonNode served = Json.tree("""
                {"tenantId": "acme", "id": "w", "name": "w", "objectType": "contact", "version": 4, "enabled": true,
                 "trigger": {"criteria": {"groups": []}, "reenroll": false, "events": []}, "actions": [],
                 "goal": {"criteria": {"groups": []}, "generation": 2}, "removedActions": {"old": null}}""");

        JsonNode canonical = Canonical.of(Models.fromTarget(served, io.crmflow.definition.WorkflowDefinition.class));

        assertThat(canonical).isEqualTo(Canonical.of(WORKFLOW, Json.tree("{\"objectType\": \"contact\"}")));
    }
}
