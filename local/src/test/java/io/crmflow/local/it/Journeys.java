package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.journey.JourneyExamples;
import java.util.List;

/**
 * The example journey ({@link JourneyExamples#NURTURE}) on the local stack, for the journey tests
 * through the handlers: a tenant with the users and lists it names, the journey varied by
 * replacing a piece of its JSON, and a draft sent back as an editor sends it.
 */
final class Journeys {
    private Journeys() {
    }

    /** A tenant with the users and lists the example journey names; each user has an address of the tenant's. */
    static WorkflowScenario scenario() {
        var s = new WorkflowScenario();
        for (String user : List.of("ana", "bob")) {
            s.api.put("/users/" + user, "{\"email\": \"" + s.email(user) + "\"}").expect(200);
        }
        JourneyExamples.lists().forEach(list -> s.staticList(list.id()));
        return s;
    }

    /**
     * The example journey under {@code id}, with pieces of its JSON replaced: {@code replacements}
     * is pairs of what to find (it must be there) and what to put in its place, applied in turn.
     */
    static String journey(String id, String... replacements) {
        assertThat(replacements.length % 2).as("pairs of what to find and what to put instead").isZero();
        String journey = JourneyExamples.NURTURE.replaceFirst("^\\{", "{\"id\": \"" + id + "\", ");
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(journey).contains(replacements[i]);
            journey = journey.replace(replacements[i], replacements[i + 1]);
        }
        return journey;
    }

    /** The draft as read, as an editor sends it back: with the version it started from. */
    static String draftOf(JsonNode view, String from, String to) {
        ObjectNode draft = view.get("draft").deepCopy();
        draft.put("baseVersion", view.at("/journey/version").asLong());
        assertThat(draft.toString()).contains(from);
        return draft.toString().replace(from, to);
    }
}
