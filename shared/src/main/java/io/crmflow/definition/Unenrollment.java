package io.crmflow.definition;

import io.crmflow.filter.Filter;
import java.util.List;

/**
 * When records leave a workflow before its end (R-WF-7): members of a suppression list are never
 * enrolled and leave the moment they join one, also during a wait; records meeting
 * {@code criteria} leave when they meet them. Immutable.
 *
 * @param criteria {@link Filter#NONE} for none
 */
public record Unenrollment(List<String> suppressionLists, Filter criteria) {
    public Unenrollment {
        suppressionLists = suppressionLists == null ? List.of() : List.copyOf(suppressionLists);
        criteria = criteria == null ? Filter.NONE : criteria;
    }
}
