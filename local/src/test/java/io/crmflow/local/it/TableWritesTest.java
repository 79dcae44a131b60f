package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.local.LocalStack;
import io.crmflow.local.TableWrites;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a recording of the stack's table writes sees. The R-RUN-6 checks that a refused request
 * wrote nothing ({@link ApiFuzzTest}, {@link ApiFuzzRegressionsTest}) only ever ask it for an
 * empty list; this is what shows the list would not be empty had a write been made.
 */
@DisplayName("TableWrites sees every write the stack's client makes and succeeds with, and nothing else")
class TableWritesTest {
    private final LocalStack stack = SharedStack.get();
    private final DynamoDbClient dynamo = stack.clients().dynamoDb();
    private final String table = stack.resources().tableName();
    private final String pk = "T#" + SharedStack.uniqueTenant() + "#TABLE-WRITES";

    @Test
    void eachWriteAloneInATransactionOrInABatch_isSeenInOrder_whileRecording() {
        TableWrites.Recording recording = stack.tableWrites().record();
        try (recording) {
            dynamo.putItem(b -> b.tableName(table).item(key("a")));
            dynamo.updateItem(b -> b.tableName(table).key(key("a")).updateExpression("SET n = :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(key("b")).build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key("a")).build()).build()));
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                    WriteRequest.builder().putRequest(p -> p.item(key("c"))).build(),
                    WriteRequest.builder().deleteRequest(d -> d.key(key("b"))).build()))));
            dynamo.deleteItem(b -> b.tableName(table).key(key("c")));
        }
        dynamo.putItem(b -> b.tableName(table).item(key("after")));

        assertThat(recording.writes()).extracting(w -> w.operation() + " " + w.sk()).containsExactly(
                "PutItem a", "UpdateItem a", "TransactWriteItems/Put b", "TransactWriteItems/Delete a",
                "BatchWriteItem/Put c", "BatchWriteItem/Delete b", "DeleteItem c");
        assertThat(recording.writes()).allSatisfy(w -> assertThat(w.pk()).isEqualTo(pk));
    }

    @Test
    void aWriteWhoseConditionFails_changedNothing_andIsNotSeen() {
        dynamo.putItem(b -> b.tableName(table).item(key("taken")));

        try (TableWrites.Recording recording = stack.tableWrites().record()) {
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(key("taken"))
                    .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);

            assertThat(recording.writes()).isEmpty();
        }
    }

    private Map<String, AttributeValue> key(String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
