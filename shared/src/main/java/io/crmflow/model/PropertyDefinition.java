package io.crmflow.model;

import java.util.List;
import java.util.Optional;

/**
 * One property of an object type's schema. Immutable.
 *
 * @param options the allowed values of an enumeration; empty for other types
 */
public record PropertyDefinition(String name, PropertyType type, List<String> options) {

    public PropertyDefinition {
        Require.name(name, "property name");
        Require.nonNull(type, "property type");
        options = options == null ? List.of() : List.copyOf(options);
        if (type.hasOptions() && options.isEmpty()) {
            throw new IllegalArgumentException("enumeration property '" + name + "' needs at least one option");
        }
    }

    public static PropertyDefinition of(String name, PropertyType type) {
        return new PropertyDefinition(name, type, List.of());
    }

    public static PropertyDefinition enumeration(String name, String... options) {
        return new PropertyDefinition(name, PropertyType.ENUMERATION, List.of(options));
    }

    /** Why {@code value} cannot be stored in this property, or empty when it can. A null value clears it. */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return PropertyValues.problemWith(type, options, value)
                .map(problem -> "property '" + name + "' (" + type.name().toLowerCase() + "): " + problem);
    }
}
