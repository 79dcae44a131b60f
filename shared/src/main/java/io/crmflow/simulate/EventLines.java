package io.crmflow.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.RecordService;
import io.crmflow.engine.TenantSchemas;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.Activity;
import io.crmflow.model.Association;
import io.crmflow.model.ListKind;
import io.crmflow.model.ObjectType;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one line of an events file into an {@link InputEvent}, or says everything wrong with it:
 * its JSON, its fields, and what the tenant's schema refuses (an unknown object type or property,
 * a value of the wrong type, a list that is not a static list of the setup). What depends on the
 * events before it — whether a record exists yet — is the run's to find. Thread-safe.
 */
final class EventLines {
    static final List<String> KINDS = List.of("create", "update", "activity", "join", "leave", "associate", "enroll");

    /**
     * Every field a line may have, whatever its kind, so that a line is read in one pass; which
     * fields a kind takes is checked after ({@link #FIELDS}). The time is kept as text and read
     * apart, so that a line refused for another field still has its place in time.
     */
    record LineDocument(String at, String kind, String objectType, String id, Map<String, String> properties,
                        List<AssociationLine> associations, RecordRef record, Activity activity, String listId,
                        RecordRef from, RecordRef to, String label) {
    }

    record AssociationLine(String objectType, String id, String label) {
    }

    /** The fields each kind takes besides {@code at} and {@code kind}. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "create", Set.of("objectType", "id", "properties", "associations"),
            "update", Set.of("objectType", "id", "properties"),
            "activity", Set.of("record", "activity"),
            "join", Set.of("listId", "record"),
            "leave", Set.of("listId", "record"),
            "associate", Set.of("from", "to", "label"),
            "enroll", Set.of("record"));

    /**
     * What one line came to.
     *
     * @param at    when it says it happened, or null when that cannot be read
     * @param event null when the line has problems
     */
    record Read(Instant at, InputEvent event) {
        static final Read NOTHING = new Read(null, null);
    }

    private final TenantSchemas schemas;

    EventLines(TenantSchemas schemas) {
        this.schemas = schemas;
    }

    /** The line's event, or its problems added to {@code problems}; its time whenever it can be read. */
    Read read(long line, String text, List<LineProblem> problems) {
        var found = new Problems(line, problems);
        LineDocument d;
        try {
            d = Json.read(text, LineDocument.class);
        } catch (JsonInputException e) {
            found.add(e.pointer(), e.getMessage());
            return new Read(timeOnly(text), null);
        }
        if (d == null) {
            found.add("/", "each line is one JSON object");
            return Read.NOTHING;
        }
        Instant at = at(d.at(), found);
        String kind = d.kind() == null ? "" : d.kind();
        if (!KINDS.contains(kind)) {
            found.add("/kind", (kind.isEmpty() ? "say what happened" : "'" + kind + "' is not a kind of event")
                    + ": one of " + String.join(", ", KINDS));
            return new Read(at, null);
        }
        fieldsOf(kind, d, found);
        Optional<InputEvent> event = switch (kind) {
            case "create" -> create(line, at, d, found);
            case "update" -> update(line, at, d, found);
            case "activity" -> activity(line, at, d, found);
            case "join", "leave" -> membership(line, at, kind, d, found);
            case "associate" -> associate(line, at, d, found);
            default -> enroll(line, at, d, found);
        };
        return new Read(at, found.none() ? event.orElse(null) : null);
    }

    private static Instant at(String at, Problems found) {
        if (at == null) {
            found.add("/at", "say when it happened: an instant such as 2026-03-02T09:00:00Z");
            return null;
        }
        try {
            return LineTimes.parse(at);
        } catch (DateTimeParseException e) {
            found.add("/at", "'" + at + "' is not an instant such as 2026-03-02T09:00:00Z");
            return null;
        }
    }

    /** The time of a line refused as a whole, when it has one: its place in time is still checked. */
    private static Instant timeOnly(String text) {
        try {
            JsonNode node = Json.tree(text);
            return node != null && node.path("at").isTextual() ? LineTimes.parse(node.get("at").asText()) : null;
        } catch (JsonInputException | DateTimeParseException e) {
            return null;
        }
    }

    /** A field another kind of line takes is a mistake in this one, reported as an unknown field would be. */
    private static void fieldsOf(String kind, LineDocument d, Problems found) {
        Set<String> allowed = FIELDS.get(kind);
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("objectType", d.objectType());
        given.put("id", d.id());
        given.put("properties", d.properties());
        given.put("associations", d.associations());
        given.put("record", d.record());
        given.put("activity", d.activity());
        given.put("listId", d.listId());
        given.put("from", d.from());
        given.put("to", d.to());
        given.put("label", d.label());
        given.forEach((field, value) -> {
            if (value != null && !allowed.contains(field)) {
                found.add("/" + field, "a " + kind + " line has no field '" + field + "'; it takes "
                        + allowed.stream().sorted().toList());
            }
        });
    }

