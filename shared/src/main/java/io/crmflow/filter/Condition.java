package io.crmflow.filter;

import java.util.List;

/** One test inside a {@link FilterGroup} (R-FLT-2). */
public sealed interface Condition permits Condition.OnProperty, Condition.InList, Condition.OnAssociated,
        Condition.InWorkflow {

    /**
     * A test of one property of the record.
     *
     * @param values the operands: one for equals, several for any-of, two for between, none
     *               for is-known; for within-last, the number of days
     */
    record OnProperty(String property, Operator operator, List<String> values) implements Condition {
        public OnProperty {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** Membership of the record in a list (static or active). */
    record InList(String listId, boolean member) implements Condition {
    }

    /**
     * Holds when at least one record of {@code objectType} associated with this one meets
     * {@code condition} (e.g. the deal's company's industry).
     */
    record OnAssociated(String objectType, OnProperty condition) implements Condition {
    }

    /**
     * The record's standing in a workflow (R-WF-14): enrolled in it now, or has met / has not
     * met its goal (a met goal is remembered forever, R-WF-13).
     */
    record InWorkflow(String workflowId, WorkflowState state) implements Condition {
    }

    enum WorkflowState {
        ENROLLED,
        NOT_ENROLLED,
        MET_GOAL,
        NOT_MET_GOAL
    }
}
