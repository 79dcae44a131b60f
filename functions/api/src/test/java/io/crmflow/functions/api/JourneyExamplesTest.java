package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.CrmList;
import io.crmflow.engine.JourneyValidator;
import io.crmflow.engine.People;
import io.crmflow.json.Json;
import io.crmflow.model.ListKind;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.User;
import io.crmflow.store.Write;
import io.crmflow.store.memory.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The journey in docs/journeys.md is read as the API reads it and is valid to publish. */
@DisplayName("R-JRN-1..7 the documented journey loads and validates")
class JourneyExamplesTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final List<CrmList> LISTS = List.of(
            new CrmList("newsletter", "Newsletter", "contact", ListKind.STATIC, null),
            new CrmList("customers", "Customers", "contact", ListKind.STATIC, null),
            new CrmList("unsubscribed", "Unsubscribed", "contact", ListKind.STATIC, null));

    @Test
    void theJourneyInTheDocs_isComplete_andValid() throws IOException {
        String doc = Files.readString(Path.of("..", "..", "docs", "journeys.md"));
        Matcher m = JSON_BLOCK.matcher(doc);
        assertThat(m.find()).as("docs/journeys.md shows a journey").isTrue();
        var journey = Json.read(m.group(1), JourneyRoutes.DefinitionInput.class).definition();
        assertThat(m.find()).as("one journey, the complete one").isFalse();

        InMemoryStore store = new InMemoryStore();
        store.commit(List.of(new Write.PutUser("docs", new User("ana", "ana@example.com", "Ana"))));
        var problems = JourneyValidator.validate(journey, StandardObjectTypes.byName("contact").orElseThrow(),
                id -> LISTS.stream().filter(l -> l.id().equals(id)).findFirst().or(Optional::empty),
                People.of(store, "docs"), JourneyValidator.Purpose.PUBLISH);

        assertThat(problems).isEmpty();
        assertThat(journey.stages()).hasSize(4);
        assertThat(journey.stages().stream().flatMap(s -> s.actions().stream()).map(a -> a.getClass().getSimpleName())
                .distinct()).as("every kind of action shown").hasSize(8);
        assertThat(journey.ends()).hasSize(2);
    }
}
