package io.crmflow.definition;

import io.crmflow.filter.Filter;

/**
 * When records enter a workflow (R-WF-2): those that meet {@code criteria} after an event about
 * them. {@link Filter#NONE} means manual enrollment only.
 *
 * @param reenroll never null once built; whether a record that left may enter again when it newly meets the criteria
 *                 (R-WF-3); off by default, and never while an enrollment of it is under way
 */
public record EnrollmentTrigger(Filter criteria, Boolean reenroll) {
    public static final EnrollmentTrigger MANUAL = new EnrollmentTrigger(Filter.NONE, false);

    public EnrollmentTrigger {
        criteria = criteria == null ? Filter.NONE : criteria;
        reenroll = reenroll != null && reenroll; // absent in JSON means off
    }

    /** Criteria without re-enrollment, the default. */
    public EnrollmentTrigger(Filter criteria) {
        this(criteria, false);
    }

    public boolean isManual() {
        return criteria.isEmpty();
    }
}
