package io.crmflow.definition;

import io.crmflow.filter.Filter;

/**
 * When records enter a workflow (R-WF-2): those that meet {@code criteria} after an event about
 * them. {@link Filter#NONE} means manual enrollment only.
 */
public record EnrollmentTrigger(Filter criteria) {
    public static final EnrollmentTrigger MANUAL = new EnrollmentTrigger(Filter.NONE);

    public EnrollmentTrigger {
        criteria = criteria == null ? Filter.NONE : criteria;
    }

    public boolean isManual() {
        return criteria.isEmpty();
    }
}
