package io.crmflow.filter;

import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.model.StandardObjectTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Schemas} over the standard object types plus {@link #THING}, a custom type with one
 * property of every type, and a fixed set of lists.
 */
record TestSchemas(Map<String, ObjectType> custom, Set<String> lists) implements Schemas {

    /** One property per type, named after it: {@code text}, {@code number}, {@code flag}, … */
    static final ObjectType THING = ObjectType.custom("thing", List.of(
            PropertyDefinition.of("text", PropertyType.STRING),
            PropertyDefinition.of("number", PropertyType.NUMBER),
            PropertyDefinition.of("flag", PropertyType.BOOL),
            PropertyDefinition.of("day", PropertyType.DATE),
            PropertyDefinition.of("moment", PropertyType.DATETIME),
            PropertyDefinition.enumeration("tier", "gold", "silver", "bronze"),
            new PropertyDefinition("colors", PropertyType.MULTI_ENUMERATION, List.of("red", "green", "blue"))));

    static final ObjectType CONTACT = StandardObjectTypes.byName(StandardObjectTypes.CONTACT).orElseThrow();
    static final ObjectType COMPANY = StandardObjectTypes.byName(StandardObjectTypes.COMPANY).orElseThrow();
    static final ObjectType DEAL = StandardObjectTypes.byName(StandardObjectTypes.DEAL).orElseThrow();

    static TestSchemas withLists(String... listIds) {
        return new TestSchemas(Map.of(THING.name(), THING), Set.of(listIds));
    }

    @Override
    public Optional<ObjectType> objectType(String name) {
        return StandardObjectTypes.byName(name).or(() -> Optional.ofNullable(custom.get(name)));
    }

    @Override
    public boolean listExists(String listId) {
        return lists.contains(listId);
    }

    /** Workflows exist in tests when named like lists, "wf:{id}". */
    @Override
    public boolean workflowExists(String workflowId) {
        return lists.contains("wf:" + workflowId);
    }
}
