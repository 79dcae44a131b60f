package io.crmflow.filter;

import java.util.List;

/** One test inside a {@link FilterGroup} (R-FLT-2). */
public sealed interface Condition permits Condition.OnProperty, Condition.InList, Condition.OnAssociated {

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
}
