package io.crmflow.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers side effects made outside the table (emails, webhooks) so a redelivered step does
 * not make them twice: the intent is claimed with a conditional write before the effect, the
 * result recorded after it. Follows the idempotency pattern of Powertools for AWS Lambda: a
 * claim still in progress blocks other attempts until it expires, after which an attempt may
 * take it over (the previous holder is presumed dead).
 */
public interface EffectLedger {

    sealed interface Claim permits Claim.Acquired, Claim.AlreadyDone, Claim.InProgress {
        /** The caller owns the effect and must {@link #complete} or {@link #release} it. */
        record Acquired() implements Claim {
        }

        /** The effect was made already; {@code result} is what it returned. */
        record AlreadyDone(String result) implements Claim {
        }

        /** Another attempt holds the claim until {@code expiresAt}. */
        record InProgress(Instant expiresAt) implements Claim {
        }
    }

    /**
     * Claims the effect for this attempt. Times are kept to the millisecond.
     *
     * @param now       when the attempt starts: an earlier claim that expired before it is taken over
     * @param expiresAt until when this claim blocks other attempts (it still holds at that instant)
     */
    Claim claim(String tenantId, String key, Instant now, Instant expiresAt);

    /**
     * Records that the claimed effect was made.
     *
     * @param result what the effect returned (a message id, a response); "" when nothing
     * @throws IllegalStateException when the effect was never claimed
     */
    void complete(String tenantId, String key, String result);

    /** Gives an in-progress claim up after a failed effect, so a retry may make it; a completed effect stays so. */
    void release(String tenantId, String key);

    /** The result of a completed effect; empty while it is in progress or was never claimed. */
    Optional<String> result(String tenantId, String key);
}
