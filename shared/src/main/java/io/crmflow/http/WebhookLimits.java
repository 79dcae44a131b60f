package io.crmflow.http;

import io.crmflow.outbound.Backoff;
import java.time.Duration;

/**
 * How long a webhook may take, and how its retries are spaced.
 *
 * @param requestTimeout how long one attempt may take, connecting included
 * @param timeLimit      how long the whole action may take, waits between attempts included: it
 *                       has to end well inside the step function's own timeout and the effect's
 *                       claim, so the step can still commit what became of it
 * @param maxAttempts    at most this many requests, however quickly they fail
 * @param firstBackoff   the wait after the first failed attempt, when the receiver names none;
 *                       doubled after each further one
 * @param longestBackoff the longest such wait
 */
public record WebhookLimits(Duration requestTimeout, Duration timeLimit, int maxAttempts, Duration firstBackoff,
                            Duration longestBackoff) {
    /** Well inside the step function's 30 s timeout and the effect claim's 2 minutes. */
    public static final WebhookLimits DEFAULTS = new WebhookLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 5,
            Duration.ofSeconds(1), Duration.ofSeconds(8));

    public WebhookLimits {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the {@code n}-th failed attempt (1, 2 …): doubling from the first, capped. */
    public Duration backoff(int n) {
        return Backoff.doubling(firstBackoff, n, longestBackoff);
    }
}
