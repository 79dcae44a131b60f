package io.crmflow.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The few kinds of transaction item the codecs need. Attribute names in conditions always go
 * through placeholders, since several of ours ({@code status}, {@code version}) are or may
 * become DynamoDB reserved words.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class TransactItems {
    private TransactItems() {
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** Creates the item; fails if one with its key exists. */
    static TransactWriteItem create(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build();
    }

    /** Replaces the item only if it holds {@code version = expected}: the optimistic lock. */
    static TransactWriteItem replace(String table, Map<String, AttributeValue> item, long expected) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", Items.n(expected))).build()).build();
    }

    /** Creates when {@code expected} is 0, else replaces at that version. */
    static TransactWriteItem createOrReplace(String table, Map<String, AttributeValue> item, long expected) {
        return expected == 0 ? create(table, item) : replace(table, item, expected);
    }

    static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }
}
