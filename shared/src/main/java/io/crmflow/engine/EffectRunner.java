package io.crmflow.engine;

import io.crmflow.outbound.EmailRejectedException;
import io.crmflow.outbound.EmailThrottledException;
import io.crmflow.store.EffectLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes an effect outside the table at most once per key: claims the key, makes the effect,
 * records its result. A redelivered step finds the result and does not repeat the effect.
 *
 * <p>What happens to the claim when the effect fails depends on whether it is known that
 * nothing was sent: a refusal is recorded as the effect's result (retrying would not help); a
 * throttle releases the claim (nothing went out, a retry may succeed); any other failure — a
 * timeout, a reset connection — keeps the claim until it expires, because the provider may
 * have sent it, and a retry at once would send it twice. Thread-safe when the ledger is.
 */
final class EffectRunner {
    static final String REFUSED = "refused: ";
    private final EffectLedger ledger;
    private final Duration claimFor;

    EffectRunner(EffectLedger ledger, Duration claimFor) {
        this.ledger = ledger;
        this.claimFor = claimFor;
    }

    /** @return the effect's result, or {@link #REFUSED} and the reason when the provider refused it */
    String once(String tenantId, String key, Instant now, Supplier<String> effect) {
        EffectLedger.Claim claim = ledger.claim(tenantId, key, now, now.plus(claimFor));
        if (claim instanceof EffectLedger.Claim.AlreadyDone done) {
            return done.result();
        }
        if (claim instanceof EffectLedger.Claim.InProgress busy) {
            throw new EffectInProgressException(key, busy.expiresAt());
        }
        String result;
        try {
            result = effect.get();
        } catch (EmailRejectedException | EffectRefusedException refused) {
            result = REFUSED + refused.getMessage();
        } catch (EmailThrottledException throttled) {
            ledger.release(tenantId, key);
            throw throttled;
        }
        ledger.complete(tenantId, key, result);
        return result;
    }

    static boolean refused(String result) {
        return result.startsWith(REFUSED);
    }

    /** Another attempt is making this effect right now, or may have made it; the message is retried later. */
    static final class EffectInProgressException extends RuntimeException {
        EffectInProgressException(String key, Instant until) {
            super("effect " + key + " is claimed by another attempt until " + until
                    + " (it may be in progress, or may have been made by an attempt that failed)");
        }
    }
}
