package io.crmflow.engine;

import io.crmflow.store.IdempotencyStore;
import io.crmflow.store.IdempotencyStore.Answer;
import io.crmflow.store.IdempotencyStore.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a request sent with an idempotency key at most once (R-RUN-6), as the idempotency utility
 * of Powertools for AWS Lambda does: the key is claimed before the request runs; a successful
 * answer is kept for a day and given again to every repeat of the request, which then runs no
 * more; a refusal or a failure gives the key up, so the corrected request may use it. The same
 * key sent with another request is refused, and so is a repeat while the first is still running.
 *
 * <p>Thread-safe: races between sends of one key are settled by the store's claim.
 */
public final class IdempotentRequests {
    /** How long an answer is given again: a client's retries, even after an outage of hours, come within a day. */
    public static final Duration KEPT = Duration.ofHours(24);
    /**
     * How long a claim blocks other sends of its key: the API function's time limit, after which
     * the first send has surely ended, answered or not; a send that died leaves its key free then.
     */
    public static final Duration CLAIM = Duration.ofSeconds(30);

    /** What became of one send. */
    public sealed interface Outcome permits Outcome.Ran, Outcome.Replayed, Outcome.KeyReused, Outcome.StillRunning {
        /** The request ran now; its answer is kept when it succeeded. */
        record Ran(Answer answer) implements Outcome {
        }

        /** A repeat of a request answered before: its answer, and nothing ran. */
        record Replayed(Answer answer) implements Outcome {
        }

        /** The key was used for another request; nothing ran. */
        record KeyReused() implements Outcome {
        }

        /** The first send of this request is still running, until {@code claimExpiresAt} at most; nothing ran. */
        record StillRunning(Instant claimExpiresAt) implements Outcome {
        }
    }

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotentRequests(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param tenantId    the tenant the request acts for (or, creating one, creates)
     * @param requestHash what the request is, to tell a repeat from another request with the key
     * @param request     runs the request; a runtime exception it throws gives the key up and is thrown on
     */
    public Outcome run(String tenantId, String key, String requestHash, Supplier<Answer> request) {
        Instant now = clock.instant();
        Claim claim = store.claim(tenantId, key, requestHash, now, now.plus(CLAIM), now.plus(KEPT));
        if (claim instanceof Claim.Completed done) {
            return done.requestHash().equals(requestHash) ? new Outcome.Replayed(done.answer()) : new Outcome.KeyReused();
        }
        if (claim instanceof Claim.InProgress running) {
            return running.requestHash().equals(requestHash)
                    ? new Outcome.StillRunning(running.claimExpiresAt()) : new Outcome.KeyReused();
        }
        return runClaimed(tenantId, key, request);
    }

    private Outcome runClaimed(String tenantId, String key, Supplier<Answer> request) {
        Answer answer;
        try {
            answer = request.get();
        } catch (RuntimeException | Error e) {
            store.release(tenantId, key);
            throw e;
        }
        if (!answer.successful()) {
            store.release(tenantId, key);
            return new Outcome.Ran(answer);
        }
        keep(tenantId, key, answer);
        return new Outcome.Ran(answer);
    }

    /**
     * The request took effect, so its answer is given even when it cannot be kept (the store is
     * failing): answering with an error would invite the very retry the key guards against.
     * The claim is given up then, rather than blocking the key until it expires.
     */
    private void keep(String tenantId, String key, Answer answer) {
        try {
            store.complete(tenantId, key, answer, clock.instant().plus(KEPT));
        } catch (RuntimeException e) {
            try {
                store.release(tenantId, key);
            } catch (RuntimeException ignored) {
                // the claim expires by itself
            }
        }
    }
}
