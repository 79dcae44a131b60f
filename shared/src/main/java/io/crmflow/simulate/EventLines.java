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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one line of an events file into an {@link InputEvent}, or says everything wrong with it:
 * its JSON, its fields, and what the tenant's schema refuses (an unknown object type or property,
 * a value of the wrong type, a list that is not a static list of the setup). What depends on the
 * events before it — whether a record exists yet — is the run's to find. Thread-safe.
 */
final class EventLines {
    static final List<String> KINDS = List.of("create", "update", "activity", "join", "leave", "associate", "enroll");

    record CreateLine(Instant at, String kind, String objectType, String id, Map<String, String> properties,
                      List<AssociationLine> associations) {
    }

    record AssociationLine(String objectType, String id, String label) {
    }

    record UpdateLine(Instant at, String kind, String objectType, String id, Map<String, String> properties) {
    }

    record ActivityLine(Instant at, String kind, RecordRef record, Activity activity) {
    }

    record MembershipLine(Instant at, String kind, String listId, RecordRef record) {
    }

    record AssociateLine(Instant at, String kind, RecordRef from, RecordRef to, String label) {
    }

    record EnrollLine(Instant at, String kind, RecordRef record) {
    }

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
        JsonNode node;
        try {
            node = Json.tree(text);
        } catch (JsonInputException e) {
            found.add("/", e.getMessage());
            return Read.NOTHING;
        }
        if (node == null || !node.isObject()) {
            found.add("/", "each line is one JSON object");
            return Read.NOTHING;
        }
        Instant at = at(node);
        String kind = node.path("kind").asText("");
        if (!KINDS.contains(kind)) {
            found.add("/kind", (kind.isEmpty() ? "say what happened" : "'" + kind + "' is not a kind of event")
                    + ": one of " + String.join(", ", KINDS));
            return new Read(at, null);
        }
        if (!node.hasNonNull("at")) {
            found.add("/at", "say when it happened: an instant such as 2026-03-02T09:00:00Z");
        }
        try {
            Optional<InputEvent> event = decode(line, kind, node, found);
            return new Read(at, found.none() ? event.orElse(null) : null);
        } catch (JsonInputException e) {
            found.add(e.pointer(), e.getMessage());
            return new Read(at, null);
        }
    }

    /** The line's time, read on its own: a line refused for another field still has a place in time. */
    private static Instant at(JsonNode node) {
        try {
            return node.hasNonNull("at") ? Instant.parse(node.get("at").asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Optional<InputEvent> decode(long line, String kind, JsonNode node, Problems found) {
        return switch (kind) {
            case "create" -> create(line, Json.read(node, CreateLine.class), found);
            case "update" -> update(line, Json.read(node, UpdateLine.class), found);
            case "activity" -> activity(line, Json.read(node, ActivityLine.class), found);
            case "join", "leave" -> membership(line, Json.read(node, MembershipLine.class), found);
            case "associate" -> associate(line, Json.read(node, AssociateLine.class), found);
            default -> enroll(line, Json.read(node, EnrollLine.class), found);
        };
    }

    private Optional<InputEvent> create(long line, CreateLine c, Problems found) {
        Optional<RecordRef> ref = ref(c.objectType(), c.id(), found);
        Optional<ObjectType> type = ref.flatMap(r -> type("/objectType", r.objectType(), found));
        Map<String, String> properties = c.properties() == null ? Map.of() : c.properties();
        type.ifPresent(t -> properties(t, properties, found));
        List<RecordService.NewAssociation> associations = new ArrayList<>();
        List<AssociationLine> given = c.associations() == null ? List.of() : c.associations();
        for (int i = 0; i < given.size(); i++) {
            AssociationLine a = given.get(i);
            String at = "/associations/" + i;
            if (a == null || a.objectType() == null || a.id() == null) {
                found.add(at, "name the associated record: {\"objectType\": …, \"id\": …}");
            } else {
                type(at + "/objectType", a.objectType(), found);
                associations.add(new RecordService.NewAssociation(a.objectType(), a.id(), a.label()));
            }
        }
        return ref.filter(r -> found.none())
                .map(r -> new InputEvent.Create(line, c.at(), r, properties, associations));
    }

    private Optional<InputEvent> update(long line, UpdateLine u, Problems found) {
        Optional<RecordRef> ref = ref(u.objectType(), u.id(), found);
        if (u.properties() == null || u.properties().isEmpty()) {
            found.add("/properties", "give the properties to change");
        } else {
            ref.flatMap(r -> type("/objectType", r.objectType(), found)).ifPresent(t -> properties(t, u.properties(), found));
        }
        return ref.filter(r -> found.none()).map(r -> new InputEvent.Update(line, u.at(), r, u.properties()));
    }

    private Optional<InputEvent> activity(long line, ActivityLine a, Problems found) {
        record(a.record(), "/record", found);
        if (a.activity() == null) {
            found.add("/activity", "say what was done: {\"type\": …, \"actor\": {\"kind\": …}}");
        }
        return found.none() ? Optional.of(new InputEvent.ActivityLogged(line, a.at(), a.record(), a.activity()))
                : Optional.empty();
    }

    private Optional<InputEvent> membership(long line, MembershipLine m, Problems found) {
        record(m.record(), "/record", found);
        if (m.listId() == null) {
            found.add("/listId", "name the list");
        } else if (schemas.list(m.listId()).filter(l -> l.kind() == ListKind.STATIC).isEmpty()) {
            found.add("/listId", "the setup has no static list '" + m.listId() + "'");
        }
        return found.none() ? Optional.of(new InputEvent.Membership(line, m.at(), m.listId(), m.record(),
                m.kind().equals("join"))) : Optional.empty();
    }

    private Optional<InputEvent> associate(long line, AssociateLine a, Problems found) {
        record(a.from(), "/from", found);
        record(a.to(), "/to", found);
        return found.none() ? Optional.of(new InputEvent.Associate(line, a.at(), new Association(a.from(), a.to(),
                a.label()))) : Optional.empty();
    }

    private Optional<InputEvent> enroll(long line, EnrollLine e, Problems found) {
        record(e.record(), "/record", found);
        return found.none() ? Optional.of(new InputEvent.Enroll(line, e.at(), e.record())) : Optional.empty();
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
