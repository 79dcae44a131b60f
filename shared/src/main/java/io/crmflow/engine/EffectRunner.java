package io.crmflow.engine;

import io.crmflow.store.EffectLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes an effect outside the table at most once per key: claims the key, makes the effect,
 * records its result. A redelivered step finds the result and does not repeat the effect.
 * Thread-safe when the ledger is.
 */
final class EffectRunner {
    private final EffectLedger ledger;
    private final Duration claimFor;

    EffectRunner(EffectLedger ledger, Duration claimFor) {
        this.ledger = ledger;
        this.claimFor = claimFor;
    }

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
        } catch (RuntimeException e) {
            ledger.release(tenantId, key);
            throw e;
        }
        ledger.complete(tenantId, key, result);
        return result;
    }

    /** Another attempt is making this effect right now; the message is retried later. */
    static final class EffectInProgressException extends RuntimeException {
        EffectInProgressException(String key, Instant until) {
            super("effect " + key + " is being made by another attempt (claim held until " + until + ")");
        }
    }
}
