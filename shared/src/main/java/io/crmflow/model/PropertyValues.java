package io.crmflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the string form of property values. Every value is kept as a string (HubSpot's
 * wire form); these helpers are the one place that knows how each type reads.
 */
public final class PropertyValues {
    private PropertyValues() {
    }

    static Optional<String> problemWith(PropertyType type, List<String> options, String value) {
        try {
            switch (type) {
                case NUMBER -> number(value);
                case BOOL -> bool(value);
                case DATE -> date(value);
                case DATETIME -> instant(value);
                case ENUMERATION -> {
                    if (!options.contains(value)) {
                        return Optional.of("'" + value + "' is not one of " + options);
                    }
                }
                case MULTI_ENUMERATION -> {
                    for (String part : multi(value)) {
                        if (!options.contains(part)) {
                            return Optional.of("'" + part + "' is not one of " + options);
                        }
                    }
                }
                case STRING -> {
                    if (value.length() > 65_536) {
                        return Optional.of("longer than 65536 characters");
                    }
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.of("'" + value + "' is not a valid " + type.name().toLowerCase() + expectation(type));
        }
    }

    private static String expectation(PropertyType type) {
        return switch (type) {
            case NUMBER -> " (expected a decimal number such as 42 or 3.5)";
            case BOOL -> " (expected true or false)";
            case DATE -> " (expected yyyy-MM-dd)";
            case DATETIME -> " (expected an ISO-8601 instant such as 2026-01-31T09:00:00Z)";
            default -> "";
        };
    }

    public static BigDecimal number(String value) {
        return new BigDecimal(value.trim());
    }

    public static boolean bool(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    public static LocalDate date(String value) {
        return LocalDate.parse(value.trim());
    }

    /** Accepts ISO instants with an offset, and epoch milliseconds as HubSpot also sends. */
    public static Instant instant(String value) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        return OffsetDateTime.parse(v).toInstant();
    }

    public static Set<String> multi(String value) {
        Set<String> parts = new LinkedHashSet<>();
        Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
        return parts;
    }
}
