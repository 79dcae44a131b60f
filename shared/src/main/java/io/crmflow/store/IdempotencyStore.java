package io.crmflow.store;

import java.time.Instant;

/**
 * Remembers the answers to requests sent with an idempotency key, so that a client sending one
 * again gets the first answer instead of a second effect. Follows the persistence store of
 * Powertools for AWS Lambda's idempotency utility: a record is claimed before the request runs
 * (in progress until its claim expires, after which its holder is presumed dead and another send
 * may take it over), completed with the answer after, or released when the request failed, so
 * a corrected request may use the key again. A record counts as absent from its expiry on, even
 * before the table's time-to-live removes it (which may take days).
 *
 * <p>Keys are kept per tenant: one tenant's key never meets another's (creating a tenant keeps
 * its key in the tenant it creates). Implementations are thread-safe; races between sends of one
 * key are settled by the claim, which exactly one wins.
 */
public interface IdempotencyStore {

    /**
     * What a request answered, kept to be given again byte for byte.
     *
     * @param contentType null when the answer has no body (204)
     * @param body        null when the answer has no body
     */
    record Answer(int status, String contentType, String body) {
        /** Only a success is kept: a refusal is no effect, and the corrected request may reuse the key. */
        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    sealed interface Claim permits Claim.Acquired, Claim.Completed, Claim.InProgress {
        /** The caller runs the request and must {@link #complete} or {@link #release} the claim. */
        record Acquired() implements Claim {
        }

        /** A request with the key was answered already; {@code requestHash} says which request it was. */
        record Completed(String requestHash, Answer answer) implements Claim {
        }

        /** A request with the key is running, and blocks others until {@code claimExpiresAt}. */
        record InProgress(String requestHash, Instant claimExpiresAt) implements Claim {
        }
    }

    /**
     * Claims the key for one request. Times are kept to the millisecond, the record's expiry to
     * the second.
     *
     * @param tenantId       the tenant the request acts for
     * @param requestHash    what the request was (method, path, body), to tell a repeat from another request
     * @param now            when the request starts: an expired claim or record before it is taken over
     * @param claimExpiresAt until when this claim blocks other sends (it still holds at that instant)
     * @param expiresAt      when the record is forgotten unless completed later
     */
    Claim claim(String tenantId, String key, String requestHash, Instant now, Instant claimExpiresAt,
                Instant expiresAt);

    /**
     * Keeps the answer of the claimed request until {@code expiresAt}.
     *
     * @throws IllegalStateException when the key is not claimed (never, released, or completed already)
     */
    void complete(String tenantId, String key, Answer answer, Instant expiresAt);

    /** Gives an in-progress claim up, so the key may be used again; a completed record stays. */
    void release(String tenantId, String key);
}
