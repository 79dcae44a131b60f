package io.crmflow.aws.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the sparse {@code due} index: items are spread over {@link Keys#DUE_SHARDS} partitions
 * so that no single partition takes every timer write; a sweep queries each shard for what is
 * due (each already in due order) and merges them, oldest first. The sort key starts with the
 * due time in zero-padded epoch milliseconds, so "due by now" is one key condition.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class DueIndex {
    private DueIndex() {
    }

    /**
     * @param shardKey the partition value of shard {@code i}, e.g. {@code DUE#E#i}
     */
    static List<Map<String, AttributeValue>> due(DynamoDbClient client, String table, IntFunction<String> shardKey,
                                                 Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (got " + limit + ")");
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int shard = 0; shard < Keys.DUE_SHARDS; shard++) {
            found.addAll(dueInShard(client, table, shardKey.apply(shard), now, limit));
        }
        found.sort(Comparator.comparing(item -> item.get(Keys.DUE_SK).s()));
        return found.size() <= limit ? found : found.subList(0, limit);
    }

    private static List<Map<String, AttributeValue>> dueInShard(DynamoDbClient client, String table, String shard,
                                                                Instant now, int limit) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(Keys.DUE)
                .keyConditionExpression("#pk = :shard AND #sk <= :upTo")
                .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#sk", Keys.DUE_SK))
                .expressionAttributeValues(Map.of(":shard", Items.s(shard), ":upTo", Items.s(Keys.dueUpTo(now))))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = client.query(query.toBuilder()
                    .exclusiveStartKey(start).limit(limit - items.size()).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items;
    }
}
