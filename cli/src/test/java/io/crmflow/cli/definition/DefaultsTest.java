package io.crmflow.cli.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void whatMeansTheSameLeftOut_isLeftOut_andWhatAPersonChose_stays() {
        DefinitionKey key = DefinitionKey.of(Kind.WORKFLOW, "w");
        JsonNode canonical = Canonical.of(key, Json.tree("""
                {"name": "Tell", "objectType": "contact", "enabled": false, "firstActionId": "tell", "actions": [
                  {"type": "notify", "id": "tell", "recipients": {"users": ["ana"]}, "channels": ["email"],
                   "subject": "s", "body": "b"}]}"""));

        JsonNode pruned = Defaults.prune(key, canonical);

        assertThat(Canonical.of(key, pruned)).as("the same meaning").isEqualTo(canonical);
        assertThat(pruned.toString()).isEqualTo("{\"name\":\"Tell\",\"objectType\":\"contact\",\"enabled\":false,"
                + "\"firstActionId\":\"tell\",\"actions\":[{\"type\":\"notify\",\"id\":\"tell\",\"recipients\":"
                + "{\"users\":[\"ana\"]},\"channels\":[\"email\"],\"subject\":\"s\",\"body\":\"b\"}]}");
    }

    @Test
    void aWorkflowOn_andNamedAsItsId_saysNeither() {
        DefinitionKey key = DefinitionKey.of(Kind.WORKFLOW, "w");

        JsonNode pruned = Defaults.prune(key, Canonical.of(key, Json.tree("{\"name\": \"w\", \"objectType\": \"deal\"}")));

        assertThat(pruned.toString()).isEqualTo("{\"objectType\":\"deal\"}");
    }

    @Test
    void aListKeepsItsKind_andAPipelineItsStagesOpenOrNot() {
        DefinitionKey list = DefinitionKey.of(Kind.LIST, "vip");
        DefinitionKey pipeline = DefinitionKey.pipeline("deal", "sales");

        assertThat(Defaults.prune(list, Canonical.of(list, Json.tree(
                "{\"objectType\": \"contact\", \"kind\": \"static\"}"))).toString())
                .isEqualTo("{\"objectType\":\"contact\",\"kind\":\"static\"}");
        assertThat(Defaults.prune(pipeline, Canonical.of(pipeline, Json.tree(
                "{\"objectType\": \"deal\", \"stages\": [{\"id\": \"won\", \"label\": \"Won\", \"open\": false}]}")))
                .toString()).isEqualTo("{\"objectType\":\"deal\",\"stages\":[{\"id\":\"won\",\"label\":\"Won\",\"open\":false}]}");
    }
}
