package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.DefinitionInputs;
import io.crmflow.engine.People;
import io.crmflow.engine.WorkflowValidator;
import io.crmflow.filter.Schemas;
import io.crmflow.json.Json;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.store.Write;
import io.crmflow.store.memory.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every example in docs/workflows.md is read as the API reads it and is a valid workflow. */
@DisplayName("R-WF-1, R-WF-4 the documented workflow examples load and validate")
class WorkflowExamplesTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Schemas SCHEMAS = new Schemas() {
        @Override
        public Optional<ObjectType> objectType(String name) {
            return StandardObjectTypes.byName(name);
        }

        @Override
        public boolean listExists(String listId) {
            return listId.equals("vip");
        }

        /** The examples that name another workflow name this one. */
        @Override
        public boolean workflowExists(String workflowId) {
            return workflowId.equals("welcome");
        }
    };

    /** The users and teams the examples name. */
    private static People people() {
        InMemoryStore store = new InMemoryStore();
        store.commit(List.of(new Write.PutUser("docs", new User("ana", "ana@example.com", "Ana")),
                new Write.PutTeam("docs", new Team("sales", "Sales", List.of("ana")))));
        return People.of(store, "docs");
    }

    @Test
    void everyExampleInTheDocs_isAValidWorkflow() throws IOException {
        String doc = Files.readString(Path.of("..", "..", "docs", "workflows.md"));
        List<String> examples = new ArrayList<>();
        Matcher m = JSON_BLOCK.matcher(doc);
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
        for (String example : examples) {
            DefinitionInputs.WorkflowInput in = Json.read(example, DefinitionInputs.WorkflowInput.class);
            var wf = in.toWorkflow("docs", "example");
            assertThat(WorkflowValidator.validate(wf, SCHEMAS, null, people())).as(in.name()).isEmpty();
        }
    }
}
