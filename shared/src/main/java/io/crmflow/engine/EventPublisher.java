package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.outbound.EventBus;
import io.crmflow.store.Outbox;
import java.util.List;

/**
 * Publishes events whose outbox entries were just committed, then clears the entries — at once,
 * or when the handler's batch is done ({@link OutboxCleanup}). A failure here loses nothing: the
 * entries stay and the sweeper publishes them after the watchdog delay, so the caller's committed
 * work is not undone by a bus outage.
 */
final class EventPublisher {
    private static final System.Logger LOG = System.getLogger(EventPublisher.class.getName());
    private final EventBus bus;
    private final Outbox outbox;

    EventPublisher(EventBus bus, Outbox outbox) {
        this.bus = bus;
        this.outbox = outbox;
    }

    void publishCommitted(List<CrmEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            bus.publish(events);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "publishing " + events.size()
                    + " committed event(s) failed; the sweeper will publish them: " + e);
            return;
        }
        OutboxCleanup.afterPublished(outbox, events);
    }
}
