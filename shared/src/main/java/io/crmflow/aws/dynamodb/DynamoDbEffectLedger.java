package io.crmflow.aws.dynamodb;

import io.crmflow.store.EffectLedger;
import io.crmflow.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The effect ledger as one item per effect: a conditional put claims it (when absent, or when
 * a previous claim is still in progress but has expired), an update records the result, a
 * conditional delete gives up a claim ({@link ClaimItems}, shared with the idempotency store).
 * The table's TTL removes entries {@link #RETENTION} after their claim, long after any
 * redelivery of the step that made them.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name; races between
 * attempts are settled by DynamoDB's conditions.
 */
public final class DynamoDbEffectLedger implements EffectLedger {
    /**
     * Longer than a dead-letter queue keeps a message (14 days): a message replayed from one
     * still finds what it did, and does nothing twice.
     */
    static final Duration RETENTION = Duration.ofDays(15);
    static final String DONE = "DONE";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbEffectLedger(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    /** A change made inside the table, recorded done in its own commit: fails if recorded before. */
    static TransactWriteItem done(String table, Write.PutEffectDone w) {
        Map<String, AttributeValue> item = key(w.tenantId(), w.key());
        item.put("tenantId", Items.s(w.tenantId()));
        item.put("effectKey", Items.s(w.key()));
        item.put(ClaimItems.STATUS, Items.s(DONE));
        item.put("result", Items.s(w.result()));
        item.put(Keys.EXPIRES_AT, Items.n(w.at().plus(RETENTION).getEpochSecond()));
        return TransactItems.create(table, item);
    }

    private static Map<String, AttributeValue> key(String tenantId, String key) {
        return Items.key(Keys.effect(tenantId, key), Keys.EFFECT_SK);
    }

    @Override
    public Claim claim(String tenantId, String key, Instant now, Instant expiresAt) {
        for (int attempt = 0; attempt < ClaimItems.MAX_CLAIM_ATTEMPTS; attempt++) {
            if (tryClaim(tenantId, key, now, expiresAt)) {
                return new Claim.Acquired();
            }
            Optional<Map<String, AttributeValue>> held = ConsistentGet.item(client, table, key(tenantId, key));
            if (held.isPresent()) {
                return ClaimItems.inProgress(held.get())
                        ? new Claim.InProgress(Instant.ofEpochMilli(Items.num(held.get(), ClaimItems.CLAIM_EXPIRES_AT)))
                        : new Claim.AlreadyDone(Items.str(held.get(), "result"));
            }
        }
        throw new IllegalStateException("effect " + key + " is being claimed and released too fast to settle");
    }

    private boolean tryClaim(String tenantId, String key, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> item = key(tenantId, key);
        item.put("tenantId", Items.s(tenantId));
        item.put("effectKey", Items.s(key));
        item.put(ClaimItems.STATUS, Items.s(ClaimItems.IN_PROGRESS));
        item.put(ClaimItems.CLAIM_EXPIRES_AT, Items.n(expiresAt.toEpochMilli()));
        item.put(Keys.EXPIRES_AT, Items.n(now.plus(RETENTION).getEpochSecond()));
        return ClaimItems.claim(client, table, item,
                "attribute_not_exists(#pk) OR (#status = :inProgress AND #claimEnds < :now)",
                Map.of("#pk", Keys.PK, "#status", ClaimItems.STATUS, "#claimEnds", ClaimItems.CLAIM_EXPIRES_AT),
                Map.of(":inProgress", Items.s(ClaimItems.IN_PROGRESS), ":now", Items.n(now.toEpochMilli())));
    }

    @Override
    public void complete(String tenantId, String key, String result) {
        if (result == null) {
            throw new IllegalArgumentException("an effect's result is required; use \"\" when it returned nothing");
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(tenantId, key))
                    .conditionExpression("attribute_exists(#pk)")
                    .updateExpression("SET #status = :done, #result = :result REMOVE #claimEnds")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#status", ClaimItems.STATUS, "#result", "result",
                            "#claimEnds", ClaimItems.CLAIM_EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":done", Items.s(DONE), ":result", Items.s(result))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("effect " + key + " was never claimed, so it cannot be completed", e);
        }
    }

    /** Only an in-progress claim is given up: a completed effect must stay completed. */
    @Override
    public void release(String tenantId, String key) {
        ClaimItems.release(client, table, key(tenantId, key));
    }

    @Override
    public Optional<String> result(String tenantId, String key) {
        return ConsistentGet.item(client, table, key(tenantId, key)).filter(item -> DONE.equals(Items.str(item,
                ClaimItems.STATUS))).map(item -> Items.str(item, "result"));
    }
}
