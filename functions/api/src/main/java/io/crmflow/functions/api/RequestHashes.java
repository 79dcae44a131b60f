package io.crmflow.functions.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a request is, as a SHA-256: its method, path, query, the user it is made for, and its
 * body in a canonical form — a JSON body parsed and written again with its keys sorted and no
 * whitespace, so that neither key order nor spacing makes two sends of one request differ; a
 * body that is not JSON counts as its bytes. Two requests with one hash do the same thing, so
 * one may be answered for the other. Stateless and thread-safe.
 */
final class RequestHashes {
    /**
     * Numbers are kept exactly (big decimals), and a duplicate key makes a body count as its
     * bytes: parsing must never make two different requests look alike.
     */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RequestHashes() {
    }

    static String of(ApiRequest request) {
        MessageDigest sha256 = sha256();
        for (String part : List.of(request.method(), request.path(), query(request.query()),
                String.valueOf(request.header(Routes.USER_HEADER)))) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        sha256.update(canonicalBody(request.body()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonicalBody(String body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            if (tree != null && !tree.isMissingNode()) {
                return CANONICAL.writeValueAsBytes(sorted(tree));
            }
        } catch (IOException | RuntimeException notJson) {
            // counted as its bytes, below
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = CANONICAL.createObjectNode();
            fieldsByName((ObjectNode) node).forEach((name, value) -> out.set(name, sorted(value)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = CANONICAL.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    private static Map<String, JsonNode> fieldsByName(ObjectNode node) {
        Map<String, JsonNode> fields = new TreeMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    private static String query(Map<String, String> query) {
        try {
            return query == null ? "{}" : CANONICAL.writeValueAsString(new TreeMap<>(query));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is always written", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
