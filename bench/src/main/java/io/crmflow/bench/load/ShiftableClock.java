package io.crmflow.bench.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall clock, moved forward on demand: while the load runs it is the wall clock, so the
 * times the engine writes in histories compare with the times the producers read; afterwards it
 * jumps past the reference workflow's one-day wait, so the timers fall due without waiting a
 * day. Not the local stack's {@code SettableClock}, which stands still between moves: here the
 * latencies measured are real time. Thread-safe.
 */
final class ShiftableClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void shift(Duration by) {
        ahead.updateAndGet(d -> d.plus(by));
    }

    boolean shifted() {
        return !ahead.get().isZero();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
