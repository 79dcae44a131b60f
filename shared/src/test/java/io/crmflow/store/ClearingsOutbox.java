package io.crmflow.store;

import io.crmflow.model.CrmEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An outbox that notes every clearing asked of it — the event ids cleared together — and passes
 * it on to the outbox it wraps; told to, it fails each clearing after noting it. For tests of who
 * clears the outbox, when, and in how many requests.
 */
public final class ClearingsOutbox implements Outbox {
    private final Outbox wrapped;
    private final List<List<String>> clearings = new ArrayList<>();
    private boolean failing;

    public ClearingsOutbox(Outbox wrapped) {
        this.wrapped = wrapped;
    }

    /** The clearings asked so far, oldest first, each the ids of the events cleared together. */
    public List<List<String>> clearings() {
        return List.copyOf(clearings);
    }

    /** Forgets the clearings asked so far: what a test's setup made is not what it checks. */
    public void forget() {
        clearings.clear();
    }

    public void failing(boolean fail) {
        this.failing = fail;
    }

    @Override
    public List<OutboxEntry> dueEvents(Instant now, int limit) {
        return wrapped.dueEvents(now, limit);
    }

    @Override
    public void remove(String tenantId, String eventId) {
        noted(List.of(eventId));
        wrapped.remove(tenantId, eventId);
    }

    @Override
    public void removeAll(List<CrmEvent> published) {
        noted(published.stream().map(CrmEvent::eventId).toList());
        wrapped.removeAll(published);
    }

    private void noted(List<String> eventIds) {
        clearings.add(eventIds);
        if (failing) {
            throw new IllegalStateException("the store is down");
        }
    }
}
