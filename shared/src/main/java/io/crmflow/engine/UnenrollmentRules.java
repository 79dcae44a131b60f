package io.crmflow.engine;

import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a record must stay out of, or leave, a workflow now (R-WF-7, R-WF-11): a suppression
 * list, the unenrollment criteria, or the goal. Stateless.
 */
final class UnenrollmentRules {
    private UnenrollmentRules() {
    }

    /** Why a record left early; the workflow's details count each apart (R-WF-15). */
    enum Cause {
        SUPPRESSION,
        CRITERIA,
        GOAL,
        /** An "unenroll from workflow" action of another workflow. */
        WORKFLOW_ACTION;

        String counterName() {
            return "unenrolled_by_" + name().toLowerCase(Locale.ROOT);
        }
    }

    record Leave(Cause cause, String why) {
    }

    static boolean any(WorkflowDefinition wf) {
        Unenrollment u = wf.unenrollment();
        return !wf.goal().isEmpty()
                || u != null && (!u.suppressionLists().isEmpty() || !u.criteria().isEmpty());
    }

    /** Why the record must leave the workflow (or not enter it), or empty when it may stay. */
    static Optional<Leave> reasonToLeave(WorkflowDefinition wf, FilterContext context) {
        Unenrollment u = wf.unenrollment();
        if (u != null) {
            for (String list : u.suppressionLists()) {
                if (context.isMemberOf(list)) {
                    return Optional.of(new Leave(Cause.SUPPRESSION, "on suppression list '" + list + "'"));
                }
            }
            if (!u.criteria().isEmpty() && Filters.matches(u.criteria(), context)) {
                return Optional.of(new Leave(Cause.CRITERIA, "met the unenrollment criteria"));
            }
        }
        if (Goals.met(wf, context)) {
            return Optional.of(new Leave(Cause.GOAL, "met the workflow's goal"));
        }
        return Optional.empty();
    }
}
