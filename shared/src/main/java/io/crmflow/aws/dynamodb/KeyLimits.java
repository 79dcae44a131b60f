package io.crmflow.aws.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The longest keys the table holds: 2,048 bytes of partition key, 1,024 of sort key (UTF-8).
 * DynamoDB answers a read of a longer key with an error, not with nothing; but no item can have
 * such a key, so the adapters answer such a read with nothing, as the in-memory store does, and
 * an id far too long to exist (one a client sent) is "not found", never a failure of the service.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class KeyLimits {
    private static final int PARTITION_KEY_BYTES = 2048;
    private static final int SORT_KEY_BYTES = 1024;

    private KeyLimits() {
    }

    /** Whether some item could have this table key. */
    static boolean fits(Map<String, AttributeValue> key) {
        return fitsPartition(key.get(Keys.PK).s()) && fitsSort(key.get(Keys.SK).s());
    }

    /** Whether some partition of the table or of an index could have this key. */
    static boolean fitsPartition(String pk) {
        return bytes(pk) <= PARTITION_KEY_BYTES;
    }

    /** Whether some sort key (or the start of one) could be this long. */
    static boolean fitsSort(String sk) {
        return bytes(sk) <= SORT_KEY_BYTES;
    }

    /**
     * Whether the key condition of a query the adapters build ({@link Queries}: {@code :pk}, and
     * {@code :prefix} when it reads the start of a sort key) could match some item.
     */
    static boolean fits(QueryRequest query) {
        AttributeValue pk = query.expressionAttributeValues().get(":pk");
        AttributeValue prefix = query.expressionAttributeValues().get(":prefix");
        return (pk == null || fitsPartition(pk.s())) && (prefix == null || fitsSort(prefix.s()));
    }

    private static int bytes(String value) {
        // Most keys are far below the limit: count bytes only when the characters might exceed it.
        return value.length() * 3 <= SORT_KEY_BYTES ? value.length() : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
