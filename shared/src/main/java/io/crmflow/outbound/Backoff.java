package io.crmflow.outbound;

import java.time.Duration;

/**
 * Spacing of retries of what leaves the process — step messages re-sent, webhooks posted again:
 * doubling from a first wait, capped, so a long outage costs few tries and a short one little
 * delay. Stateless.
 */
public final class Backoff {
    /** Past this many doublings the wait is far beyond any cap; stops the shift overflowing. */
    private static final int MOST_DOUBLINGS = 20;

    private Backoff() {
    }

    /** The wait after the {@code n}-th try (1, 2 …): {@code first}, doubled for each try after it, at most {@code longest}. */
    public static Duration doubling(Duration first, int n, Duration longest) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(n - 1, 0), MOST_DOUBLINGS));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
