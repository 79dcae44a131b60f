package io.crmflow.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pages through items held whole in memory the way the DynamoDB adapter pages through a Query:
 * the cursor is the sort key of the last item handed out, the next page starts strictly after it
 * — so an item added or removed meanwhile neither repeats nor skips another, as an offset would —
 * and the last page has no cursor. Cursors name the listing they belong to, so one handed to
 * another listing is refused ({@link InvalidCursorException}) rather than silently misread.
 *
 * <p>For the in-memory store, and for what is listed from a bounded set read in one go (a record's
 * associations, a type's pipelines). Stateless; safe to use from any thread.
 */
public final class KeyPaging {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private KeyPaging() {
    }

    /**
     * One page of {@code items} in the order of their keys (String order).
     *
     * @param key     what sorts an item and what its cursor holds; unique within the listing
     * @param listing names the listing, so that its cursors are refused by any other
     */
    public static <V> Page<V> page(Collection<V> items, Function<V, String> key, String listing, String cursor,
                                   int limit) {
        TreeMap<String, V> sorted = new TreeMap<>();
        for (V item : items) {
            if (sorted.put(key.apply(item), item) != null) {
                // Two items on one key could never both be reached by "after the last key".
                throw new IllegalStateException("two items of " + listing + " share the key " + key.apply(item));
            }
        }
        return page(sorted, listing, cursor, limit);
    }

    /** One page of {@code sorted}, in its order; its keys are what the cursors hold. */
    public static <V> Page<V> page(NavigableMap<String, V> sorted, String listing, String cursor, int limit) {
        requireLimit(limit);
        String after = decode(listing, cursor);
        NavigableMap<String, V> rest = after == null ? sorted : sorted.tailMap(after, false);
        List<V> items = new ArrayList<>(Math.min(limit, rest.size()));
        String lastKey = null;
        for (Map.Entry<String, V> e : rest.entrySet()) {
            if (items.size() == limit) {
                return new Page<>(items, encode(listing, lastKey));
            }
            items.add(e.getValue());
            lastKey = e.getKey();
        }
        return new Page<>(items, null);
    }

    public static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (got " + limit + ")");
        }
    }

    private static String encode(String listing, String position) {
        return ENCODER.encodeToString((listing + '\n' + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String listing, String cursor) {
        if (cursor == null) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(listing)) {
            throw new InvalidCursorException();
        }
        return text.substring(newline + 1);
    }
}
