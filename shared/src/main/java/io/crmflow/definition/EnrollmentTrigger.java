package io.crmflow.definition;

import io.crmflow.filter.Filter;
import java.util.List;

/**
 * When records enter a workflow (R-WF-2). Filter-based: those that meet {@code criteria} after
 * an event about them. Event-based: those an event of {@code events} happens to, and that meet
 * {@code criteria} too when given. Neither means manual enrollment only.
 *
 * @param reenroll never null once built; whether a record that left may enter again (R-WF-3) — when it newly meets
 *                 the criteria, or on each new occurrence of an event; off by default, and never while an
 *                 enrollment of it is under way
 * @param events   never null once built; empty for a filter-based trigger
 */
public record EnrollmentTrigger(Filter criteria, Boolean reenroll, List<TriggerEvent> events) {
    public static final EnrollmentTrigger MANUAL = new EnrollmentTrigger(Filter.NONE, false);

    public EnrollmentTrigger {
        criteria = criteria == null ? Filter.NONE : criteria;
        reenroll = reenroll != null && reenroll; // absent in JSON means off
        events = events == null ? List.of() : List.copyOf(events);
    }

    public EnrollmentTrigger(Filter criteria, Boolean reenroll) {
        this(criteria, reenroll, List.of());
    }

    /** Criteria without re-enrollment, the default. */
    public EnrollmentTrigger(Filter criteria) {
        this(criteria, false);
    }

    public boolean isManual() {
        return criteria.isEmpty() && events.isEmpty();
    }

    public boolean isEventBased() {
        return !events.isEmpty();
    }
}
