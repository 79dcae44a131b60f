package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crmflow.local.Invocations;
import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import io.crmflow.local.RequestCounts.Outcome;
import io.crmflow.local.RequestCounts.Tally;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What a recording of the stack's requests and invocations sees: the numbers the cost
 * benchmark turns into dollars, so they must be put down to the right function, service and
 * operation, and a failed request must not go missing.
 */
@DisplayName("RequestCounts and Invocations count each request by who made it, and each function's invocations")
class RequestCountsTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    @Test
    void aContactCreatedAndItsEventHandled_isCountedByTheFunctionThatMadeEachRequest() {
        Api api = Api.forNewTenant(stack, tenant);
        RequestCounts.Recording requests = stack.requests().record();
        Invocations.Recording invocations = stack.invocations().record();
        try (requests; invocations) {
            api.post("/records/contact", "{\"id\":\"c-1\",\"properties\":{\"email\":\"ada@example.com\"}}").expect(201);
            stack.drain();
        }
        api.post("/records/contact", "{\"id\":\"c-2\",\"properties\":{\"email\":\"bob@example.com\"}}").expect(201);

        assertThat(find(requests, "ApiFunction", "DynamoDb", "TransactWriteItems", Outcome.SUCCEEDED))
                .hasValueSatisfying(t -> assertThat(t.requests()).as("one commit: record and outbox entry").isOne());
        assertThat(find(requests, "ApiFunction", "EventBridge", "PutEvents", Outcome.SUCCEEDED))
                .hasValueSatisfying(t -> assertThat(t.items()).as("the one event put").isOne());
        if (SharedStack.embedded()) {
            // The embedded bus delivers through a client of the stack's, which the recording sees;
            // an external endpoint delivers inside itself, where no client of ours is.
            assertThat(find(requests, LocalStack.EVENT_RULES, "Sqs", "SendMessage", Outcome.SUCCEEDED))
                    .as("the rule's delivery to the trigger queue").isPresent();
        }
        assertThat(find(requests, RequestCounts.NO_FUNCTION, "Sqs", "ReceiveMessage", Outcome.SUCCEEDED))
                .hasValueSatisfying(t -> assertThat(t.items()).as("the poller received the event").isPositive());
        assertThat(find(requests, "TriggerFunction", "DynamoDb", "Query", Outcome.SUCCEEDED)).isPresent();
        assertThat(invocations.tallies()).extracting(Invocations.Tally::function)
                .contains("ApiFunction", "TriggerFunction");
        assertThat(invocations.tallies()).filteredOn(t -> t.function().equals("ApiFunction")).singleElement()
                .satisfies(t -> assertThat(t.invocations()).as("the second post was made after closing").isOne());
    }

    @Test
    void dynamoDbRequests_reportTheCapacityTheyConsumed() {
        assumeTrue(SharedStack.embedded(), "consumed capacity is what DynamoDB Local reports; emulators may not");
        Api api = Api.forNewTenant(stack, tenant);
        try (RequestCounts.Recording requests = stack.requests().record()) {
            api.post("/records/contact", "{\"id\":\"c-1\",\"properties\":{\"email\":\"ada@example.com\"}}").expect(201);
            api.get("/records/contact/c-1").expect(200);

            assertThat(find(requests, "ApiFunction", "DynamoDb", "TransactWriteItems", Outcome.SUCCEEDED))
                    .hasValueSatisfying(t -> assertThat(t.writeUnits()).isPositive());
            assertThat(requests.tallies()).filteredOn(t -> t.key().caller().equals("ApiFunction")
                            && t.key().service().equals("DynamoDb") && t.key().operation().matches("GetItem|Query"))
                    .isNotEmpty().allSatisfy(t -> assertThat(t.readUnits()).isPositive());
        }
    }

    @Test
    void aFailedRequest_isCountedAsFailed_andNothingIsCountedOnceClosed() {
        DynamoDbClient dynamo = stack.clients().dynamoDb();
        String table = stack.resources().tableName();
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("T#" + tenant + "#COUNTS"),
                "sk", AttributeValue.fromS("taken"));
        dynamo.putItem(b -> b.tableName(table).item(item));

        RequestCounts.Recording requests = stack.requests().record();
        try (requests) {
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
        }
        dynamo.putItem(b -> b.tableName(table).item(item));

        assertThat(requests.tallies()).extracting(Tally::key).containsExactly(
                new RequestCounts.Key(RequestCounts.NO_FUNCTION, "DynamoDb", "PutItem", Outcome.FAILED));
    }

    private static Optional<Tally> find(RequestCounts.Recording recording, String caller, String service,
                                        String operation, Outcome outcome) {
        List<Tally> found = recording.tallies().stream().filter(t -> t.key().equals(
                new RequestCounts.Key(caller, service, operation, outcome))).toList();
        return found.stream().findFirst();
    }
}
