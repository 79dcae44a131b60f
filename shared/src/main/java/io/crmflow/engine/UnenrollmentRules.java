package io.crmflow.engine;

import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import java.util.Optional;

/** Whether a record must stay out of, or leave, a workflow now (R-WF-7). Stateless. */
final class UnenrollmentRules {
    private UnenrollmentRules() {
    }

    static boolean any(WorkflowDefinition wf) {
        Unenrollment u = wf.unenrollment();
        return u != null && (!u.suppressionLists().isEmpty() || !u.criteria().isEmpty());
    }

    /** Why the record must leave the workflow, or empty when it may stay. */
    static Optional<String> reasonToLeave(WorkflowDefinition wf, FilterContext context) {
        if (!any(wf)) {
            return Optional.empty();
        }
        for (String list : wf.unenrollment().suppressionLists()) {
            if (context.isMemberOf(list)) {
                return Optional.of("on suppression list '" + list + "'");
            }
        }
        if (!wf.unenrollment().criteria().isEmpty() && Filters.matches(wf.unenrollment().criteria(), context)) {
            return Optional.of("met the unenrollment criteria");
        }
        return Optional.empty();
    }
}
