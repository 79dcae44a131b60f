package io.crmflow.filter;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a filter may look at: the record, its schema, the change being processed, its list
 * memberships and associated records, and the time. Implementations load these once per
 * evaluation; the evaluator makes no I/O of its own.
 */
public interface FilterContext {

    CrmRecord record();

    ObjectType schema();

    /** The changes carried by the event under evaluation; empty when there is none. */
    List<PropertyChange> changes();

    boolean isMemberOf(String listId);

    /** Whether the record stands in {@code state} in workflow {@code workflowId}. */
    boolean isIn(String workflowId, Condition.WorkflowState state);

    /** Records of {@code objectType} associated with {@link #record()}. */
    List<CrmRecord> associated(String objectType);

    /** The schema of an associated object type, for typing its properties. */
    ObjectType schemaOf(String objectType);

    Instant now();

    /** The tenant's timezone: "within the last N days" and date comparisons are made in it. */
    ZoneId zone();
}
