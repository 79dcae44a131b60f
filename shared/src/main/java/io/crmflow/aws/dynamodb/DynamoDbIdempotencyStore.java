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
 * a claim up ({@link ClaimItems}, shared with the effect ledger). The table's time-to-live
 * attribute removes records after their expiry; until it does, the claim's condition treats an
 * expired record as absent.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name; races between sends
 * of one key are settled by DynamoDB's condition.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
    private static final String COMPLETED = "COMPLETED";

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
        for (int attempt = 0; attempt < ClaimItems.MAX_CLAIM_ATTEMPTS; attempt++) {
            if (tryClaim(tenantId, key, requestHash, now, claimExpiresAt, expiresAt)) {
                return new Claim.Acquired();
            }
            Optional<Claim> held = ConsistentGet.item(client, table, key(tenantId, key))
                    .filter(item -> !absentAt(item, now)).map(DynamoDbIdempotencyStore::held);
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
        item.put(ClaimItems.STATUS, Items.s(ClaimItems.IN_PROGRESS));
        item.put(ClaimItems.CLAIM_EXPIRES_AT, Items.n(claimExpiresAt.toEpochMilli()));
        item.put(Keys.EXPIRES_AT, Items.n(expiresAt.getEpochSecond()));
        return ClaimItems.claim(client, table, item, "attribute_not_exists(#pk) OR #expires <= :nowSecond"
                        + " OR (#status = :inProgress AND #claimEnds < :nowMillis)",
                Map.of("#pk", Keys.PK, "#expires", Keys.EXPIRES_AT, "#status", ClaimItems.STATUS,
                        "#claimEnds", ClaimItems.CLAIM_EXPIRES_AT),
                Map.of(":inProgress", Items.s(ClaimItems.IN_PROGRESS), ":nowSecond", Items.n(now.getEpochSecond()),
                        ":nowMillis", Items.n(now.toEpochMilli())));
    }

    /** The claim's condition, read back: true when a new claim would have taken the record over. */
    private static boolean absentAt(Map<String, AttributeValue> item, Instant now) {
        return Items.num(item, Keys.EXPIRES_AT) <= now.getEpochSecond()
                || (ClaimItems.inProgress(item) && Items.num(item, ClaimItems.CLAIM_EXPIRES_AT) < now.toEpochMilli());
    }

    private static Claim held(Map<String, AttributeValue> item) {
        String hash = Items.str(item, "requestHash");
        if (ClaimItems.inProgress(item)) {
            return new Claim.InProgress(hash, Instant.ofEpochMilli(Items.num(item, ClaimItems.CLAIM_EXPIRES_AT)));
        }
        return new Claim.Completed(hash, new Answer((int) Items.num(item, "answerStatus"),
                Items.optionalStr(item, "answerContentType"), Items.optionalStr(item, "answerBody")));
    }

    @Override
    public void complete(String tenantId, String key, Answer answer, Instant expiresAt) {
        StringBuilder set = new StringBuilder("SET #status = :completed, #answerStatus = :answerStatus, #expires = :expires");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":completed", Items.s(COMPLETED),
                ":inProgress", Items.s(ClaimItems.IN_PROGRESS), ":answerStatus", Items.n(answer.status()),
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
                    .expressionAttributeNames(Map.of("#status", ClaimItems.STATUS, "#answerStatus", "answerStatus",
                            "#expires", Keys.EXPIRES_AT, "#claimEnds", ClaimItems.CLAIM_EXPIRES_AT))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("idempotency key " + key + " is not claimed, so it cannot be completed", e);
        }
    }

    /** Only an in-progress claim is given up: a completed record must keep answering. */
    @Override
    public void release(String tenantId, String key) {
        ClaimItems.release(client, table, key(tenantId, key));
    }
}
