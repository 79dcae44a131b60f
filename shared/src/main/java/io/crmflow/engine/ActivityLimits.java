package io.crmflow.engine;

import io.crmflow.model.Activity;
import io.crmflow.model.InputProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an activity logged through the API may hold. It goes to the bus as one event, and
 * EventBridge takes at most 256 KB an event, so its attributes are bounded well below that;
 * its actor is a user or a record, named by an id, and an id is at most 100 characters. Checked
 * where an activity comes in, not in the model: events already on their way are read as they were.
 * Stateless.
 */
final class ActivityLimits {
    static final int MAX_ACTOR_ID = 100;
    static final int MAX_ATTRIBUTE_BYTES = 64 * 1024;

    private ActivityLimits() {
    }

    /** Every limit the activity passes, each at its place in {@code POST /events}'s body. */
    static List<InputProblem> problems(Activity activity) {
        List<InputProblem> problems = new ArrayList<>();
        if (activity.actor().id().length() > MAX_ACTOR_ID) {
            problems.add(new InputProblem("/activity/actor/id", "an actor is a user or a record, named by its id: at"
                    + " most " + MAX_ACTOR_ID + " characters (got " + activity.actor().id().length() + ")"));
        }
        long bytes = activity.attributes().entrySet().stream()
                .mapToLong(e -> utf8(e.getKey()) + utf8(e.getValue())).sum();
        if (bytes > MAX_ATTRIBUTE_BYTES) {
            problems.add(new InputProblem("/activity/attributes", "an activity's attributes hold at most "
                    + MAX_ATTRIBUTE_BYTES / 1024 + " KB together, names and values (got " + bytes / 1024
                    + " KB); they travel on the event bus with the activity"));
        }
        return problems;
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
