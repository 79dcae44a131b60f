package io.crmflow.engine;

import io.crmflow.definition.TriggerEvent;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import io.crmflow.filter.Operator;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmEvent.WorkflowMilestone.Milestone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a CRM event is an occurrence of a {@link TriggerEvent}: what event-based triggers and
 * "wait until an event happens" listen for. Property changes go through the filter engine, so
 * "changed to 10" matches "10.0" on a number as the changed_to operator does. Stateless.
 */
final class TriggerEvents {
    private TriggerEvents() {
    }

    static boolean anyMatches(List<TriggerEvent> wanted, CrmEvent event, FilterContext context) {
        return wanted.stream().anyMatch(w -> matches(w, event, context));
    }

    static boolean matches(TriggerEvent wanted, CrmEvent event, FilterContext context) {
        if (wanted instanceof TriggerEvent.RecordCreated) {
            return event instanceof CrmEvent.RecordCreated;
        } else if (wanted instanceof TriggerEvent.PropertyChanged changed) {
            return event instanceof CrmEvent.PropertiesChanged && Filters.matches(asFilter(changed), context);
        } else if (wanted instanceof TriggerEvent.ActivityLogged activity) {
            return event instanceof CrmEvent.ActivityLogged logged && logged.activity().type() == activity.activity()
                    && attributesMatch(activity.attributes(), logged.activity().attributes());
        } else if (wanted instanceof TriggerEvent.ListJoined joined) {
            return event instanceof CrmEvent.ListMembershipChanged m && m.joined() && m.listId().equals(joined.listId());
        } else if (wanted instanceof TriggerEvent.ListLeft left) {
            return event instanceof CrmEvent.ListMembershipChanged m && !m.joined() && m.listId().equals(left.listId());
        } else if (wanted instanceof TriggerEvent.EnrolledInWorkflow w) {
            return milestone(event, w.workflowId(), Milestone.ENROLLED);
        } else if (wanted instanceof TriggerEvent.CompletedWorkflow w) {
            return milestone(event, w.workflowId(), Milestone.COMPLETED);
        } else if (wanted instanceof TriggerEvent.GoalMet w) {
            return milestone(event, w.workflowId(), Milestone.GOAL_MET);
        }
        throw new IllegalStateException("no matching for trigger event " + wanted.getClass().getSimpleName());
    }

    /** The workflow whose milestone this trigger event waits for, or null when it is not about a workflow. */
    static String workflowOf(TriggerEvent wanted) {
        if (wanted instanceof TriggerEvent.EnrolledInWorkflow w) {
            return w.workflowId();
        } else if (wanted instanceof TriggerEvent.CompletedWorkflow w) {
            return w.workflowId();
        } else if (wanted instanceof TriggerEvent.GoalMet w) {
            return w.workflowId();
        }
        return null;
    }

    /** "Changed to X from Y" is the filter engine's changed_to and changed_from on that property, together. */
    static Filter asFilter(TriggerEvent.PropertyChanged changed) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition.OnProperty(changed.property(), Operator.CHANGED_TO, changed.to()));
        if (!changed.from().isEmpty()) {
            conditions.add(new Condition.OnProperty(changed.property(), Operator.CHANGED_FROM, changed.from()));
        }
        return Filter.allOf(conditions.toArray(Condition[]::new));
    }

    private static boolean milestone(CrmEvent event, String workflowId, Milestone milestone) {
        return event instanceof CrmEvent.WorkflowMilestone m && m.milestone() == milestone
                && m.workflowId().equals(workflowId);
    }

    private static boolean attributesMatch(Map<String, String> wanted, Map<String, String> actual) {
        return wanted.entrySet().stream().allMatch(w -> actual.entrySet().stream()
                .anyMatch(a -> a.getKey().equalsIgnoreCase(w.getKey()) && a.getValue().equalsIgnoreCase(w.getValue())));
    }
}
