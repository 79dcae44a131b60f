package io.crmflow.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What the effect ledger and the idempotency store share: one item per key, claimed by a
 * conditional put ({@code status} in progress, {@code claimExpiresAt} while it holds), read back
 * when the claim is refused, given up by a conditional delete of an in-progress claim. Each store
 * keeps its own conditions for taking a claim over and its own completed state.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class ClaimItems {
    static final String STATUS = "status";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String CLAIM_EXPIRES_AT = "claimExpiresAt";
    /** A claim lost to a release (or an expiry) between our put and our read is simply tried again, a few times. */
    static final int MAX_CLAIM_ATTEMPTS = 3;

    private ClaimItems() {
    }

    /**
     * Puts {@code item} when {@code condition} holds (DynamoDB refuses names or values the
     * condition does not use, so the caller gives exactly those).
     *
     * @return false when the condition failed: another claim holds the key
     */
    static boolean claim(DynamoDbClient client, String table, Map<String, AttributeValue> item, String condition,
                         Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static boolean inProgress(Map<String, AttributeValue> item) {
        return IN_PROGRESS.equals(Items.str(item, STATUS));
    }

    /** Gives up an in-progress claim; a completed item, or none, is left as it is. */
    static void release(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        try {
            client.deleteItem(b -> b.tableName(table).key(key)
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":inProgress", Items.s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException e) {
            // Completed, or never claimed: nothing to give up.
        }
    }
}
