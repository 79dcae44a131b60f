package io.crmflow.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.cli.definition.Canonical;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.Kind;
import io.crmflow.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static Definition workflow(String id, String json) {
        DefinitionKey key = DefinitionKey.of(Kind.WORKFLOW, id);
        return new Definition(key, Canonical.of(key, Json.tree(json)), false, null);
    }

    private static Definition list(String id, String name) {
        DefinitionKey key = DefinitionKey.of(Kind.LIST, id);
        return new Definition(key, Canonical.of(key, Json.tree("{\"name\": \"" + name + "\", \"objectType\": \"contact\","
                + " \"kind\": \"static\"}")), false, null);
    }

    @Test
    void eachDefinition_isCreated_updatedWhereItDiffers_unchanged_orOnlyOnTheTarget() {
        Definition welcome = workflow("welcome", "{\"objectType\": \"contact\"}");
        Plan plan = Plan.of(List.of(welcome, list("vip", "VIP"), list("new", "New")),
                List.of(welcome, list("vip", "Very important"), list("old", "Old")));

        assertThat(plan.changes()).extracting(c -> c.getClass().getSimpleName() + " " + c.key()).containsExactly(
                "Create list new", "Update list vip", "Unchanged workflow welcome", "OnlyOnTarget list old");
        assertThat(((Change.Update) plan.changes().get(1)).pointers()).containsExactly("/name");
        assertThat(plan.changesTarget()).isTrue();
        assertThat(Plan.of(List.of(welcome), List.of(welcome)).changesTarget()).isFalse();
    }

    @Test
    void aWorkflowNamingAnotherThatIsAlsoNew_comesAfterIt_whateverTheirIds() {
        Definition handOver = workflow("a-hand-over", """
                {"objectType": "contact", "firstActionId": "go", "actions": [
                  {"type": "enroll_in_workflow", "id": "go", "workflowId": "welcome"}]}""");
        Definition welcome = workflow("welcome", """
                {"objectType": "contact", "unenrollment": {"suppressionLists": ["vip"]}}""");

        Plan plan = Plan.of(List.of(handOver, welcome, list("vip", "VIP")), List.of());

        assertThat(plan.changes()).extracting(c -> c.key().toString())
                .containsExactly("list vip", "workflow welcome", "workflow a-hand-over");
    }

    @Test
    void aJourneyToPublish_isAnUpdate_untilWhatIsPublishedIsItsDraft() {
        DefinitionKey key = DefinitionKey.of(Kind.JOURNEY, "j");
        var body = Json.tree("{\"name\": \"J\"}");
        Definition wanted = new Definition(key, Canonical.of(key, body), true, null);
        Definition draftOnly = new Definition(key, Canonical.of(key, body), false, null);

        assertThat(Plan.of(List.of(wanted), List.of(draftOnly)).changes()).singleElement()
                .isInstanceOfSatisfying(Change.Update.class, u -> {
                    assertThat(u.pointers()).containsExactly("/publish");
                    assertThat(u.bodyChanges()).isFalse();
                });
        assertThat(Plan.of(List.of(wanted), List.of(wanted)).changes()).singleElement().isInstanceOf(Change.Unchanged.class);
        assertThat(Plan.of(List.of(draftOnly), List.of(wanted)).changes()).as("published is never taken back")
                .singleElement().isInstanceOf(Change.Unchanged.class);
    }

    @Test
    void theDifference_isTheDeepestMembersThatDiffer_andAnArrayThatGrewAsAWhole() {
        assertThat(TreeDiff.between(Json.tree("{\"a\": {\"b\": 1, \"c\": [1, 2]}, \"d\": [1]}"),
                Json.tree("{\"a\": {\"b\": 2, \"c\": [1, 3]}, \"d\": [1, 2], \"e\": true}")))
                .containsExactly("/a/b", "/a/c/1", "/d", "/e");
    }
}
