package io.crmflow.aws.dynamodb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds and reads item attributes. Reading a required attribute that is missing means the
 * item was not written by this adapter, so it fails loudly rather than inventing a value.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class Items {
    private Items() {
    }

    /** A key, also the start of an item: codecs add their attributes to the mutable map returned. */
    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(Keys.PK, s(pk));
        key.put(Keys.SK, s(sk));
        return key;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue stringMap(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue()))));
    }

    /** Leaves the attribute out when the value is null: DynamoDB has no null worth storing here. */
    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        return required(item, name).s();
    }

    static String optionalStr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static long num(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.parse(str(item, name));
    }

    static Instant optionalInstant(Map<String, AttributeValue> item, String name) {
        String v = optionalStr(item, name);
        return v == null ? null : Instant.parse(v);
    }

    static Map<String, String> stringMapOf(Map<String, AttributeValue> item, String name) {
        return required(item, name).m().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            throw new IllegalStateException("item " + item.get(Keys.PK) + "/" + item.get(Keys.SK)
                    + " lacks attribute '" + name + "'");
        }
        return v;
    }
}
