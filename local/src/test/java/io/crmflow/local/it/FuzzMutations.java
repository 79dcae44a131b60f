package io.crmflow.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Ways to spoil a valid request, all drawn from one seeded {@link Random} so that a run can be
 * replayed: a JSON body's values changed in type, nulled, removed, added to, made huge, nested
 * deep or written in unusual characters; the body broken or replaced by something that is not
 * JSON; path parameters and the query string bent. Not thread-safe (one fuzz run, one thread).
 */
final class FuzzMutations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP_MARKER = "__nested_deep_here__";
    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "0", "-1", "true", "Zoë ✓ 🚀",
            "\u202eevil", "\u0000", "\ud800", "a#b", "a/b", "~", "..", "%", "c-1~x", "${x}", "'; drop table",
            "<script>", "\t\n", "1e309", "NaN", "2026-13-45", "P-1D", "x".repeat(101), "ß".repeat(60));
    private static final List<String> ODD_BODIES = List.of("", " ", "null", "[]", "42", "\"text\"", "true", "{",
            "}", "{}", "[{}]", "<xml/>", "a=b&c=d", "\uFEFF{}", "{\"a\":1}{\"b\":2}", "{'single': 'quotes'}",
            "{\"a\": NaN}", "{\"a\": 01}", "\u0000\u0001\u0002");
    private static final List<String> ODD_SEGMENTS = List.of("%", "%ZZ", "%2F", "..", ".", "a#b", "x".repeat(300),
            "Zo%C3%AB", "%F0%9F%9A%80", "null", "0", "-1", "~", "c-1~x", "%20", "a+b", "%00", "nope", "c-1", "j1",
            "sales", "by-hand", "contact", "deal", "subscription", "lead-pipeline", "999999999999999999999");
    private static final List<String> ODD_QUERIES = List.of("limit=0", "limit=-1", "limit=1", "limit=200",
            "limit=201", "limit=abc", "limit=", "limit=99999999999", "cursor=garbage", "cursor=",
            "cursor=eyJwayI6eyJTIjoieCJ9fQ", "cursor=e30", "cursor=%%%", "mode=only", "mode=below", "mode=xyz",
            "keep=yes", "after=call", "after=nope", "unknown=1", "limit=1&limit=2");

    private final Random random;

    FuzzMutations(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A spoiled body, and a word on how (for the failure message). */
    record Spoiled(String body, String how) {
    }

    Spoiled body(String body) {
        JsonNode tree = parse(body);
        int kind = random.nextInt(tree == null ? 3 : 12);
        return switch (kind) {
            case 0 -> new Spoiled(pick(ODD_BODIES), "body replaced by something not the expected JSON");
            case 1 -> new Spoiled(body == null || body.isEmpty() ? "{" : body.substring(0, random.nextInt(body.length())),
                    "body cut short");
            case 2 -> new Spoiled(garbled(body == null ? "{}" : body), "body garbled");
            default -> spoilTree(tree, kind);
        };
    }

    private Spoiled spoilTree(JsonNode tree, int kind) {
        JsonNode root = tree.deepCopy();
        List<JsonNode> containers = containers(root);
        JsonNode target = pick(containers);
        String how;
        switch (kind) {
            case 3, 4 -> how = replaceChild(target, this::otherType, "a value changed in type");
            case 5 -> how = replaceChild(target, () -> NODES.nullNode(), "a value nulled");
            case 6 -> how = removeChild(target);
            case 7 -> how = addChild(target);
            case 8 -> how = replaceChild(target, () -> NODES.textNode(huge()), "a value made huge");
            case 9 -> how = replaceChild(target, () -> NODES.textNode(DEEP_MARKER), "a value nested deep");
            case 10 -> how = replaceChild(target, () -> NODES.textNode(pick(ODD_STRINGS)), "a value in odd characters");
            default -> how = replaceChild(target, this::longArray, "a value made a long array");
        }
        // Written by hand: the JSON writer itself refuses to nest as deep as a client may send.
        int depth = 5 + random.nextInt(random.nextBoolean() ? 60 : 1600);
        return new Spoiled(root.toString().replace("\"" + DEEP_MARKER + "\"", "[{\"groups\":".repeat(depth)
                + "\"bottom\"" + "}]".repeat(depth)), how);
    }

    /** A path with one parameter segment (or, for a path without any, one segment) bent. */
    String path(String path, String template) {
        int question = path.indexOf('?');
        String query = question < 0 ? "" : path.substring(question);
        String[] segments = (question < 0 ? path : path.substring(0, question)).split("/", -1);
        String[] templateSegments = template.split("/", -1);
        List<Integer> params = new ArrayList<>();
        for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
            if (templateSegments[i].startsWith("{")) {
                params.add(i);
            }
        }
        int choice = random.nextInt(10);
        if (choice == 0) {
            return String.join("/", segments) + "/" + pick(ODD_SEGMENTS) + query;
        }
        if (choice == 1 && segments.length > 2) {
            return String.join("/", java.util.Arrays.copyOf(segments, segments.length - 1)) + query;
        }
        int at = params.isEmpty() ? segments.length - 1 : pick(params);
        segments[at] = pick(ODD_SEGMENTS);
        return String.join("/", segments) + query;
    }

    String query(String path) {
        return path + (path.contains("?") ? "&" : "?") + pick(ODD_QUERIES);
    }

    /**
     * A cursor some listing handed out, as it was, or with one of its values changed or left out
     * (the store's cursors are JSON keys; a list paged in memory has cursors of another form,
     * which are bent as text).
     */
    String cursor(String handedOut) {
        if (random.nextBoolean()) {
            return handedOut;
        }
        String decoded = new String(Base64.getUrlDecoder().decode(handedOut), StandardCharsets.UTF_8);
        JsonNode parsed = parse(decoded);
        String bent;
        if (parsed instanceof ObjectNode key && key.size() > 0) {
            List<String> names = new ArrayList<>();
            key.fieldNames().forEachRemaining(names::add);
            String name = pick(names);
            switch (random.nextInt(3)) {
                case 0 -> key.put(name, key.get(name).asText() + "x".repeat(1 + random.nextInt(3000)));
                case 1 -> key.put(name, pick(ODD_STRINGS));
                default -> key.remove(name);
            }
            bent = key.toString();
        } else {
            bent = random.nextBoolean() ? decoded + "x".repeat(1 + random.nextInt(3000))
                    : decoded.substring(0, random.nextInt(decoded.length() + 1)) + pick(ODD_STRINGS);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bent.getBytes(StandardCharsets.UTF_8));
    }

    String oddString() {
        return pick(ODD_STRINGS);
    }

    private JsonNode parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (Exception e) {
            return null;
        }
    }

    private String garbled(String body) {
        StringBuilder out = new StringBuilder(body);
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            out.insert(random.nextInt(out.length() + 1), pick(List.of("\"", "{", "]", ",", ":", "\\", "\u0000", "'")));
        }
        return out.toString();
    }

    /** Every object and array in the tree: where a value can be changed, removed or added. */
    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            if (node.isContainerNode()) {
                all.add(node);
                node.forEach(todo::add);
            }
        }
        return all;
    }

    private String replaceChild(JsonNode container, java.util.function.Supplier<JsonNode> value, String how) {
        if (container.isObject()) {
            ObjectNode object = (ObjectNode) container;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "extra" : pick(names);
            object.set(name, value.get());
            return how + " at '" + name + "'";
        }
        ArrayNode array = (ArrayNode) container;
        if (array.isEmpty()) {
            array.add(value.get());
        } else {
            array.set(random.nextInt(array.size()), value.get());
        }
        return how + " in an array";
    }

    private String removeChild(JsonNode container) {
        if (container.isObject()) {
            Iterator<String> names = container.fieldNames();
            if (names.hasNext()) {
                List<String> all = new ArrayList<>();
                names.forEachRemaining(all::add);
                String name = pick(all);
                ((ObjectNode) container).remove(name);
                return "field '" + name + "' removed";
            }
        } else if (!container.isEmpty()) {
            ((ArrayNode) container).remove(random.nextInt(container.size()));
            return "an array element removed";
        }
        return "nothing to remove";
    }

    private String addChild(JsonNode container) {
        JsonNode value = otherType();
        if (container.isObject()) {
            String name = pick(List.of("extra", "", "a/b~c", "ünï", "__proto__", "$ref", "id", "type", "x".repeat(300)));
            ((ObjectNode) container).set(name, value);
            return "field '" + name + "' added";
        }
        ((ArrayNode) container).add(value);
        return "an array element added";
    }

    private JsonNode otherType() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(pick(List.of(0, -1, 1, Integer.MAX_VALUE)));
            case 1 -> NODES.numberNode(pick(List.of(1.5, -0.0, 1e308, Double.MIN_VALUE)));
            case 2 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999999"));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(pick(ODD_STRINGS));
            case 5 -> NODES.objectNode().put("type", pick(List.of("property", "delay", "nope", "send_email")));
            case 6 -> NODES.nullNode();
            default -> NODES.textNode(pick(ODD_STRINGS));
        };
    }

    private String huge() {
        int length = random.nextInt(10) == 0 ? 300_000 + random.nextInt(200_000) : 1_000 + random.nextInt(20_000);
        return "h".repeat(length);
    }

    private JsonNode longArray() {
        ArrayNode array = NODES.arrayNode();
        int length = 100 + random.nextInt(3000);
        JsonNode element = random.nextBoolean() ? NODES.textNode("c-1")
                : NODES.objectNode().put("objectType", "contact").put("id", "c-1");
        for (int i = 0; i < length; i++) {
            array.add(element.deepCopy());
        }
        return array;
    }
}
