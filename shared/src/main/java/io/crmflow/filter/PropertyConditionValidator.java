package io.crmflow.filter;

import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.model.PropertyValues;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks of one {@link Condition.OnProperty} for {@link FilterValidator}: the property
 * exists, its type takes the operator (per {@link OperatorSupport}), the operator has the
 * right number of values, and every value reads as the property's type.
 *
 * <p>Not thread-safe: it reports into its validator's problem list.
 */
final class PropertyConditionValidator {
    private final Consumer<FilterProblem> problems;

    PropertyConditionValidator(Consumer<FilterProblem> problems) {
        this.problems = problems;
    }

    /** @param schema the schema to check against, or null when it is unknown (already reported) */
    void check(Condition.OnProperty condition, String pointer, ObjectType schema, boolean onAssociated) {
        boolean named = condition.property() != null && !condition.property().isBlank();
        if (!named) {
            problem(pointer + "/property", "a property name is required");
        }
        if (condition.operator() == null) {
            problem(pointer + "/operator", "an operator is required; use one of: "
                    + wireNames(Arrays.asList(Operator.values())));
        }
        if (!named || condition.operator() == null || schema == null) {
            return;
        }
        Optional<PropertyDefinition> definition = schema.property(condition.property());
        if (definition.isEmpty()) {
            problem(pointer + "/property", "object type '" + schema.name() + "' has no property '"
                    + condition.property() + "'; check the spelling of its internal name");
        } else if (operatorFits(condition, definition.get(), pointer, onAssociated)) {
            checkValues(condition, definition.get(), pointer + "/values");
        }
    }

    private boolean operatorFits(Condition.OnProperty condition, PropertyDefinition definition, String pointer,
                                 boolean onAssociated) {
        Operator operator = condition.operator();
        PropertyType type = definition.type();
        if (onAssociated && (operator == Operator.CHANGED_TO || operator == Operator.CHANGED_FROM)) {
            problem(pointer + "/operator", "'" + operator.wireName() + "' cannot be used on an associated record: "
                    + "only the changes of the record itself are known; test its current value instead");
            return false;
        }
        if (!OperatorSupport.allows(type, operator)) {
            problem(pointer + "/operator", "operator '" + operator.wireName() + "' cannot be used on property '"
                    + definition.name() + "' of type " + typeName(type) + "; use one of: "
                    + wireNames(OperatorSupport.operatorsFor(type)));
            return false;
        }
        return true;
    }

    private void checkValues(Condition.OnProperty condition, PropertyDefinition definition, String pointer) {
        Operator operator = condition.operator();
        List<String> values = condition.values();
        if (!OperatorSupport.acceptsCount(definition.type(), operator, values.size())) {
            problem(pointer, "operator '" + operator.wireName() + "' takes " + expectedCount(definition.type(), operator)
                    + " on property '" + definition.name() + "' (" + typeName(definition.type()) + "), got "
                    + values.size());
            return;
        }
        boolean allRead = true;
        for (int i = 0; i < values.size(); i++) {
            allRead &= checkValue(values.get(i), operator, definition, pointer + "/" + i);
        }
        if (operator == Operator.BETWEEN && allRead) {
            checkOrder(values, definition.type(), pointer);
        }
    }

    /** @return whether the value reads as its type, so that later checks may compare it */
    private boolean checkValue(String value, Operator operator, PropertyDefinition definition, String pointer) {
        if (TypedValues.isBlank(value) || definition.type() == PropertyType.MULTI_ENUMERATION
                && PropertyValues.multi(value).isEmpty()) {
            problem(pointer, "the value is empty; give a value, or use is_unknown to find records without one");
            return false;
        }
        if (operator == Operator.WITHIN_LAST_DAYS) {
            if (TypedValues.days(value).isEmpty()) {
                problem(pointer, "'" + value + "' is not a number of days; give a whole number of at least 1");
                return false;
            }
            return true;
        }
        Optional<String> problem = definition.problemWith(value);
        problem.ifPresent(message -> problem(pointer, message));
        return problem.isEmpty();
    }

    private void checkOrder(List<String> bounds, PropertyType type, String pointer) {
        Optional<Object> lower = TypedValues.parse(type, bounds.get(0));
        Optional<Object> upper = TypedValues.parse(type, bounds.get(1));
        if (lower.isPresent() && upper.isPresent() && TypedValues.compare(lower.get(), upper.get()) > 0) {
            problem(pointer, "the lower bound '" + bounds.get(0) + "' is greater than the upper bound '"
                    + bounds.get(1) + "', so nothing could match; put the smaller value first");
        }
    }

    private static String expectedCount(PropertyType type, Operator operator) {
        int min = OperatorSupport.minValues(operator);
        int max = OperatorSupport.maxValues(type, operator);
        if (max == 0) {
            return "no values";
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + count(min);
        }
        return min == max ? "exactly " + count(min) : min + " to " + max + " values";
    }

    private static String count(int values) {
        return values == 1 ? "1 value" : values + " values";
    }

    private static String typeName(PropertyType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static String wireNames(Collection<Operator> operators) {
        return operators.stream().map(Operator::wireName).collect(Collectors.joining(", "));
    }

    private void problem(String pointer, String message) {
        problems.accept(new FilterProblem(pointer, message));
    }
}
