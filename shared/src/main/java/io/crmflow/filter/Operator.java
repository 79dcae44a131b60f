package io.crmflow.filter;

import java.util.Locale;

/** The operators of R-FLT-2. Which property types accept which operator is the validator's business. */
public enum Operator {
    EQ,
    NEQ,
    ANY_OF,
    NONE_OF,
    CONTAINS,
    NOT_CONTAINS,
    STARTS_WITH,
    GT,
    GTE,
    LT,
    LTE,
    BETWEEN,
    IS_KNOWN,
    IS_UNKNOWN,
    BEFORE,
    AFTER,
    WITHIN_LAST_DAYS,
    /** Holds when the event being evaluated changed the property to one of the values. */
    CHANGED_TO,
    /** Holds when the event being evaluated changed the property away from one of the values. */
    CHANGED_FROM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Operator fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown operator '" + name + "'; expected one of "
                    + java.util.Arrays.stream(values()).map(Operator::wireName).toList());
        }
    }
}
