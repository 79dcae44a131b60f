package io.crmflow.filter;

import java.util.List;

/**
 * An OR of AND-groups of conditions (R-FLT-1): the record matches when every condition of at
 * least one group holds. An empty filter matches nothing, as a trigger with no criteria
 * enrolls nobody on its own. Immutable.
 */
public record Filter(List<FilterGroup> groups) {
    public static final Filter NONE = new Filter(List.of());

    public Filter {
        groups = List.copyOf(groups);
    }

    public static Filter anyOf(FilterGroup... groups) {
        return new Filter(List.of(groups));
    }

    public static Filter allOf(Condition... conditions) {
        return new Filter(List.of(new FilterGroup(List.of(conditions))));
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
