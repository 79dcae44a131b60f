package io.crmflow.store;

import io.crmflow.model.CrmEvent;
import java.util.List;

/**
 * Events waiting to be published. Entries are added by {@link Write.EnqueueEvent} in the same
 * transaction as the change, removed once published; the sweeper publishes any entry still
 * there after its due time (the publisher crashed), so no change is lost.
 */
public interface Outbox {

    List<OutboxEntry> dueEvents(java.time.Instant now, int limit);

    void remove(String tenantId, String eventId);

    /**
     * Removes the entries of events published together, in as few requests as the store allows:
     * a commit's events are published in one call, and removed alike.
     */
    default void removeAll(List<CrmEvent> published) {
        published.forEach(e -> remove(e.tenantId(), e.eventId()));
    }
}
