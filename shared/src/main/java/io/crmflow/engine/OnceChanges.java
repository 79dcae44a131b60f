package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import io.crmflow.store.WriteContentionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How an automation writes for an event exactly once: what it writes (a record's change with its
 * stage history and event, a new lead) goes in one commit with the event's effect key, so a
 * redelivered event finds the key and writes nothing, also after someone changed the record
 * since. Thread-safe.
 */
final class OnceChanges {
    /** What became of one attempt. */
    enum Outcome {
        /** Committed now (the value may have been right already: then only the key was written). */
        COMMITTED,
        /** The key was done before: the event was handled already. */
        DONE_BEFORE,
        /**
         * What was read changed since, or another handler wrote the same items at once: read again
         * and decide again.
         */
        COLLIDED
    }

    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;

    OnceChanges(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
    }

    /**
     * Sets {@code property} of {@code record} (as read) to {@code to}, once for {@code effectKey}.
     *
     * @param eventId the id of the change's own event, which workflows and stage automation react to
     * @param result  what the effect key remembers, for people reading it
     */
    Outcome set(CrmRecord record, String property, String to, Origin origin, String eventId, String effectKey,
                String result, Instant now) {
        Map<String, String> value = new HashMap<>();
        value.put(property, to);
        var change = RecordWrites.change(record, value, origin, eventId, now, settings.watchdog());
        return commit(record.tenantId(), effectKey, result, change.map(RecordWrites.Written::writes).orElse(List.of()),
                change.<CrmEvent>map(RecordWrites.Written::event).stream().toList(), now);
    }

    /**
     * Commits {@code writes} with {@code effectKey} marked done, then publishes {@code events}
     * (those the writes enqueue).
     */
    Outcome commit(String tenantId, String effectKey, String result, List<Write> writes, List<CrmEvent> events,
                   Instant now) {
        List<Write> all = new ArrayList<>();
        // First, so that when the event was handled before, the conflict reported is this one.
        all.add(new Write.PutEffectDone(tenantId, effectKey, result, now));
        all.addAll(writes);
        try {
            ports.writer().commit(all);
        } catch (ConflictException | WriteContentionException e) {
            boolean done = e instanceof ConflictException c && c.writeIndex() == 0
                    || ports.effects().result(tenantId, effectKey).isPresent();
            return done ? Outcome.DONE_BEFORE : Outcome.COLLIDED;
        }
        publisher.publishCommitted(events);
        return Outcome.COMMITTED;
    }
}
