package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.outbound.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The webhook action through the real API, trigger and step handlers, posting to a receiver on
 * 127.0.0.1 (so the tenant allows private targets). The receiver checks what a real one would:
 * the signature over the body with the tenant's secret, and the delivery id.
 */
@DisplayName("R-WF-4, R-RUN-5: a webhook is posted once, signed with the secret kept in Parameter Store, also when its "
        + "step fails after the post and is redelivered")
class WebhookEndToEndTest {

    private static final String C1_NOTIFY = WorkflowScenario.ofContact("notify", "c-1");
    private static final String SECRET = "whsec-" + "a1b2c3d4".repeat(5);
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    private record Delivery(String deliveryId, String signature, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/crm", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
            if (received.size() == 1) {
                changeUnderTheStep(Json.tree(body).get("enrollmentId").asText());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /**
     * While the receiver takes the first post, the enrollment changes under the step, so the
     * step's commit fails after the post was made — as if the handler had died between the two —
     * and the step queue delivers the message again.
     */
    private void changeUnderTheStep(String enrollmentId) {
        stack.clients().dynamoDb().updateItem(b -> b.tableName(stack.resources().tableName())
                .key(Map.of("pk", AttributeValue.fromS("T#" + tenant + "#E#" + enrollmentId),
                        "sk", AttributeValue.fromS("#ENROLLMENT")))
                .updateExpression("SET #v = #v + :one")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    /** The tenant's webhook settings as the table holds them. */
    private JsonNode settingsItemJson() {
        var item = stack.clients().dynamoDb().getItem(b -> b.tableName(stack.resources().tableName())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("WEBHOOKS")))).item();
        return Json.tree(item.get("json").s());
    }

    private String parameterValue(String name) {
        return stack.clients().parameters().getDecrypted(name).orElseThrow();
    }

    private String workflow() {
        return """
                {"name": "Tell the shop", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                     {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
                 "firstActionId": "hook",
                 "actions": [
                   {"type": "webhook", "id": "hook", "url": "%s", "next": "tag"},
                   {"type": "set_property", "id": "tag", "property": "jobtitle", "value": "Told"}
                 ]}""".formatted("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/crm?source=crmflow");
    }

    @Test
    void customer_isPostedOnceSigned_andARedeliveredStepDoesNotPostAgain() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/workflows/notify", workflow()).status()).as("no secret set yet").isEqualTo(400);
        var settings = api.patch("/settings/webhooks",
                "{\"signingSecret\": \"" + SECRET + "\", \"allowPrivateTargets\": true}");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain(SECRET);
        assertThat(TableText.itemsContaining(stack, SECRET)).as("no item of the table holds the secret").isEmpty();
        assertThat(parameterValue(settingsItemJson().at("/signingSecretRef/name").asText()))
                .as("the item names the parameter that holds it").isEqualTo(SECRET);
        assertThat(api.get("/settings/webhooks").json()).isEqualTo(Json.tree(
                "{\"signingSecretSet\": true, \"allowPrivateTargets\": true}"));
        assertThat(api.put("/workflows/notify", workflow()).status()).isEqualTo(200);

        assertThat(api.post("/records/contact", "{\"id\": \"c-1\", \"properties\": {\"firstname\": \"Ada\", "
                + "\"lifecyclestage\": \"customer\"}}").status()).isEqualTo(201);
        stack.drain();

        assertThat(received).as("the step ran twice; the receiver got one post").singleElement().satisfies(d -> {
            assertThat(d.deliveryId()).isEqualTo("notify~contact~c-1#1");
            assertThat(WebhookSignature.verify(SECRET, d.signature(), d.body())).isTrue();
            JsonNode body = Json.tree(d.body());
            assertThat(body.get("workflowId").asText()).isEqualTo("notify");
            assertThat(body.get("enrollmentId").asText()).isEqualTo("notify~contact~c-1");
            assertThat(body.at("/step/actionId").asText()).isEqualTo("hook");
            assertThat(body.at("/record/id").asText()).isEqualTo("c-1");
            assertThat(body.at("/record/properties/firstname").asText()).isEqualTo("Ada");
        });
        JsonNode enrollment = api.get("/enrollments/" + C1_NOTIFY).json();
        assertThat(enrollment.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(api.get("/records/contact/c-1").json().at("/properties/jobtitle").asText()).isEqualTo("Told");
        JsonNode history = api.get("/enrollments/" + C1_NOTIFY + "/history").json().get("items");
        List<String> details = StreamSupport.stream(history.spliterator(), false)
                .filter(h -> "hook".equals(h.path("actionId").asText())).map(h -> h.get("detail").asText()).toList();
        assertThat(details).containsExactly("webhook to http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks/crm (delivered: HTTP 200, 1 attempt)");

        String again = Json.write(new StepMessage(tenant, C1_NOTIFY, 1));
        String stepQueue = stack.resources().queueUrl("StepQueue");
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stepQueue).messageBody(again));
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stepQueue).messageBody(again));
        stack.drain();
        assertThat(received).as("a redelivered step message posts nothing").hasSize(1);
    }
}
