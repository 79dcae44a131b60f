package io.crmflow.engine;

import io.crmflow.store.DueStep;
import io.crmflow.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns time into messages (DESIGN step 4): re-sends the step message of every enrollment whose
 * wait has ended or whose immediate step was never confirmed, and publishes outbox events a
 * crashed publisher left behind. Each re-sent step is re-armed for a later look, at growing
 * gaps, and given up as failed after {@link EngineSettings#maxResends()}. Steps and events are
 * swept independently, and one event the bus refuses does not hold back the others. Thread-safe.
 */
public final class DueSweeper {
    private static final System.Logger LOG = System.getLogger(DueSweeper.class.getName());
    private final Ports ports;
    private final EngineSettings settings;
    private final StepEngine steps;

    public DueSweeper(Ports ports, EngineSettings settings, StepEngine steps) {
        this.ports = ports;
        this.settings = settings;
        this.steps = steps;
    }

    public record Sweep(int stepsSent, int stepsAbandoned, int eventsPublished, int eventsFailed) {
    }

    /** @throws IllegalStateException after sweeping everything it could, when some part failed */
    public Sweep sweep(Instant now) {
        RuntimeException firstFailure = null;
        int sent = 0;
        int abandoned = 0;
        try {
            for (int round = 0; round < settings.sweepRounds(); round++) {
                List<DueStep> due = ports.enrollments().dueSteps(now, settings.sweepBatch());
                List<StepMessage> messages = new ArrayList<>();
                for (DueStep d : due) {
                    if (d.resends() >= settings.maxResends()) {
                        steps.abandon(d, now);
                        abandoned++;
                    } else if (ports.enrollments().rearm(d, now.plus(settings.resendGap(d.resends() + 1)))) {
                        messages.add(new StepMessage(d.tenantId(), d.enrollmentId(), d.seq()));
                    }
                }
                ports.steps().send(messages);
                sent += messages.size();
                if (due.size() < settings.sweepBatch()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            firstFailure = e;
        }
        int published = 0;
        int failed = 0;
        for (int round = 0; round < settings.sweepRounds(); round++) {
            List<OutboxEntry> entries;
            try {
                entries = ports.outbox().dueEvents(now, settings.sweepBatch());
            } catch (RuntimeException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                break;
            }
            for (OutboxEntry entry : entries) {
                try {
                    ports.bus().publish(List.of(entry.event()));
                    ports.outbox().remove(entry.event().tenantId(), entry.event().eventId());
                    published++;
                } catch (RuntimeException e) {
                    failed++;
                    LOG.log(System.Logger.Level.WARNING, "outbox event " + entry.event().eventId() + " of tenant "
                            + entry.event().tenantId() + " could not be published: " + e.getMessage());
                }
            }
            if (entries.size() < settings.sweepBatch() || failed > 0) {
                break; // a refused entry stays due; sweeping the same page again would only repeat it
            }
        }
        if (firstFailure != null) {
            throw new IllegalStateException("the sweep did part of its work (" + sent + " steps sent, " + published
                    + " events published) and then failed", firstFailure);
        }
        return new Sweep(sent, abandoned, published, failed);
    }
}
