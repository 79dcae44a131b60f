package io.crmflow.aws.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One GetItem, strongly consistent: a definition or a journey is read right after it is written
 * (publish, then view), and a claim refused is read back at once (whose is it?): an eventually
 * consistent read could miss either.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class ConsistentGet {
    private ConsistentGet() {
    }

    /**
     * The item at {@code key}; empty when there is none (GetItem answers an empty item then), or
     * when no item could have the key ({@link KeyLimits}).
     */
    static Optional<Map<String, AttributeValue>> item(DynamoDbClient client, String table,
                                                      Map<String, AttributeValue> key) {
        if (!KeyLimits.fits(key)) {
            return Optional.empty();
        }
        var response = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** The value kept whole as JSON at {@code key} (see {@link DefinitionCodec}). */
    static <T> Optional<T> json(DynamoDbClient client, String table, Map<String, AttributeValue> key,
                                Class<T> type) {
        return item(client, table, key).map(i -> DefinitionCodec.read(i, type));
    }
}
