package io.crmflow.store.memory;

import io.crmflow.store.KeyPaging;
import io.crmflow.store.Page;
import java.util.NavigableMap;

/**
 * The in-memory store's listings page as the DynamoDB adapter's do: by the key of the last item
 * handed out ({@link KeyPaging}), so the store contract holds for both.
 */
final class MemoryPaging {
    private MemoryPaging() {
    }

    static <V> Page<V> page(NavigableMap<String, V> sorted, String scope, String cursor, int limit) {
        return KeyPaging.page(sorted, scope, cursor, limit);
    }

    static void requireLimit(int limit) {
        KeyPaging.requireLimit(limit);
    }
}
