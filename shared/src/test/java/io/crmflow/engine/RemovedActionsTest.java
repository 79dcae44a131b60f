package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-9 deleted actions are remembered across saves, so enrollments at them find their way on")
class RemovedActionsTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private static Action.SetProperty set(String id, String next) {
        return new Action.SetProperty(id, "jobtitle", id, next);
    }

    /** As the API submits it: no removed actions, the server decides them. */
    private WorkflowDefinition put(String first, Action... actions) {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, first, List.of(actions)));
    }

    private WorkflowDefinition delete(String actionId, DeletionMode mode) {
        return h.engine.definitions().deleteAction("acme", "wf", actionId, mode, null);
    }

    private static Map<String, String> removed(Object... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (String) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void laterSaveWithoutTheField_keepsWhatWasDeleted() {
        put("a", set("a", "b"), set("b", "c"), set("c", null));
        delete("b", DeletionMode.ONLY);

        WorkflowDefinition saved = put("a", new Action.SetProperty("a", "jobtitle", "renamed", "c"), set("c", null));

        assertThat(saved.removedActions()).isEqualTo(removed("b", "c"));
        assertThat(h.store.workflow("acme", "wf").orElseThrow().removedActions()).isEqualTo(removed("b", "c"));
    }

    @Test
    void deletionsChain_soAnEnrollmentAtTheFirstGoesWhereTheLastLeads() {
        put("a", set("a", "b"), set("b", "c"), set("c", "d"), set("d", null));
        delete("b", DeletionMode.ONLY);
        WorkflowDefinition saved = delete("c", DeletionMode.ONLY);

        assertThat(saved.removedActions()).isEqualTo(removed("b", "d", "c", "d"));
        assertThat(RemovedActions.follow(saved, "b")).contains(new RemovedActions.Redirect("b", "d"));
    }

    @Test
    void chainEndingInADeletionBelow_completes() {
        put("a", set("a", "b"), set("b", "c"), set("c", null));
        delete("b", DeletionMode.ONLY);
        WorkflowDefinition saved = delete("c", DeletionMode.BELOW);

        assertThat(saved.removedActions()).isEqualTo(removed("b", null, "c", null));
        assertThat(RemovedActions.follow(saved, "b")).hasValueSatisfying(r -> assertThat(r.completes()).isTrue());
    }

    @Test
    void anIdUsedAgainByANewAction_theNewActionWins() {
        put("a", set("a", "b"), set("b", "c"), set("c", null));
        delete("b", DeletionMode.ONLY);

        WorkflowDefinition saved = put("a", set("a", "b"), new Action.ClearProperty("b", "phone", "c"), set("c", null));

        assertThat(saved.removedActions()).isEmpty();
        assertThat(RemovedActions.follow(saved, "b")).isEmpty();
    }

    @Test
    void plainSaveDroppingAnAction_goesOnToItsOldNextWhenThatStays_elseCompletes() {
        put("a", set("a", "b"), set("b", "c"), set("c", "d"), set("d", "e"), set("e", null));

        WorkflowDefinition saved = put("a", set("a", "d"), set("d", null));

        // b's old next (c) is gone too: enrollments at b complete, like those at c and e
        assertThat(saved.removedActions()).isEqualTo(removed("b", null, "c", "d", "e", null));
    }

    @Test
    void removedActionsSubmittedBySomeoneElse_areIgnored_theServerDecidesThem() {
        put("a", set("a", null));

        WorkflowDefinition saved = h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", null,
                "contact", 0, true, EnrollmentTrigger.MANUAL, "a", List.of(set("a", null)), null, null, null,
                removed("ghost", "a")));

        assertThat(saved.removedActions()).isEmpty();
    }

    @Test
    void switchingOffAndOn_keepsWhatWasDeleted() {
        put("a", set("a", "b"), set("b", null));
        delete("b", DeletionMode.ONLY);

        h.engine.definitions().setWorkflowEnabled("acme", "wf", false);
        WorkflowDefinition on = h.engine.definitions().setWorkflowEnabled("acme", "wf", true);

        assertThat(on.removedActions()).isEqualTo(removed("b", null));
    }

    @Test
    void follow_anIdThatWasNeverAnAction_isEmpty() {
        WorkflowDefinition wf = put("a", set("a", null));

        assertThat(RemovedActions.follow(wf, "never")).isEmpty();
    }
}
