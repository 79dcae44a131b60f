package io.crmflow.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One CRM object instance. Immutable: changes produce a new record with {@code version + 1}.
 *
 * @param version starts at 1; used for optimistic locking of concurrent writers
 */
public record CrmRecord(String tenantId, String objectType, String id, Map<String, String> properties,
                        long version, Instant createdAt, Instant updatedAt) {

    public CrmRecord {
        Require.name(tenantId, "tenant id");
        Require.name(objectType, "object type");
        Require.name(id, "record id");
        properties = Map.copyOf(properties);
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public RecordRef ref() {
        return new RecordRef(objectType, id);
    }

    /** A copy with the given properties set; a null or empty value removes the property. */
    public CrmRecord with(Map<String, String> changes, Instant at) {
        var merged = new java.util.HashMap<>(properties);
        changes.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return new CrmRecord(tenantId, objectType, id, merged, version + 1, createdAt, at);
    }
}
