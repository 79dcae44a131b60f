package io.crmflow.filter;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FilterContext} held entirely in memory, with withers so each test states only what
 * it varies. The clock is fixed: tests never read the system time.
 */
record TestFilterContext(CrmRecord record, ObjectType schema, List<PropertyChange> changes, Set<String> lists,
                         Map<String, List<CrmRecord>> associations, Map<String, ObjectType> schemas,
                         Instant now, ZoneId zone) implements FilterContext {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    /** A record of {@code schema}'s type with {@code properties}, at {@link #NOW} in UTC. */
    static TestFilterContext of(ObjectType schema, Map<String, String> properties) {
        return new TestFilterContext(record(schema.name(), "r1", properties), schema, List.of(), Set.of(), Map.of(),
                Map.of(schema.name(), schema), NOW, ZoneOffset.UTC);
    }

    static CrmRecord record(String objectType, String id, Map<String, String> properties) {
        return new CrmRecord("t1", objectType, id, properties, 1, NOW, NOW);
    }

    TestFilterContext withChanges(PropertyChange... newChanges) {
        return new TestFilterContext(record, schema, List.of(newChanges), lists, associations, schemas, now, zone);
    }

    TestFilterContext withLists(String... listIds) {
        return new TestFilterContext(record, schema, changes, Set.of(listIds), associations, schemas, now, zone);
    }

    TestFilterContext withAssociated(ObjectType type, CrmRecord... records) {
        Map<String, List<CrmRecord>> moreAssociations = new HashMap<>(associations);
        moreAssociations.put(type.name(), List.of(records));
        Map<String, ObjectType> moreSchemas = new HashMap<>(schemas);
        moreSchemas.put(type.name(), type);
        return new TestFilterContext(record, schema, changes, lists, moreAssociations, moreSchemas, now, zone);
    }

    TestFilterContext at(Instant instant, ZoneId timeZone) {
        return new TestFilterContext(record, schema, changes, lists, associations, schemas, instant, timeZone);
    }

    @Override
    public boolean isIn(String workflowId, Condition.WorkflowState state) {
        // Workflow standing is encoded as list ids "wf:{id}:{state}", so tests set it like lists.
        return lists.contains("wf:" + workflowId + ":" + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean isMemberOf(String listId) {
        return lists.contains(listId);
    }

    @Override
    public List<CrmRecord> associated(String objectType) {
        return associations.getOrDefault(objectType, List.of());
    }

    @Override
    public ObjectType schemaOf(String objectType) {
        return schemas.get(objectType);
    }
}
