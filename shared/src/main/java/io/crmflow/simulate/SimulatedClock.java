package io.crmflow.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of a simulation: it stands still while the engine works and moves only when the
 * simulation moves it, to the next event or the next wait's end — never back. Not thread-safe:
 * one simulation runs on one thread.
 */
final class SimulatedClock extends Clock {
    private Instant now;

    SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code moment}; a moment already passed leaves it where it is. */
    void advanceTo(Instant moment) {
        if (moment.isAfter(now)) {
            now = moment;
        }
    }

    @Override
    public Instant instant() {
        return now;
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
