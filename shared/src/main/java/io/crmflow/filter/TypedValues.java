package io.crmflow.filter;

import io.crmflow.model.PropertyType;
import io.crmflow.model.PropertyValues;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads wire strings into values that compare the way R-FLT-2 wants: text and options in
 * lower case (HubSpot matches them case-insensitively), numbers as {@link BigDecimal},
 * dates as {@link LocalDate}, datetimes as {@link Instant}, multi-checkboxes as sets.
 *
 * <p>Stateless and thread-safe.
 */
final class TypedValues {
    private TypedValues() {
    }

    /** The typed value, or empty when {@code raw} does not read as {@code type}; never throws. */
    static Optional<Object> parse(PropertyType type, String raw) {
        try {
            return Optional.of(switch (type) {
                case STRING, ENUMERATION -> raw.toLowerCase(Locale.ROOT);
                case NUMBER -> PropertyValues.number(raw);
                case BOOL -> PropertyValues.bool(raw.trim());
                case DATE -> PropertyValues.date(raw);
                case DATETIME -> PropertyValues.instant(raw);
                case MULTI_ENUMERATION -> lowerCase(PropertyValues.multi(raw));
            });
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // Stored data may predate a schema change; it simply does not match.
            return Optional.empty();
        }
    }

    /** Every value typed, or empty when any one of them does not read as {@code type}. */
    static Optional<List<Object>> parseAll(PropertyType type, List<String> raws) {
        List<Object> typed = new ArrayList<>(raws.size());
        for (String raw : raws) {
            if (isBlank(raw)) {
                return Optional.empty();
            }
            Optional<Object> value = parse(type, raw);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            typed.add(value.get());
        }
        return Optional.of(typed);
    }

    static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The day count of "within the last N days": a whole number of at least one, or empty. */
    static OptionalInt days(String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        try {
            int days = Integer.parseInt(raw.trim());
            return days >= 1 ? OptionalInt.of(days) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Equality by value: {@code 10} equals {@code 10.0}, unlike {@link BigDecimal#equals}. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    /**
     * What a typed value is looked up by in an index: two values are {@link #same} exactly when
     * their keys are equal. A number is kept without trailing zeros ({@code 10.0} as {@code 1E+1}),
     * a multi-checkbox as an unmodifiable set; the other types already compare by equality.
     */
    static Object key(Object typed) {
        if (typed instanceof BigDecimal number) {
            return numberKey(number);
        }
        if (typed instanceof Set<?> options) {
            return Set.copyOf(options);
        }
        return typed;
    }

    /**
     * {@link BigDecimal#stripTrailingZeros} gives every value of a number one form, but throws when
     * the stripped scale would pass an int; such a number still equals itself, so it is stripped by
     * hand into a scale that cannot overflow.
     */
    private static Object numberKey(BigDecimal number) {
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        try {
            return number.stripTrailingZeros();
        } catch (ArithmeticException scaleOverflow) {
            java.math.BigInteger unscaled = number.unscaledValue();
            long scale = number.scale();
            java.math.BigInteger[] split = unscaled.divideAndRemainder(java.math.BigInteger.TEN);
            while (split[1].signum() == 0) {
                unscaled = split[0];
                scale--;
                split = unscaled.divideAndRemainder(java.math.BigInteger.TEN);
            }
            return new WideNumber(unscaled, scale);
        }
    }

    /** A number whose scale, stripped of trailing zeros, does not fit an int. */
    private record WideNumber(java.math.BigInteger unscaled, long scale) {
    }

    /** Orders numbers, dates and datetimes; the table in {@link OperatorSupport} keeps other types away. */
    static int compare(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        if (a instanceof LocalDate x) {
            return x.compareTo((LocalDate) b);
        }
        if (a instanceof Instant x) {
            return x.compareTo((Instant) b);
        }
        throw new IllegalArgumentException("values of " + a.getClass().getSimpleName() + " have no order");
    }

    /** The union of several typed multi-checkbox values: {@code ["a", "b;c"]} is {@code {a, b, c}}. */
    static Set<Object> union(List<Object> sets) {
        Set<Object> all = new LinkedHashSet<>();
        for (Object set : sets) {
            all.addAll((Set<?>) set);
        }
        return all;
    }

    private static Set<String> lowerCase(Set<String> options) {
        Set<String> lower = new LinkedHashSet<>();
        options.forEach(option -> lower.add(option.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
