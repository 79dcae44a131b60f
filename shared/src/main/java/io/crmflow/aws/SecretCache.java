package io.crmflow.aws;

import io.crmflow.model.SecretRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a process read lately, by reference, the least recently used dropped past a few
 * hundred. A reference names one version, whose value does not change while its parameter lives;
 * but a parameter deleted and written again starts its versions at 1 again (deleting it is how a
 * leaked secret's history is removed), so the same reference may come to name another value. An
 * entry is therefore trusted for {@link #MAX_AGE} only: a rotation (a new version, a new
 * reference) is read at once regardless, and a deleted parameter's values leave every process
 * within that time. Thread-safe.
 */
final class SecretCache {
    /** Long enough that a busy step function asks SSM a few times an hour per tenant, not per webhook. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 256;

    private record Entry(String value, Instant readAt) {
    }

    private final Clock clock;
    private final Map<SecretRef, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SecretRef, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** @param clock the process's own time, which ages the entries */
    SecretCache(Clock clock) {
        this.clock = clock;
    }

    /** The value read for {@code ref} less than {@link #MAX_AGE} ago; empty when it must be read again. */
    synchronized Optional<String> get(SecretRef ref) {
        Entry entry = entries.get(ref);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.readAt().plus(MAX_AGE))) {
            entries.remove(ref);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    synchronized void put(SecretRef ref, String value) {
        entries.put(ref, new Entry(value, clock.instant()));
    }
}
