package io.crmflow.engine;

import io.crmflow.outbound.Backoff;
import java.time.Duration;

/**
 * Tunables of the runtime.
 *
 * @param watchdog       how long an immediate step or a published event may stay unconfirmed
 *                       before the sweeper sends it again (covers a crash between commit and send)
 * @param effectClaim    how long a claimed side effect blocks other attempts; longer than a
 *                       handler's timeout, so a live attempt is never overtaken
 * @param disabledRecheck how often a step of a switched-off workflow looks again
 * @param sweepBatch     how many due steps or events one sweep handles
 */
public record EngineSettings(Duration watchdog, Duration effectClaim, Duration disabledRecheck, int sweepBatch,
                             int maxFailures, Duration longestResendGap, int sweepRounds) {
    /**
     * A step not confirmed is re-sent after 5 minutes, then at doubling gaps up to an hour, for
     * as long as it takes — a slow queue is not a failure. A step whose messages were
     * dead-lettered three times (each after every attempt failed) is given up as failed, so a
     * step that can never succeed ends instead of cycling through the dead-letter queue forever.
     */
    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofMinutes(5), Duration.ofMinutes(2),
            Duration.ofMinutes(15), 500, 3, Duration.ofHours(1), 10);

    /** How long after its {@code n}-th resend (1, 2 …) a step is re-sent again: doubling, capped. */
    public Duration resendGap(int n) {
        return Backoff.doubling(watchdog, n, longestResendGap);
    }
}
