package io.crmflow.engine;

import io.crmflow.store.DueStep;
import io.crmflow.store.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * Turns time into messages (DESIGN step 4): re-sends the step message of every enrollment whose
 * wait has ended or whose immediate step was never confirmed, and publishes outbox events a
 * crashed publisher left behind. Each re-sent step is re-armed one watchdog period later, so a
 * step is sent again only if it still has not run by then. Thread-safe.
 */
public final class DueSweeper {
    private final Ports ports;
    private final EngineSettings settings;

    public DueSweeper(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    public record Sweep(int stepsSent, int eventsPublished) {
    }

    public Sweep sweep(Instant now) {
        List<DueStep> due = ports.enrollments().dueSteps(now, settings.sweepBatch());
        if (!due.isEmpty()) {
            ports.steps().send(due.stream().map(d -> new StepMessage(d.tenantId(), d.enrollmentId(), d.seq())).toList());
            due.forEach(d -> ports.enrollments().rearm(d, now.plus(settings.watchdog())));
        }
        List<OutboxEntry> events = ports.outbox().dueEvents(now, settings.sweepBatch());
        if (!events.isEmpty()) {
            ports.bus().publish(events.stream().map(OutboxEntry::event).toList());
            events.forEach(o -> ports.outbox().remove(o.event().tenantId(), o.event().eventId()));
        }
        return new Sweep(due.size(), events.size());
    }
}
