package io.crmflow.filter;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import java.util.List;

/**
 * The one engine that runs filters (R-FLT-3): triggers, branches, goals, unenrollment and
 * active lists all come through {@link Filters#matches}. It makes no I/O and reads no clock:
 * everything comes from the {@link FilterContext}.
 *
 * <p>One instance serves one evaluation; it is immutable, and thread-safe as far as its
 * context is.
 */
final class FilterEvaluator {
    private final FilterContext context;
    private final PropertyMatcher properties;

    FilterEvaluator(FilterContext context) {
        this.context = context;
        this.properties = new PropertyMatcher(context.now(), context.zone());
    }

    /** OR of the groups; an empty filter matches nothing (R-FLT-1). */
    boolean matches(Filter filter) {
        return filter.groups().stream().anyMatch(this::matches);
    }

    /** AND of the conditions; an empty group matches nothing rather than everything. */
    private boolean matches(FilterGroup group) {
        return !group.conditions().isEmpty() && group.conditions().stream().allMatch(this::holds);
    }

    private boolean holds(Condition condition) {
        if (condition instanceof Condition.OnProperty onProperty) {
            return properties.matches(onProperty, context.schema(), context.record(), context.changes());
        }
        if (condition instanceof Condition.InWorkflow in) {
            return in.workflowId() != null && in.state() != null && context.isIn(in.workflowId(), in.state());
        }
        if (condition instanceof Condition.InList inList) {
            return inList.listId() != null && context.isMemberOf(inList.listId()) == inList.member();
        }
        return holdsOnAssociated((Condition.OnAssociated) condition);
    }

    /**
     * Any one associated record will do. The event's changes belong to the record itself, so
     * an associated record is tested with none.
     */
    private boolean holdsOnAssociated(Condition.OnAssociated condition) {
        if (condition.objectType() == null || condition.condition() == null) {
            return false;
        }
        List<CrmRecord> associated = context.associated(condition.objectType());
        if (associated == null || associated.isEmpty()) {
            return false;
        }
        ObjectType schema = context.schemaOf(condition.objectType());
        return associated.stream()
                .anyMatch(record -> properties.matches(condition.condition(), schema, record, List.of()));
    }
}
