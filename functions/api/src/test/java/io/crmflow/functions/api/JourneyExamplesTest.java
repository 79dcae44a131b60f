package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.engine.JourneyValidator;
import io.crmflow.engine.People;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.StageAction;
import io.crmflow.json.Json;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.Write;
import io.crmflow.store.memory.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The journey docs/journeys.md shows (the tests' one journey fixture, {@link JourneyExamples}) is
 * read as the API reads it, is valid to publish, and shows what the page says it shows.
 */
class JourneyExamplesTest {

    @Test
    @DisplayName("the documented journey is read as the API reads it and is valid to publish")
    void theJourneyInTheDocs_isComplete_andValid() {
        var journey = Json.read(JourneyExamples.NURTURE, JourneyRoutes.DefinitionInput.class).definition();

        InMemoryStore store = new InMemoryStore();
        store.commit(JourneyExamples.users().stream().<Write>map(u -> new Write.PutUser("docs", u)).toList());
        var problems = JourneyValidator.validate(journey, StandardObjectTypes.byName("contact").orElseThrow(),
                id -> JourneyExamples.lists().stream().filter(l -> l.id().equals(id)).findFirst(),
                People.of(store, "docs"), JourneyValidator.Purpose.PUBLISH);

        assertThat(problems).isEmpty();
        assertThat(journey.stages()).hasSize(4);
        assertThat(journey.stages().stream().flatMap(s -> s.actions().stream()).map(Object::getClass).distinct())
                .as("every kind of action shown").hasSize(StageAction.class.getPermittedSubclasses().length);
        assertThat(journey.ends()).hasSize(2);
        assertThat(journey.unenrollment().suppressionLists()).isEqualTo(List.of("unsubscribed"));
    }
}
