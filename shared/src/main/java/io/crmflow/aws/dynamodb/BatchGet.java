package io.crmflow.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One BatchGetItem of up to {@link #MAX_KEYS} keys, strongly consistent, asking again for the
 * keys DynamoDB left unprocessed (it does so under load) with a short, growing pause. A key no
 * item could have ({@link KeyLimits}) is not asked for: it finds nothing.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class BatchGet {
    static final int MAX_KEYS = 100;
    private static final int MAX_ATTEMPTS = 8;

    private BatchGet() {
    }

    static List<Map<String, AttributeValue>> items(DynamoDbClient client, String table,
                                                   List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> possible = keys.stream().filter(KeyLimits::fits).toList();
        if (possible.isEmpty()) {
            return found;
        }
        Map<String, KeysAndAttributes> pending = Map.of(table,
                KeysAndAttributes.builder().keys(possible).consistentRead(true).build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_ATTEMPTS + " attempts");
            }
            if (attempt > 0) {
                pause(attempt);
            }
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-reading unprocessed keys", e);
        }
    }
}
