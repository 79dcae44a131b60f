package io.crmflow.filter;

import static io.crmflow.filter.TypedValues.compare;
import static io.crmflow.filter.TypedValues.same;

import io.crmflow.model.PropertyType;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The comparing operators applied to a known, typed value and typed operands (see
 * {@link TypedValues}). Unknown values, changes and day windows are decided before this, in
 * {@link PropertyMatcher}; the operand count has been checked against {@link OperatorSupport}.
 *
 * <p>Stateless and thread-safe.
 */
final class ValueComparisons {
    private ValueComparisons() {
    }

    static boolean test(Operator operator, PropertyType type, Object value, List<Object> operands) {
        if (type == PropertyType.MULTI_ENUMERATION) {
            return testSet(operator, (Set<?>) value, TypedValues.union(operands));
        }
        return switch (operator) {
            case EQ -> same(value, operands.get(0));
            case NEQ -> !same(value, operands.get(0));
            case ANY_OF -> anyOf(value, operands);
            case NONE_OF -> !anyOf(value, operands);
            case CONTAINS -> text(value).contains(text(operands.get(0)));
            case NOT_CONTAINS -> !text(value).contains(text(operands.get(0)));
            case STARTS_WITH -> text(value).startsWith(text(operands.get(0)));
            case GT, AFTER -> compare(value, operands.get(0)) > 0;
            case GTE -> compare(value, operands.get(0)) >= 0;
            case LT, BEFORE -> compare(value, operands.get(0)) < 0;
            case LTE -> compare(value, operands.get(0)) <= 0;
            case BETWEEN -> compare(value, operands.get(0)) >= 0 && compare(value, operands.get(1)) <= 0;
            // Known-ness, changes and day windows never reach here; refusing is the safe answer.
            default -> false;
        };
    }

    /** A multi-checkbox against the union of the operands: equal sets, overlap, or inclusion. */
    private static boolean testSet(Operator operator, Set<?> value, Set<Object> wanted) {
        return switch (operator) {
            case EQ -> value.equals(wanted);
            case NEQ -> !value.equals(wanted);
            case ANY_OF -> !Collections.disjoint(value, wanted);
            case NONE_OF -> Collections.disjoint(value, wanted);
            case CONTAINS -> value.containsAll(wanted);
            case NOT_CONTAINS -> !value.containsAll(wanted);
            default -> false;
        };
    }

    private static boolean anyOf(Object value, List<Object> operands) {
        return operands.stream().anyMatch(operand -> same(value, operand));
    }

    /** Text is already lower-cased by {@link TypedValues#parse}, so this is case-insensitive. */
    private static String text(Object value) {
        return (String) value;
    }
}
