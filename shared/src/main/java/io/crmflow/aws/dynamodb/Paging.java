package io.crmflow.aws.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import io.crmflow.json.Json;
import io.crmflow.store.InvalidCursorException;
import io.crmflow.store.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages through a Query. The cursor is the key of the last item handed out, as base64url JSON,
 * which DynamoDB takes back as {@code ExclusiveStartKey}. One more item than asked is read, so
 * that the last page says so (no cursor) instead of leading to an empty page the way a bare
 * {@code LastEvaluatedKey} does when a page ends exactly at the end.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class Paging {
    /** Items asked of one Query call; a larger page is read in several calls. */
    private static final int MAX_READ = 1_000;
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    /** Which attributes make up an item's position in a table or index. */
    enum Shape {
        TABLE(Keys.PK, List.of(Keys.PK, Keys.SK)),
        GSI1(Keys.GSI1_PK, List.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK));

        final String partitionAttribute;
        final List<String> attributes;

        Shape(String partitionAttribute, List<String> attributes) {
            this.partitionAttribute = partitionAttribute;
            this.attributes = attributes;
        }
    }

    private Paging() {
    }

    /**
     * One page of {@code limit} items after {@code cursor}.
     *
     * @param query     the query, without limit or start key
     * @param partition the partition {@code query} reads: a cursor from any other is refused
     */
    static <T> Page<T> page(DynamoDbClient client, QueryRequest query, Shape shape, String partition, String cursor,
                            int limit, Function<Map<String, AttributeValue>, T> decode) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (got " + limit + ")");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = decode(cursor, shape, partition);
        requireWithinPrefix(start, query);
        if (!KeyLimits.fits(query)) {
            return new Page<>(List.of(), null);
        }
        do {
            int wanted = (int) Math.min(MAX_READ, (long) limit + 1 - items.size());
            QueryResponse response = client.query(query.toBuilder().exclusiveStartKey(start).limit(wanted).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() <= limit);

        if (items.size() <= limit) {
            return new Page<>(items.stream().map(decode).toList(), null);
        }
        List<Map<String, AttributeValue>> shown = items.subList(0, limit);
        return new Page<>(shown.stream().map(decode).toList(), encode(shown.get(limit - 1), shape));
    }

    /** Every item the query finds, following DynamoDB's pages. */
    static List<Map<String, AttributeValue>> all(DynamoDbClient client, QueryRequest query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (KeyLimits.fits(query)) {
            client.queryPaginator(query).items().forEach(items::add);
        }
        return items;
    }

    private static String encode(Map<String, AttributeValue> item, Shape shape) {
        Map<String, String> key = new LinkedHashMap<>();
        shape.attributes.forEach(a -> key.put(a, item.get(a).s()));
        byte[] json = Json.write(key).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    private static Map<String, AttributeValue> decode(String cursor, Shape shape, String partition) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> key;
        try {
            key = Json.mapper().readValue(Base64.getUrlDecoder().decode(cursor), STRING_MAP);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
        // A cursor from another listing would make DynamoDB start elsewhere or fail obscurely; one
        // made up with a key longer than any written here (none comes near 1 KB) would fail it.
        if (key == null || key.containsValue(null) || !key.keySet().equals(new HashSet<>(shape.attributes))
                || !partition.equals(key.get(shape.partitionAttribute))
                || !key.values().stream().allMatch(KeyLimits::fitsSort)) {
            throw invalid();
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        key.forEach((name, value) -> start.put(name, Items.s(value)));
        return start;
    }

    /**
     * A partition may hold several listings told apart by the start of their sort keys (a
     * journey's versions and each stage's): a cursor from one must not start another, which
     * DynamoDB refuses as a start key outside the query's bounds.
     */
    private static void requireWithinPrefix(Map<String, AttributeValue> start, QueryRequest query) {
        AttributeValue prefix = query.expressionAttributeValues().get(":prefix");
        if (start != null && prefix != null && !start.get(Keys.SK).s().startsWith(prefix.s())) {
            throw invalid();
        }
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException();
    }
}
