package io.crmflow.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CRM object type and its property schema (R-OBJ-1): one of the built-in types, or a
 * custom type a tenant registered. Immutable.
 */
public record ObjectType(String name, boolean builtIn, Map<String, PropertyDefinition> properties) {

    public ObjectType {
        Require.name(name, "object type");
        properties = Map.copyOf(properties);
    }

    public static ObjectType custom(String name, List<PropertyDefinition> properties) {
        Map<String, PropertyDefinition> byName = new LinkedHashMap<>();
        for (PropertyDefinition p : properties) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("property '" + p.name() + "' is defined twice in object type '" + name + "'");
            }
        }
        return new ObjectType(name, false, byName);
    }

    public Optional<PropertyDefinition> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
