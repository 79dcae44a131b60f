package io.crmflow.filter;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.model.PropertyValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides one {@link Condition.OnProperty} against one record, typing values by the record's
 * schema. Whatever cannot be typed (a property the schema no longer has, an operator its type
 * does not take, stored or operand text that does not parse) makes the condition false rather
 * than failing the evaluation: such data can predate a schema change.
 *
 * <p>Immutable and thread-safe; holds only the evaluation's clock.
 */
final class PropertyMatcher {
    /**
     * An empty lifecycle stage is not "customer", so the negative operators hold for an empty
     * property: a "not a customer" branch then also takes records nobody has staged yet.
     */
    private static final Set<Operator> HOLD_WHEN_UNKNOWN = EnumSet.of(Operator.IS_UNKNOWN, Operator.NEQ,
            Operator.NONE_OF, Operator.NOT_CONTAINS);

    private final Instant now;
    private final ZoneId zone;

    PropertyMatcher(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    boolean matches(Condition.OnProperty condition, ObjectType schema, CrmRecord record, List<PropertyChange> changes) {
        Operator operator = condition.operator();
        if (condition.property() == null || operator == null) {
            return false;
        }
        String raw = record == null ? null : record.properties().get(condition.property());
        Optional<PropertyDefinition> definition = schema == null ? Optional.empty() : schema.property(condition.property());
        return definition.isEmpty()
                ? untyped(operator, raw)
                : typed(condition, definition.get().type(), raw, changes);
    }

    private boolean typed(Condition.OnProperty condition, PropertyType type, String raw, List<PropertyChange> changes) {
        Operator operator = condition.operator();
        if (!OperatorSupport.allows(type, operator)
                || !OperatorSupport.acceptsCount(type, operator, condition.values().size())) {
            return false;
        }
        return switch (operator) {
            case CHANGED_TO -> changed(condition, type, changes, PropertyChange::to);
            case CHANGED_FROM -> changed(condition, type, changes, PropertyChange::from);
            case IS_KNOWN -> !unknown(type, raw);
            case IS_UNKNOWN -> unknown(type, raw);
            case WITHIN_LAST_DAYS -> withinLastDays(type, raw, condition.values().get(0));
            default -> compared(operator, type, raw, condition.values());
        };
    }

    /** Without a type only known-ness can be told; the record's own text says that much. */
    private static boolean untyped(Operator operator, String raw) {
        return switch (operator) {
            case IS_KNOWN -> !TypedValues.isBlank(raw);
            case IS_UNKNOWN -> TypedValues.isBlank(raw);
            default -> false;
        };
    }

    private static boolean unknown(PropertyType type, String raw) {
        if (TypedValues.isBlank(raw)) {
            return true;
        }
        // A multi-checkbox of only separators (";") has no option ticked.
        return type == PropertyType.MULTI_ENUMERATION && PropertyValues.multi(raw).isEmpty();
    }

    private static boolean compared(Operator operator, PropertyType type, String raw, List<String> values) {
        Optional<List<Object>> operands = TypedValues.parseAll(type, values);
        if (operands.isEmpty()) {
            return false;
        }
        if (unknown(type, raw)) {
            return HOLD_WHEN_UNKNOWN.contains(operator);
        }
        return TypedValues.parse(type, raw)
                .map(value -> ValueComparisons.test(operator, type, value, operands.get()))
                .orElse(false);
    }

    /**
     * Any change of the property whose chosen side equals one of the values; with no values,
     * any change of the property at all. Each value of a multi-checkbox is one whole set.
     */
    private static boolean changed(Condition.OnProperty condition, PropertyType type, List<PropertyChange> changes,
                                   Function<PropertyChange, String> side) {
        Optional<List<Object>> wanted = TypedValues.parseAll(type, condition.values());
        if (wanted.isEmpty() || changes == null) {
            return false;
        }
        return changes.stream()
                .filter(change -> condition.property().equals(change.property()))
                .anyMatch(change -> condition.values().isEmpty() || sideEquals(type, side.apply(change), wanted.get()));
    }

    private static boolean sideEquals(PropertyType type, String raw, List<Object> wanted) {
        if (unknown(type, raw)) {
            return false;
        }
        return TypedValues.parse(type, raw)
                .map(value -> wanted.stream().anyMatch(operand -> TypedValues.same(value, operand)))
                .orElse(false);
    }

    /**
     * Calendar days in the tenant's zone: the window runs from the start of the day N days
     * before today up to now, so "within the last 1 day" is yesterday and today so far. A
     * rolling N×24h window was rejected because a date property has no time of day to roll.
     */
    private boolean withinLastDays(PropertyType type, String raw, String daysValue) {
        OptionalInt days = TypedValues.days(daysValue);
        if (days.isEmpty() || unknown(type, raw)) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstDay = today.minusDays(days.getAsInt());
        Optional<Object> value = TypedValues.parse(type, raw);
        if (value.isEmpty()) {
            return false;
        }
        if (value.get() instanceof LocalDate date) {
            return !date.isBefore(firstDay) && !date.isAfter(today);
        }
        Instant instant = (Instant) value.get();
        return !instant.isBefore(firstDay.atStartOfDay(zone).toInstant()) && !instant.isAfter(now);
    }
}
