package io.crmflow.aws;

import io.crmflow.model.SecretRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a process read lately, by reference, the least recently used dropped past a few
 * hundred. No expiry: a reference names one version, whose value never changes. Thread-safe.
 */
final class SecretCache {
    private static final int MAX_ENTRIES = 256;
    private final Map<SecretRef, String> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SecretRef, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<String> get(SecretRef ref) {
        return Optional.ofNullable(entries.get(ref));
    }

    synchronized void put(SecretRef ref, String value) {
        entries.put(ref, value);
    }
}