    private Optional<InputEvent> create(long line, Instant at, LineDocument c, Problems found) {
        Optional<RecordRef> ref = ref(c.objectType(), c.id(), found);
        Optional<ObjectType> type = ref.flatMap(r -> type("/objectType", r.objectType(), found));
        Map<String, String> properties = c.properties() == null ? Map.of() : c.properties();
        type.ifPresent(t -> properties(t, properties, found));
        List<RecordService.NewAssociation> associations = new ArrayList<>();
        List<AssociationLine> given = c.associations() == null ? List.of() : c.associations();
        for (int i = 0; i < given.size(); i++) {
            AssociationLine a = given.get(i);
            String pointer = "/associations/" + i;
            if (a == null || a.objectType() == null || a.id() == null) {
                found.add(pointer, "name the associated record: {\"objectType\": …, \"id\": …}");
            } else {
                type(pointer + "/objectType", a.objectType(), found);
                associations.add(new RecordService.NewAssociation(a.objectType(), a.id(), a.label()));
            }
        }
        return ref.filter(r -> found.none())
                .map(r -> new InputEvent.Create(line, at, r, properties, associations));
    }

    private Optional<InputEvent> update(long line, Instant at, LineDocument u, Problems found) {
        Optional<RecordRef> ref = ref(u.objectType(), u.id(), found);
        if (u.properties() == null || u.properties().isEmpty()) {
            found.add("/properties", "give the properties to change");
        } else {
            ref.flatMap(r -> type("/objectType", r.objectType(), found)).ifPresent(t -> properties(t, u.properties(), found));
        }
        return ref.filter(r -> found.none()).map(r -> new InputEvent.Update(line, at, r, u.properties()));
    }

    private Optional<InputEvent> activity(long line, Instant at, LineDocument a, Problems found) {
        record(a.record(), "/record", found);
        if (a.activity() == null) {
            found.add("/activity", "say what was done: {\"type\": …, \"actor\": {\"kind\": …}}");
        }
        return found.none() ? Optional.of(new InputEvent.ActivityLogged(line, at, a.record(), a.activity()))
                : Optional.empty();
    }

    private Optional<InputEvent> membership(long line, Instant at, String kind, LineDocument m, Problems found) {
        record(m.record(), "/record", found);
        if (m.listId() == null) {
            found.add("/listId", "name the list");
        } else if (schemas.list(m.listId()).filter(l -> l.kind() == ListKind.STATIC).isEmpty()) {
            found.add("/listId", "the setup has no static list '" + m.listId() + "'");
        }
        return found.none() ? Optional.of(new InputEvent.Membership(line, at, m.listId(), m.record(),
                kind.equals("join"))) : Optional.empty();
    }

    private Optional<InputEvent> associate(long line, Instant at, LineDocument a, Problems found) {
        record(a.from(), "/from", found);
        record(a.to(), "/to", found);
        return found.none() ? Optional.of(new InputEvent.Associate(line, at, new Association(a.from(), a.to(),
                a.label()))) : Optional.empty();
    }

    private Optional<InputEvent> enroll(long line, Instant at, LineDocument e, Problems found) {
        record(e.record(), "/record", found);
        return found.none() ? Optional.of(new InputEvent.Enroll(line, at, e.record())) : Optional.empty();
    }

    private Optional<RecordRef> ref(String objectType, String id, Problems found) {
        if (objectType == null || id == null) {
            found.add(objectType == null ? "/objectType" : "/id", "this field is required");
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordRef(objectType, id));
        } catch (IllegalArgumentException e) {
            found.add("/id", e.getMessage());
            return Optional.empty();
        }
    }

    private void record(RecordRef ref, String pointer, Problems found) {
        if (ref == null) {
            found.add(pointer, "name the record: {\"objectType\": …, \"id\": …}");
        } else {
            type(pointer + "/objectType", ref.objectType(), found);
        }
    }

    private Optional<ObjectType> type(String pointer, String name, Problems found) {
        Optional<ObjectType> type = schemas.objectType(name);
        if (type.isEmpty()) {
            found.add(pointer, "object type '" + name + "' does not exist");
        }
        return type;
    }

    /** As the records API checks them: each property must exist and its value fit its type. */
    private static void properties(ObjectType type, Map<String, String> properties, Problems found) {
        properties.keySet().stream().sorted().forEach(name -> {
            String at = "/properties/" + name;
            var definition = type.property(name);
            if (definition.isEmpty()) {
                found.add(at, "property '" + name + "' does not exist on " + type.name());
            } else {
                definition.get().problemWith(properties.get(name)).ifPresent(p -> found.add(at, p));
            }
        });
    }

    /** The problems of one line, added to the file's. */
    private static final class Problems {
        private final long line;
        private final List<LineProblem> all;
        private final int before;

        Problems(long line, List<LineProblem> all) {
            this.line = line;
            this.all = all;
            this.before = all.size();
        }

        <T> Optional<T> add(String pointer, String message) {
            all.add(new LineProblem(line, pointer, message));
            return Optional.empty();
        }

        boolean none() {
            return all.size() == before;
        }
    }
}
