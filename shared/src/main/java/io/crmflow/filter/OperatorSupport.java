package io.crmflow.filter;

import static io.crmflow.filter.Operator.AFTER;
import static io.crmflow.filter.Operator.ANY_OF;
import static io.crmflow.filter.Operator.BEFORE;
import static io.crmflow.filter.Operator.BETWEEN;
import static io.crmflow.filter.Operator.CHANGED_FROM;
import static io.crmflow.filter.Operator.CHANGED_TO;
import static io.crmflow.filter.Operator.CONTAINS;
import static io.crmflow.filter.Operator.EQ;
import static io.crmflow.filter.Operator.GT;
import static io.crmflow.filter.Operator.GTE;
import static io.crmflow.filter.Operator.IS_KNOWN;
import static io.crmflow.filter.Operator.IS_UNKNOWN;
import static io.crmflow.filter.Operator.LT;
import static io.crmflow.filter.Operator.LTE;
import static io.crmflow.filter.Operator.NEQ;
import static io.crmflow.filter.Operator.NONE_OF;
import static io.crmflow.filter.Operator.NOT_CONTAINS;
import static io.crmflow.filter.Operator.STARTS_WITH;
import static io.crmflow.filter.Operator.WITHIN_LAST_DAYS;

import io.crmflow.model.PropertyType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which operators each property type accepts and how many values each operator takes
 * (R-FLT-2). The evaluator and the validator both read this one table, so a filter the
 * validator accepts is exactly a filter the evaluator knows how to run.
 *
 * <p>Stateless and thread-safe.
 */
public final class OperatorSupport {
    private static final Set<Operator> EVERY_TYPE = EnumSet.of(EQ, NEQ, ANY_OF, NONE_OF, IS_KNOWN, IS_UNKNOWN,
            CHANGED_TO, CHANGED_FROM);
    private static final Set<Operator> TEXT = EnumSet.of(CONTAINS, NOT_CONTAINS, STARTS_WITH);
    private static final Set<Operator> ORDERED = EnumSet.of(GT, GTE, LT, LTE, BETWEEN);
    private static final Set<Operator> TEMPORAL = EnumSet.of(BEFORE, AFTER, WITHIN_LAST_DAYS);

    private static final Map<PropertyType, Set<Operator>> BY_TYPE = byType();

    private OperatorSupport() {
    }

    /** The operators a property of {@code type} accepts, in declaration order. */
    public static Set<Operator> operatorsFor(PropertyType type) {
        return BY_TYPE.get(type);
    }

    public static boolean allows(PropertyType type, Operator operator) {
        return type != null && operator != null && BY_TYPE.get(type).contains(operator);
    }

    /** The fewest values {@code operator} takes, whatever the property's type. */
    static int minValues(Operator operator) {
        return switch (operator) {
            case IS_KNOWN, IS_UNKNOWN, CHANGED_TO, CHANGED_FROM -> 0;
            case BETWEEN -> 2;
            default -> 1;
        };
    }

    /** The most values {@code operator} takes on a property of {@code type}. */
    static int maxValues(PropertyType type, Operator operator) {
        return switch (operator) {
            case IS_KNOWN, IS_UNKNOWN -> 0;
            case BETWEEN -> 2;
            case ANY_OF, NONE_OF, CHANGED_TO, CHANGED_FROM -> Integer.MAX_VALUE;
            // A multi-checkbox compares whole sets, so its set may be spelled as several values.
            case EQ, NEQ, CONTAINS, NOT_CONTAINS ->
                    type == PropertyType.MULTI_ENUMERATION ? Integer.MAX_VALUE : 1;
            default -> 1;
        };
    }

    static boolean acceptsCount(PropertyType type, Operator operator, int count) {
        return count >= minValues(operator) && count <= maxValues(type, operator);
    }

    private static Map<PropertyType, Set<Operator>> byType() {
        Map<PropertyType, Set<Operator>> table = new EnumMap<>(PropertyType.class);
        table.put(PropertyType.STRING, union(EVERY_TYPE, TEXT));
        table.put(PropertyType.ENUMERATION, union(EVERY_TYPE));
        table.put(PropertyType.BOOL, union(EVERY_TYPE));
        table.put(PropertyType.NUMBER, union(EVERY_TYPE, ORDERED));
        table.put(PropertyType.DATE, union(EVERY_TYPE, ORDERED, TEMPORAL));
        table.put(PropertyType.DATETIME, union(EVERY_TYPE, ORDERED, TEMPORAL));
        table.put(PropertyType.MULTI_ENUMERATION, union(EVERY_TYPE, EnumSet.of(CONTAINS, NOT_CONTAINS)));
        return Collections.unmodifiableMap(table);
    }

    @SafeVarargs
    private static Set<Operator> union(Set<Operator>... parts) {
        Set<Operator> all = EnumSet.noneOf(Operator.class);
        for (Set<Operator> part : parts) {
            all.addAll(part);
        }
        return Collections.unmodifiableSet(all);
    }
}
