package io.crmflow.engine;

import io.crmflow.store.DueStep;
import io.crmflow.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Turns time into messages (DESIGN step 4): publishes outbox events a crashed publisher left
 * behind, and re-sends the step message of every enrollment whose wait has ended or whose
 * immediate step was never confirmed, re-arming each for a later look at doubling gaps. A step
 * whose messages were dead-lettered {@link EngineSettings#maxFailures()} times is given up.
 *
 * <p>Every item is handled on its own — one that fails is logged and left for the next sweep,
 * and never holds back the others — and the sweep stops starting new pages when its caller
 * runs out of time, events first since they are the cheaper half. Thread-safe.
 */
public final class DueSweeper {
    private static final System.Logger LOG = System.getLogger(DueSweeper.class.getName());
    private static final int SEND_CHUNK = 10;
    private final Ports ports;
    private final EngineSettings settings;
    private final StepEngine steps;

    public DueSweeper(Ports ports, EngineSettings settings, StepEngine steps) {
        this.ports = ports;
        this.settings = settings;
        this.steps = steps;
    }

    public record Sweep(int stepsSent, int stepsAbandoned, int eventsPublished, int failures) {
    }

    public Sweep sweep(Instant now) {
        return sweep(now, () -> true);
    }

    /** @param hasTime asked before each page; false stops the sweep where it is */
    public Sweep sweep(Instant now, BooleanSupplier hasTime) {
        var tally = new int[4];
        sweepEvents(now, hasTime, tally);
        sweepSteps(now, hasTime, tally);
        return new Sweep(tally[0], tally[1], tally[2], tally[3]);
    }

    private void sweepEvents(Instant now, BooleanSupplier hasTime, int[] tally) {
        for (int round = 0; round < settings.sweepRounds() && hasTime.getAsBoolean(); round++) {
            List<OutboxEntry> entries = attempt(() -> ports.outbox().dueEvents(now, settings.sweepBatch()), List.of(),
                    "reading the due outbox", tally);
            int failedBefore = tally[3];
            for (OutboxEntry entry : entries) {
                Boolean done = attempt(() -> {
                    ports.bus().publish(List.of(entry.event()));
                    ports.outbox().remove(entry.event().tenantId(), entry.event().eventId());
                    return true;
                }, false, "publishing outbox event " + entry.event().eventId(), tally);
                tally[2] += done ? 1 : 0;
            }
            if (entries.size() < settings.sweepBatch() || tally[3] > failedBefore) {
                return; // a refused entry stays due; reading the same page again would only repeat it
            }
        }
    }

    private void sweepSteps(Instant now, BooleanSupplier hasTime, int[] tally) {
        for (int round = 0; round < settings.sweepRounds() && hasTime.getAsBoolean(); round++) {
            List<DueStep> due = attempt(() -> ports.enrollments().dueSteps(now, settings.sweepBatch()), List.of(),
                    "reading the due steps", tally);
            List<StepMessage> chunk = new ArrayList<>();
            for (DueStep d : due) {
                if (d.failures() >= settings.maxFailures()) {
                    tally[1] += attempt(() -> {
                        steps.abandon(d, now);
                        return 1;
                    }, 0, "giving up step " + d.seq() + " of " + d.enrollmentId(), tally);
                } else if (attempt(() -> ports.enrollments().rearm(d, now.plus(settings.resendGap(d.resends() + 1))),
                        false, "re-arming step " + d.seq() + " of " + d.enrollmentId(), tally)) {
                    chunk.add(new StepMessage(d.tenantId(), d.enrollmentId(), d.seq()));
                    if (chunk.size() == SEND_CHUNK) {
                        send(chunk, tally);
                    }
                }
            }
            send(chunk, tally);
            if (due.size() < settings.sweepBatch()) {
                return;
            }
        }
    }

    /** Sends a chunk of re-armed steps; a step whose send failed is re-sent when its new time comes. */
    private void send(List<StepMessage> chunk, int[] tally) {
        if (chunk.isEmpty()) {
            return;
        }
        List<StepMessage> batch = List.copyOf(chunk);
        chunk.clear();
        tally[0] += attempt(() -> {
            ports.steps().send(batch);
            return batch.size();
        }, 0, "sending " + batch.size() + " step messages", tally);
    }

    private static <T> T attempt(java.util.function.Supplier<T> work, T otherwise, String what, int[] tally) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            tally[3]++;
            LOG.log(System.Logger.Level.WARNING, what + " failed; the next sweep tries again: " + e);
            return otherwise;
        }
    }
}
