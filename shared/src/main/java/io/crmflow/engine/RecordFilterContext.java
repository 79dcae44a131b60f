package io.crmflow.engine;

import io.crmflow.definition.CrmList;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import io.crmflow.model.ListKind;
import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import io.crmflow.store.RecordStore;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link FilterContext} over a loaded {@link RecordView}. Associated records are read on first
 * use and kept, so several conditions on the same association cost one read. Not thread-safe:
 * one instance per event, shared by the workflows it is evaluated against.
 */
final class RecordFilterContext implements FilterContext {
    private final RecordView view;
    private final ObjectType schema;
    private final List<PropertyChange> changes;
    private final RecordStore records;
    private final TenantSchemas schemas;
    private final Instant now;
    private final ZoneId zone;
    private final Map<String, List<CrmRecord>> associatedByType = new HashMap<>();
    private final Set<String> listsBeingEvaluated = new HashSet<>();
    private final Map<String, Optional<CrmList>> listsById = new HashMap<>();
    private final Map<String, ObjectType> schemasByType = new HashMap<>();

    RecordFilterContext(RecordView view, ObjectType schema, List<PropertyChange> changes, RecordStore records,
                        TenantSchemas schemas, Instant now, ZoneId zone) {
        this.view = view;
        this.schema = schema;
        this.changes = changes;
        this.records = records;
        this.schemas = schemas;
        this.now = now;
        this.zone = zone;
    }

    @Override
    public CrmRecord record() {
        return view.record();
    }

    @Override
    public ObjectType schema() {
        return schema;
    }

    @Override
    public List<PropertyChange> changes() {
        return changes;
    }

    RecordView view() {
        return view;
    }

    @Override
    public boolean isIn(String workflowId, io.crmflow.filter.Condition.WorkflowState state) {
        var slot = view.slots().get(workflowId);
        boolean enrolled = slot != null && slot.live();
        boolean metGoal = view.mark(workflowId, io.crmflow.store.WorkflowMark.Kind.GOAL_MET).isPresent();
        return switch (state) {
            case ENROLLED -> enrolled;
            case NOT_ENROLLED -> !enrolled;
            case MET_GOAL -> metGoal;
            case NOT_MET_GOAL -> !metGoal;
        };
    }

    @Override
    public boolean isMemberOf(String listId) {
        if (view.staticLists().contains(listId)) {
            return true;
        }
        Optional<CrmList> list = listsById.computeIfAbsent(listId, schemas::list);
        if (list.isEmpty() || list.get().kind() != ListKind.ACTIVE
                || !list.get().objectType().equals(view.record().objectType())) {
            return false;
        }
        // An active list is its filter, evaluated now; a list whose filter names itself is
        // not a member through itself (otherwise the evaluation would never end).
        if (!listsBeingEvaluated.add(listId)) {
            return false;
        }
        try {
            return Filters.matches(list.get().filter(), this);
        } finally {
            listsBeingEvaluated.remove(listId);
        }
    }

    @Override
    public List<CrmRecord> associated(String objectType) {
        return associatedByType.computeIfAbsent(objectType, type -> {
            List<RecordRef> refs = view.associations().stream()
                    .map(Association::to)
                    .filter(to -> to.objectType().equals(type))
                    .toList();
            return refs.isEmpty() ? List.of() : records.records(view.record().tenantId(), refs);
        });
    }

    @Override
    public ObjectType schemaOf(String objectType) {
        return schemasByType.computeIfAbsent(objectType, type -> schemas.objectType(type)
                .orElseThrow(() -> new IllegalStateException("object type '" + type + "' has no schema")));
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
