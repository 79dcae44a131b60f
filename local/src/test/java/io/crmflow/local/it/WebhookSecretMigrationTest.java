package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.outbound.WebhookSignature;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A tenant whose webhook settings item was written before secrets moved to Parameter Store, so
 * it holds the secret itself: its webhooks are still signed with it, and the next save of the
 * settings moves it to Parameter Store and leaves only the reference in the table.
 */
@DisplayName("R-WF-4 a webhook signing secret an older item holds itself is used, then moved to Parameter Store on the next save")
class WebhookSecretMigrationTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();
    private final String secret = "whsec-" + UUID.randomUUID().toString().replace("-", "");
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Map<String, AttributeValue> settingsKey() {
        return Map.of("pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("WEBHOOKS"));
    }

    private void writeItemAsOlderVersionsDid() {
        Map<String, AttributeValue> item = new java.util.HashMap<>(settingsKey());
        item.put("json", AttributeValue.fromS("{\"signingSecret\":\"" + secret + "\",\"allowPrivateTargets\":true}"));
        stack.clients().dynamoDb().putItem(b -> b.tableName(stack.resources().tableName()).item(item));
    }

    private JsonNode settingsItemJson() {
        return Json.tree(stack.clients().dynamoDb().getItem(b -> b.tableName(stack.resources().tableName())
                .key(settingsKey())).item().get("json").s());
    }

    private void customer(Api api, String id) {
        api.post("/records/contact", "{\"id\": \"" + id + "\", \"properties\": {\"lifecyclestage\": \"customer\"}}")
                .expect(201);
        stack.drain();
    }

    @Test
    void olderItem_signsWithItsSecret_andTheNextSaveMovesItToParameterStore() {
        Api api = Api.forNewTenant(stack, tenant);
        writeItemAsOlderVersionsDid();
        assertThat(api.get("/settings/webhooks").json()).isEqualTo(Json.tree(
                "{\"signingSecretSet\": true, \"allowPrivateTargets\": true}"));
        api.put("/workflows/notify", """
                {"name": "Tell the shop", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                     {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
                 "firstActionId": "hook",
                 "actions": [{"type": "webhook", "id": "hook", "url": "%s"}]}""".formatted(receiver.url()))
                .expect(200);

        customer(api, "c-1");
        assertThat(receiver.signed()).singleElement().satisfies(post ->
                assertThat(WebhookSignature.verify(secret, post.signature(), post.body())).isTrue());

        api.patch("/settings/webhooks", "{\"allowPrivateTargets\": true}").expect(200);

        assertThat(TableText.itemsContaining(stack, secret)).as("no item of the table holds the secret").isEmpty();
        JsonNode ref = settingsItemJson().get("signingSecretRef");
        assertThat(ref.get("name").asText()).endsWith("/tenants/" + tenant + "/webhook-signing-secret");
        assertThat(stack.clients().parameters().getDecrypted(ref.get("name").asText())).contains(secret);
        customer(api, "c-2");
        assertThat(receiver.signed()).hasSize(2).last().satisfies(post ->
                assertThat(WebhookSignature.verify(secret, post.signature(), post.body())).isTrue());
    }
}
