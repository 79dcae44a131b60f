package io.crmflow.filter;

import java.util.List;

/**
 * The second half of {@code Filters.where(property)}: each method names an operator and
 * returns the finished {@link Condition.OnProperty}. Values are given in their wire form
 * ({@code "1000"}, {@code "2026-01-31"}, {@code "true"}), as they are stored; the validator,
 * not this builder, checks them against the schema.
 *
 * <p>Immutable and thread-safe.
 */
public final class WhereProperty {
    private final String property;

    WhereProperty(String property) {
        this.property = property;
    }

    public Condition.OnProperty equalTo(String value) {
        return condition(Operator.EQ, value);
    }

    /** A multi-checkbox has exactly {@code options} ticked, no more and no fewer. */
    public Condition.OnProperty isExactly(String... options) {
        return condition(Operator.EQ, options);
    }

    public Condition.OnProperty notEqualTo(String value) {
        return condition(Operator.NEQ, value);
    }

    public Condition.OnProperty isAnyOf(String... values) {
        return condition(Operator.ANY_OF, values);
    }

    public Condition.OnProperty isNoneOf(String... values) {
        return condition(Operator.NONE_OF, values);
    }

    /** Text contains the value; a multi-checkbox has every one of the options ticked. */
    public Condition.OnProperty contains(String... values) {
        return condition(Operator.CONTAINS, values);
    }

    public Condition.OnProperty doesNotContain(String... values) {
        return condition(Operator.NOT_CONTAINS, values);
    }

    public Condition.OnProperty startsWith(String prefix) {
        return condition(Operator.STARTS_WITH, prefix);
    }

    public Condition.OnProperty greaterThan(String value) {
        return condition(Operator.GT, value);
    }

    /** Greater than or equal to. */
    public Condition.OnProperty atLeast(String value) {
        return condition(Operator.GTE, value);
    }

    public Condition.OnProperty lessThan(String value) {
        return condition(Operator.LT, value);
    }

    /** Less than or equal to. */
    public Condition.OnProperty atMost(String value) {
        return condition(Operator.LTE, value);
    }

    /** Both bounds included. */
    public Condition.OnProperty between(String lower, String upper) {
        return condition(Operator.BETWEEN, lower, upper);
    }

    public Condition.OnProperty isKnown() {
        return condition(Operator.IS_KNOWN);
    }

    public Condition.OnProperty isUnknown() {
        return condition(Operator.IS_UNKNOWN);
    }

    public Condition.OnProperty before(String dateOrDateTime) {
        return condition(Operator.BEFORE, dateOrDateTime);
    }

    public Condition.OnProperty after(String dateOrDateTime) {
        return condition(Operator.AFTER, dateOrDateTime);
    }

    public Condition.OnProperty withinLastDays(int days) {
        return condition(Operator.WITHIN_LAST_DAYS, Integer.toString(days));
    }

    /** The event changed the property to one of {@code values}; with none, changed it at all. */
    public Condition.OnProperty changedTo(String... values) {
        return condition(Operator.CHANGED_TO, values);
    }

    /** The event changed the property away from one of {@code values}; with none, changed it at all. */
    public Condition.OnProperty changedFrom(String... values) {
        return condition(Operator.CHANGED_FROM, values);
    }

    private Condition.OnProperty condition(Operator operator, String... values) {
        return new Condition.OnProperty(property, operator, List.of(values));
    }
}
