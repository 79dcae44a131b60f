package io.crmflow.filter;

import java.util.List;

/** Conditions that must all hold (R-FLT-1). */
public record FilterGroup(List<Condition> conditions) {
    public FilterGroup {
        conditions = List.copyOf(conditions);
    }
}
