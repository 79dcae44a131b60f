package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What is kept beside a record, read through the API: its associations and its stage history. */
@DisplayName("a record's associations and stage history, with who made each change, read through the API")
class RecordReadsTest {
    private final Api api = Api.forNewTenant(SharedStack.get(), SharedStack.uniqueTenant());

    private static List<JsonNode> items(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().get("items").spliterator(), false).toList();
    }

    @Test
    void stageHistory_listsEachChangeInTheOrderMade_withTheUserOrTheApi_andAssociationsAreListed() {
        assertThat(api.post("/records/deal", """
                {"id": "d1", "properties": {"dealname": "Big", "pipeline": "default", "dealstage": "appointment"}}""")
                .status()).isEqualTo(201);
        assertThat(api.post("/records/company", "{\"id\": \"acme\", \"properties\": {\"name\": \"Acme\"}}").status())
                .isEqualTo(201);
        assertThat(api.post("/records/deal/d1/associations", "{\"objectType\": \"company\", \"id\": \"acme\"}").status())
                .isEqualTo(204);
        assertThat(api.as("sam").patch("/records/deal/d1", "{\"properties\": {\"dealstage\": \"contractsent\"}}")
                .status()).isEqualTo(200);
        assertThat(api.patch("/records/deal/d1", "{\"properties\": {\"amount\": \"10\"}}").status()).isEqualTo(200);

        List<JsonNode> history = items(api.get("/records/deal/d1/stage-history"));
        assertThat(history).extracting(c -> c.get("property").asText() + ":" + c.get("to").asText() + " by "
                + c.get("origin").get("kind").asText() + " " + c.get("origin").get("id").asText()).containsExactly(
                "dealstage:appointment by API ", "pipeline:default by API ", "dealstage:contractsent by USER sam");
        assertThat(history.get(2).get("from").asText()).isEqualTo("appointment");

        assertThat(items(api.get("/records/deal/d1/associations"))).singleElement().satisfies(a ->
                assertThat(a.get("to").toString()).contains("\"objectType\":\"company\"", "\"id\":\"acme\""));
        assertThat(api.get("/records/deal/ghost/stage-history").status()).isEqualTo(404);
        assertThat(api.as("not a user id").patch("/records/deal/d1", "{\"properties\": {\"dealstage\": \"won\"}}")
                .json().get("errors").get(0).get("pointer").asText()).isEqualTo("/headers/x-crmflow-user");
    }
}
