package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The writes that change or create a record, whoever does it — the API, a workflow's step, a
 * ticket or lead automation: the record, its event through the outbox (published after the
 * commit, or by the sweeper once {@code watchdog} has passed), and its stage history. One recipe,
 * so that no writer can forget a part of it. Callers add what is theirs to the same commit
 * (associations, an effect marker). Pure.
 */
final class RecordWrites {
    private RecordWrites() {
    }

    /** A record as it will be once {@link #writes} are committed, and the event they enqueue. */
    record Written<E extends CrmEvent>(CrmRecord record, E event, List<Write> writes) {
        Written {
            writes = List.copyOf(writes);
        }
    }

    /**
     * Sets {@code values} on {@code record} as read (a null or empty value clears the property),
     * with its modification time; the write holds the version read, so a change made since fails
     * the commit.
     *
     * @return empty when every value is what the record has already: nothing to write
     */
    static Optional<Written<CrmEvent.PropertiesChanged>> change(CrmRecord record, Map<String, String> values,
                                                                Origin origin, String eventId, Instant now,
                                                                Duration watchdog) {
        List<PropertyChange> changes = new ArrayList<>();
        values.forEach((name, value) -> {
            String to = value == null || value.isEmpty() ? null : value;
            String from = record.property(name).orElse(null);
            if (!Objects.equals(from, to)) {
                changes.add(new PropertyChange(name, from, to));
            }
        });
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> set = new HashMap<>(values);
        set.put("lastmodifieddate", now.toString());
        CrmRecord after = record.with(set, now);
        var event = new CrmEvent.PropertiesChanged(eventId, record.tenantId(), record.ref(), now, origin, changes);
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutRecord(after, record.version()));
        writes.add(new Write.EnqueueEvent(event, now.plus(watchdog)));
        writes.addAll(StageChanges.of(event, after));
        return Optional.of(new Written<>(after, event, writes));
    }

    /**
     * Creates record {@code id} with {@code values}, leaving out the empty ones, and its id and
     * creation time as properties; the write fails the commit when a record of that id exists.
     *
     * @throws IllegalArgumentException when the id or type is not a valid name
     */
    static Written<CrmEvent.RecordCreated> created(String tenantId, String objectType, String id,
                                                   Map<String, String> values, Origin origin, String eventId,
                                                   Instant now, Duration watchdog) {
        Map<String, String> properties = new HashMap<>(values);
        properties.values().removeIf(v -> v == null || v.isEmpty());
        properties.put("hs_object_id", id);
        properties.put("createdate", now.toString());
        var record = new CrmRecord(tenantId, objectType, id, properties, 1, now, now);
        var event = new CrmEvent.RecordCreated(eventId, tenantId, record.ref(), now, origin);
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutRecord(record, 0));
        writes.add(new Write.EnqueueEvent(event, now.plus(watchdog)));
        writes.addAll(StageChanges.ofCreated(record, event));
        return new Written<>(record, event, writes);
    }
}
