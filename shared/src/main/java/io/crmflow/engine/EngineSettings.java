package io.crmflow.engine;

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
public record EngineSettings(Duration watchdog, Duration effectClaim, Duration disabledRecheck, int sweepBatch) {
    public static final EngineSettings DEFAULTS =
            new EngineSettings(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(15), 500);
}
