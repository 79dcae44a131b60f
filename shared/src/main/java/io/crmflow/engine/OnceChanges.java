package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import io.crmflow.store.WriteContentionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an automation changes one property of a record for an event, exactly once: the record, its
 * event through the outbox, its stage history and the event's effect key go in one commit, so a
 * redelivered event finds the key and changes nothing, also after someone changed the record
 * since. Thread-safe.
 */
final class OnceChanges {
    /** What became of one attempt. */
    enum Outcome {
        /** Committed now (the value may have been right already: then only the key was written). */
        COMMITTED,
        /** The key was done before: the event was handled already. */
        DONE_BEFORE,
        /** The record changed since it was read: read it again and decide again. */
        RECORD_CHANGED
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
        String tenant = record.tenantId();
        List<Write> writes = new ArrayList<>();
        // First, so that when the event was handled before, the conflict reported is this one.
        writes.add(new Write.PutEffectDone(tenant, effectKey, result, now));
        String from = record.property(property).orElse(null);
        CrmEvent.PropertiesChanged changed = null;
        if (!to.equals(from)) {
            changed = new CrmEvent.PropertiesChanged(eventId, tenant, record.ref(), now, origin,
                    List.of(new PropertyChange(property, from, to)));
            CrmRecord after = record.with(Map.of(property, to, "lastmodifieddate", now.toString()), now);
            writes.add(new Write.PutRecord(after, record.version()));
            writes.add(new Write.EnqueueEvent(changed, now.plus(settings.watchdog())));
            writes.addAll(StageChanges.of(changed, after));
        }
        try {
            ports.writer().commit(writes);
        } catch (ConflictException | WriteContentionException e) {
            boolean done = e instanceof ConflictException c && c.writeIndex() == 0
                    || ports.effects().result(tenant, effectKey).isPresent();
            return done ? Outcome.DONE_BEFORE : Outcome.RECORD_CHANGED;
        }
        if (changed != null) {
            publisher.publishCommitted(List.of(changed));
        }
        return Outcome.COMMITTED;
    }
}
