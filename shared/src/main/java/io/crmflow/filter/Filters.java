package io.crmflow.filter;

import java.util.List;
import java.util.Objects;

/**
 * The entry points of the filter engine (R-FLT-3) and a builder that reads like the criteria
 * a person would say:
 *
 * <pre>{@code
 * Filter filter = Filters.anyOf(
 *         Filters.allOf(Filters.where("lifecyclestage").equalTo("customer"),
 *                       Filters.associated("company", Filters.where("industry").equalTo("Software"))),
 *         Filters.allOf(Filters.inList("vip-contacts")));
 * boolean enrolled = Filters.matches(filter, context);
 * }</pre>
 *
 * <p><b>Semantics</b>, all typed by the property's schema:
 * <ul>
 *   <li>Text and options compare case-insensitively, numbers by value ({@code 10} equals
 *       {@code 10.0}), dates as calendar dates and datetimes as instants.</li>
 *   <li>A multi-checkbox compares sets: equal-to means the same set, any-of means overlap,
 *       none-of no overlap, contains means every given option is ticked.</li>
 *   <li>An empty property satisfies is-unknown, not-equal-to, none-of and does-not-contain,
 *       and nothing else: an empty stage "is not customer".</li>
 *   <li>A stored value that does not parse as its type (left from before a schema change)
 *       satisfies no condition but is-known; the engine never throws over stored data.</li>
 *   <li>Within-the-last-N-days counts calendar days in the context's zone, from the start of
 *       the day N days ago up to now; future values are not within it.</li>
 *   <li>Changed-to and changed-from look only at the changes of the event under evaluation.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; the conditions built are immutable records.
 */
public final class Filters {
    private Filters() {
    }

    /**
     * Whether the context's record matches: some group has all of its conditions holding.
     * An empty filter, and an empty group, match nothing.
     */
    public static boolean matches(Filter filter, FilterContext context) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(context, "context");
        return new FilterEvaluator(context).matches(filter);
    }

    /** Starts a condition on a property of the record: {@code where("amount").greaterThan("1000")}. */
    public static WhereProperty where(String property) {
        return new WhereProperty(property);
    }

    /** Holds when the record is a member of the list. */
    public static Condition.InList inList(String listId) {
        return new Condition.InList(listId, true);
    }

    /** Holds when the record is not a member of the list. */
    public static Condition.InList notInList(String listId) {
        return new Condition.InList(listId, false);
    }

    /** Holds when at least one associated record of {@code objectType} meets {@code condition}. */
    public static Condition.OnAssociated associated(String objectType, Condition.OnProperty condition) {
        return new Condition.OnAssociated(objectType, condition);
    }

    /** A group whose conditions must all hold. */
    public static FilterGroup allOf(Condition... conditions) {
        return new FilterGroup(List.of(conditions));
    }

    /** A filter that matches when any one of its groups does. */
    public static Filter anyOf(FilterGroup... groups) {
        return new Filter(List.of(groups));
    }
}
