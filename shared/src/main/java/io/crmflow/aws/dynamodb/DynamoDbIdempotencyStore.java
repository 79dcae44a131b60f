package io.crmflow.aws.dynamodb;

import io.crmflow.store.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records as one item per key: a conditional put claims it (when absent, expired,
 * or an in-progress claim that expired), an update keeps the answer, a conditional delete gives
 * a claim up. The table's time-to-live attribute removes records after their expiry; until it
 * does, the claim's condition treats an expired record as absent.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name; races between sends
 * of one key are settled by DynamoDB's condition.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    /** A claim lost to a release or an expiry between our put and our read is simply tried again, a few times. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbIdempotencyStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    private static Map<String, AttributeValue> key(String tenantId, String key) {
        return Items.key(Keys.idempotency(tenantId, key), Keys.IDEMPOTENCY_SK);
    }

    @Override
    public Claim claim(String tenantId, String key, String requestHash, Instant now, Instant claimExpiresAt,
                       Instant expiresAt) {
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            if (tryClaim(tenantId, key, requestHash, now, claimExpiresAt, expiresAt)) {
                return new Claim.Acquired();
            }
            Optional<Claim> held = get(tenantId, key).filter(item -> !absentAt(item, now)).map(this::held);
            if (held.isPresent()) {
                return held.get();
            }
        }
        throw new IllegalStateException("idempotency key " + key + " is being claimed and released too fast to settle");
    }

    private boolean tryClaim(String tenantId, String key, String requestHash, Instant now, Instant claimExpiresAt,
                             Instant expiresAt) {
        Map<String, AttributeValue> item = key(tenantId, key);
        item.put("tenantId", Items.s(tenantId));
        item.put("idempotencyKey", Items.s(key));
        item.put("requestHash", Items.s(requestHash));
        item.put("status", Items.s(IN_PROGRESS));
        item.put("claimExpiresAt", Items.n(claimExpiresAt.toEpochMilli()));
        item.put(Keys.EXPIRES_AT, Items.n(expiresAt.getEpochSecond()));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #expires <= :nowSecond"
                            + " OR (#status = :inProgress AND #claimEnds < :nowMillis)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#expires", Keys.EXPIRES_AT, "#status", "status",
                            "#claimEnds", "claimExpiresAt"))
                    .expressionAttributeValues(Map.of(":inProgress", Items.s(IN_PROGRESS),
                            ":nowSecond", Items.n(now.getEpochSecond()), ":nowMillis", Items.n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The claim's condition, read back: true when a new claim would have taken the record over. */
    private static boolean absentAt(Map<String, AttributeValue> item, Instant now) {
        return Items.num(item, Keys.EXPIRES_AT) <= now.getEpochSecond()
                || (IN_PROGRESS.equals(Items.str(item, "status")) && Items.num(item, "claimExpiresAt") < now.toEpochMilli());
    }

    private Claim held(Map<String, AttributeValue> item) {
        String hash = Items.str(item, "requestHash");
        if (IN_PROGRESS.equals(Items.str(item, "status"))) {
            return new Claim.InProgress(hash, Instant.ofEpochMilli(Items.num(item, "claimExpiresAt")));
        }
        return new Claim.Completed(hash, new Answer((int) Items.num(item, "answerStatus"),
                Items.optionalStr(item, "answerContentType"), Items.optionalStr(item, "answerBody")));
    }

    @Override
    public void complete(String tenantId, String key, Answer answer, Instant expiresAt) {
        StringBuilder set = new StringBuilder("SET #status = :completed, #answerStatus = :answerStatus, #expires = :expires");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":completed", Items.s(COMPLETED),
                ":inProgress", Items.s(IN_PROGRESS), ":answerStatus", Items.n(answer.status()),
                ":expires", Items.n(expiresAt.getEpochSecond())));
        if (answer.contentType() != null) {
            set.append(", answerContentType = :contentType");
            values.put(":contentType", Items.s(answer.contentType()));
        }
        if (answer.body() != null) {
            set.append(", answerBody = :body");
            values.put(":body", Items.s(answer.body()));
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(tenantId, key))
                    .conditionExpression("#status = :inProgress")
                    .updateExpression(set + " REMOVE #claimEnds")
                    .expressionAttributeNames(Map.of("#status", "status", "#answerStatus", "answerStatus",
                            "#expires", Keys.EXPIRES_AT, "#claimEnds", "claimExpiresAt"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("idempotency key " + key + " is not claimed, so it cannot be completed", e);
        }
    }

    /** Only an in-progress claim is given up: a completed record must keep answering. */
    @Override
    public void release(String tenantId, String key) {
        try {
            client.deleteItem(b -> b.tableName(table).key(key(tenantId, key))
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", Items.s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException e) {
            // Completed, or never claimed: nothing to give up.
        }
    }

    private Optional<Map<String, AttributeValue>> get(String tenantId, String key) {
        var response = client.getItem(b -> b.tableName(table).key(key(tenantId, key)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
