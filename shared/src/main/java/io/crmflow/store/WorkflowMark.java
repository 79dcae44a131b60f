package io.crmflow.store;

import java.util.Objects;
import java.time.Instant;

/**
 * Something a record did in a workflow that is remembered for good, beside the record: it met
 * the workflow's goal (R-WF-13: forever, whatever later happens to the goal), or it was sent a
 * marketing email by the workflow (the conversion rate's denominator, R-WF-12).
 *
 * @param generation the goal generation it counted in (see {@code definition.Goal})
 */
public record WorkflowMark(String workflowId, Kind kind, long generation, Instant at) {
    public enum Kind {
        GOAL_MET,
        MARKETING_EMAILED
    }

    public WorkflowMark {
        Objects.requireNonNull(workflowId, "workflow id");
        Objects.requireNonNull(kind, "mark kind");
        Objects.requireNonNull(at, "mark time");
    }
}
