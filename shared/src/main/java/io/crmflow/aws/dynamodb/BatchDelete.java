package io.crmflow.aws.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes items by key, up to {@link #MAX_KEYS} in one BatchWriteItem, sending again what
 * DynamoDB left unprocessed (it does so under load) after a short, growing pause. Unconditional,
 * as a DeleteItem without a condition: an item already gone is no error.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class BatchDelete {
    static final int MAX_KEYS = 25;
    private static final int MAX_ATTEMPTS = 8;

    private BatchDelete() {
    }

    static void items(DynamoDbClient client, String table, List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<WriteRequest> deletes = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList();
            send(client, Map.of(table, deletes));
        }
    }

    private static void send(DynamoDbClient client, Map<String, List<WriteRequest>> requests) {
        Map<String, List<WriteRequest>> pending = requests;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left deletes unprocessed after " + MAX_ATTEMPTS + " attempts");
            }
            if (attempt > 0) {
                pause(attempt);
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting unprocessed items", e);
        }
    }
}
