package io.crmflow.store.memory;

import io.crmflow.store.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link IdempotencyStore} in a map, for unit tests and simulation. Thread-safe: every method
 * holds the store's monitor, which makes a claim's check and write one step, as DynamoDB's
 * condition does.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Scoped(String tenantId, String key) {
    }

    /** {@code answer} is null while in progress. */
    private record Held(String requestHash, long claimExpiresAtMillis, long expiresAtSecond, Answer answer) {
        boolean absentAt(Instant now) {
            return expiresAtSecond <= now.getEpochSecond()
                    || (answer == null && claimExpiresAtMillis < now.toEpochMilli());
        }
    }

    private final Map<Scoped, Held> records = new HashMap<>();

    @Override
    public synchronized Claim claim(String tenantId, String key, String requestHash, Instant now,
                                    Instant claimExpiresAt, Instant expiresAt) {
        Scoped scoped = new Scoped(Objects.requireNonNull(tenantId), Objects.requireNonNull(key));
        Held held = records.get(scoped);
        if (held == null || held.absentAt(now)) {
            records.put(scoped, new Held(requestHash, claimExpiresAt.toEpochMilli(), expiresAt.getEpochSecond(), null));
            return new Claim.Acquired();
        }
        return held.answer() != null ? new Claim.Completed(held.requestHash(), held.answer())
                : new Claim.InProgress(held.requestHash(), Instant.ofEpochMilli(held.claimExpiresAtMillis()));
    }

    @Override
    public synchronized void complete(String tenantId, String key, Answer answer, Instant expiresAt) {
        Scoped scoped = new Scoped(tenantId, key);
        Held held = records.get(scoped);
        if (held == null || held.answer() != null) {
            throw new IllegalStateException("idempotency key " + key + " is not claimed, so it cannot be completed");
        }
        records.put(scoped, new Held(held.requestHash(), 0, expiresAt.getEpochSecond(), Objects.requireNonNull(answer)));
    }

    @Override
    public synchronized void release(String tenantId, String key) {
        Scoped scoped = new Scoped(tenantId, key);
        Held held = records.get(scoped);
        if (held != null && held.answer() == null) {
            records.remove(scoped);
        }
    }
}
