package io.crmflow.model;

import java.util.Map;

/**
 * What happened in an activity event, and who did it (R-OBJ-6).
 *
 * @param actor the user who did it, or the record itself (e.g. a contact replying)
 * @param attributes activity details such as {@code outcome=connected} or {@code source=chat}
 */
public record Activity(ActivityType type, Actor actor, Map<String, String> attributes) {
    public enum ActorKind {
        USER,
        RECORD
    }

    public record Actor(ActorKind kind, String id) {
        public Actor {
            Require.nonNull(kind, "actor kind");
            id = id == null ? "" : id;
        }
    }

    public Activity {
        Require.nonNull(type, "activity type");
        Require.nonNull(actor, "activity actor");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
