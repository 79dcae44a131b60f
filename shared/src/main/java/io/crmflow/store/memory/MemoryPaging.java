package io.crmflow.store.memory;

import io.crmflow.store.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Pages through a sorted map the way the DynamoDB adapter pages through a Query: the cursor is
 * the sort key of the last item handed out, the next page starts strictly after it, and the
 * last page has no cursor. Cursors name the listing they belong to, so one handed to another
 * listing is refused rather than silently misread.
 */
final class MemoryPaging {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private MemoryPaging() {
    }

    static <V> Page<V> page(NavigableMap<String, V> sorted, String scope, String cursor, int limit) {
        requireLimit(limit);
        String after = decode(scope, cursor);
        NavigableMap<String, V> rest = after == null ? sorted : sorted.tailMap(after, false);
        List<V> items = new ArrayList<>(Math.min(limit, rest.size()));
        String lastKey = null;
        for (Map.Entry<String, V> e : rest.entrySet()) {
            if (items.size() == limit) {
                return new Page<>(items, encode(scope, lastKey));
            }
            items.add(e.getValue());
            lastKey = e.getKey();
        }
        return new Page<>(items, null);
    }

    static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (got " + limit + ")");
        }
    }

    private static String encode(String scope, String position) {
        return ENCODER.encodeToString((scope + '\n' + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String scope, String cursor) {
        if (cursor == null) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(scope)) {
            throw invalid();
        }
        return text.substring(newline + 1);
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("cursor was not handed out by this listing; start again without one");
    }
}
