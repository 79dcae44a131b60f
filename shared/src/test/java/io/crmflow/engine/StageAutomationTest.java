package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Operator;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.RecordRef;
import io.crmflow.store.TransactionalWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stage automation: a pipeline stage's actions are the stage's workflow (R-PIPE-1, R-PIPE-2)")
class StageAutomationTest {
    private static final String SENT = "contractsent";
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final StageAutomation stages = new StageAutomation(h.engine.ports(), h.engine.definitions());
    private final String stageWorkflow = StageWorkflows.idFor("deal", "sales", SENT);

    StageAutomationTest() {
        h.engine.definitions().putPipeline("acme", new Pipeline("sales", "deal", "Sales", List.of(
                new PipelineStage("appointmentscheduled", "Appointment scheduled", true),
                new PipelineStage(SENT, "Contract sent", true),
                new PipelineStage("closedwon", "Closed won", false))));
    }

    private void taskOnContractSent() {
        stages.setActions("acme", "deal", "sales", SENT, null,
                List.of(new Action.CreateTask("task", "Chase the contract of {{dealname}}", null, null, null)));
    }

    private void deal(String id, String stage, Origin by) {
        h.engine.records().create("acme", "deal", id, Map.of("dealname", id, "pipeline", "sales", "dealstage", stage),
                by, h.now);
        h.pump();
    }

    private void move(String id, String stage, Origin by) {
        h.now = h.now.plus(Duration.ofMinutes(1));
        h.engine.records().update("acme", "deal", id, Map.of("dealstage", stage), by, h.now);
        h.pump();
    }

    private List<Enrollment> enrollments() {
        return h.store.enrollmentsOf("acme", stageWorkflow, null, 50).items();
    }

    private String enrolledLine(String enrollmentId) {
        List<HistoryEntry> lines = h.store.history("acme", enrollmentId, null, 50).items();
        return lines.get(lines.size() - 1).detail();
    }

    @Test
    @DisplayName("R-PIPE-1 a record entering the stage by any means runs its actions, again on each entry")
    void aRecordEntersTheStageByAnyMeans_andEachEntryRunsTheActionsAgain() {
        taskOnContractSent();
        deal("d1", "appointmentscheduled", Origin.api());
        assertThat(enrollments()).isEmpty();

        move("d1", SENT, Origin.user("u1"));
        move("d1", "appointmentscheduled", Origin.api());
        move("d1", SENT, Origin.api());
        deal("d2", SENT, Origin.api()); // created in the stage

        assertThat(enrollments()).extracting(Enrollment::id).containsExactlyInAnyOrder(
                stageWorkflow + "~deal~d1", stageWorkflow + "~deal~d1~2", stageWorkflow + "~deal~d2");
        assertThat(enrollments()).allMatch(e -> e.status() == EnrollmentStatus.COMPLETED);
        assertThat(h.store.recordsOfType("acme", "task", null, 50).items()).hasSize(3)
                .allMatch(t -> t.property("hs_task_subject").orElse("").startsWith("Chase the contract of d"));
        assertThat(enrolledLine(stageWorkflow + "~deal~d1")).contains("dealstage changed to 'contractsent' by user 'u1'");
        assertThat(enrolledLine(stageWorkflow + "~deal~d2")).contains("deal created in dealstage 'contractsent' by the API");
    }

    @Test
    @DisplayName("R-PIPE-1 a move made by another workflow enters the stage, and the history names that workflow")
    void aMoveMadeByAnotherWorkflow_entersTheStage_andTheLineNamesThatWorkflow() {
        taskOnContractSent();
        deal("d1", "appointmentscheduled", Origin.api());
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "mover", null, "deal", 0, true,
                EnrollmentTrigger.MANUAL, "move", List.of(new Action.SetProperty("move", "dealstage", SENT, null))));
        h.engine.trigger().enrollManually("acme", "mover", new RecordRef("deal", "d1"), h.now);
        h.pump();

        assertThat(enrolledLine(stageWorkflow + "~deal~d1")).contains("by workflow 'mover'");
    }

    @Test
    @DisplayName("R-PIPE-1, R-PIPE-2 the stage workflow is an ordinary one: read, switched off and counted as one")
    void theStageWorkflowIsAnOrdinaryWorkflow_readSwitchedOffAndCountedAsOne() {
        taskOnContractSent();
        WorkflowDefinition wf = h.engine.ports().definitions().workflow("acme", stageWorkflow).orElseThrow();
        assertThat(wf.name()).isEqualTo("Sales: Contract sent");
        assertThat(wf.enabled()).isTrue();
        assertThat(wf.trigger().reenroll()).isTrue();

        h.engine.backfills().setEnabled("acme", stageWorkflow, false);
        deal("d1", SENT, Origin.api());
        assertThat(enrollments()).isEmpty();
        h.engine.backfills().setEnabled("acme", stageWorkflow, true);
        deal("d2", SENT, Origin.api());
        assertThat(WorkflowCounters.summary(h.store.counters("acme", stageWorkflow))).containsEntry("enrolled", 1L);
        assertThat(stages.view("acme", "deal", "sales").stages()).extracting(StageAutomation.StageView::workflowId,
                StageAutomation.StageView::enabled).contains(org.assertj.core.groups.Tuple.tuple(stageWorkflow, true));
    }

    @Test
    @DisplayName("R-PIPE-2 actions are added at the end or after one, edited in place, and deleted")
    void actionsAreAddedAtTheEndOrAfterOne_editedInPlace_andDeletedThroughTheWorkflowRoute() {
        taskOnContractSent();
        stages.addAction("acme", "deal", "sales", SENT, new Action.SetProperty("amount", "amount", "1", null), null);
        stages.addAction("acme", "deal", "sales", SENT, new Action.Delay("wait", Duration.ofDays(1), null), "task");
        WorkflowDefinition wf = stages.editAction("acme", "deal", "sales", SENT, "amount",
                new Action.SetProperty("amount", "amount", "2", null));
        assertThat(wf.firstActionId()).isEqualTo("task");
        assertThat(wf.action("task").orElseThrow().next()).isEqualTo("wait");
        assertThat(wf.action("wait").orElseThrow().next()).isEqualTo("amount");
        assertThat(((Action.SetProperty) wf.action("amount").orElseThrow()).value()).isEqualTo("2");

        WorkflowDefinition after = h.engine.definitions().deleteAction("acme", stageWorkflow, "wait", DeletionMode.ONLY,
                null);
        assertThat(after.action("task").orElseThrow().next()).isEqualTo("amount");
        assertThat(after.version()).isEqualTo(wf.version() + 1);
    }

    @Test
    @DisplayName("R-PIPE-2 a comment is signed, listed with the stage, and makes no new version")
    void aComment_isSignedAndListedWithTheStage_andMakesNoNewVersion() {
        taskOnContractSent();
        long version = h.engine.ports().definitions().workflow("acme", stageWorkflow).orElseThrow().version();
        stages.comment("acme", stageWorkflow, "task", "u1", "Only for deals above 10k?", h.now);

        var stage = stages.view("acme", "deal", "sales").stages().get(1);
        assertThat(stage.comments()).singleElement().satisfies(c -> {
            assertThat(c.author()).isEqualTo("u1");
            assertThat(c.actionId()).isEqualTo("task");
            assertThat(c.text()).isEqualTo("Only for deals above 10k?");
        });
        assertThat(stage.version()).isEqualTo(version);
        assertThatThrownBy(() -> stages.comment("acme", stageWorkflow, "task", null, "who?", h.now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/headers/x-crmflow-user");
    }

    @Test
    @DisplayName("R-PIPE-2 a bad configuration is refused when saved, with a pointer")
    void badConfiguration_isRefusedWhenSaved_withAPointer() {
        List<Action> task = List.of(new Action.CreateTask("task", "Call", null, null, null));
        assertThatThrownBy(() -> stages.setActions("acme", "deal", "nope", SENT, null, task))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("deal pipeline 'nope' does not exist");
        assertThat(pointerOf(() -> stages.setActions("acme", "deal", "sales", "nope", null, task)))
                .isEqualTo("/path/stageId");
        assertThat(pointerOf(() -> stages.setActions("acme", "contact", "sales", SENT, null, task)))
                .isEqualTo("/path/type");

        // Edited in the workflow editor to run on another stage: refused, the stage's workflow stays its own.
        taskOnContractSent();
        WorkflowDefinition wf = h.engine.ports().definitions().workflow("acme", stageWorkflow).orElseThrow();
        WorkflowDefinition elsewhere = new WorkflowDefinition("acme", wf.id(), wf.name(), "deal", 0, true,
                StageWorkflows.trigger(h.engine.ports().definitions().pipeline("acme", "deal", "sales").orElseThrow(),
                        new PipelineStage("closedwon", "Closed won", false)), wf.firstActionId(), wf.actions());
        assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(elsewhere))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InputProblem::pointer)
                        .contains("/trigger/criteria"))
                .hasMessageContaining(StageWorkflows.idFor("deal", "sales", "closedwon"));
        // A criterion added beside the stage's own is fine (R-PIPE-7 asks for one on tickets).
        var inStage = wf.trigger().criteria().groups().get(0).conditions();
        var narrowed = new java.util.ArrayList<>(inStage);
        narrowed.add(new Condition.OnProperty("amount", Operator.GT, List.of("10")));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", wf.id(), wf.name(), "deal", 0, true,
                new EnrollmentTrigger(Filter.allOf(narrowed.toArray(Condition[]::new)), true, wf.trigger().events()),
                wf.firstActionId(), wf.actions()));
    }

    @Test
    @DisplayName("R-PIPE-2 a null among the actions is refused at its index, and nothing is saved")
    void aNullAmongTheActions_isRefusedAtItsIndex_andNothingIsSaved() {
        List<Action> withNull = new java.util.ArrayList<>();
        withNull.add(new Action.CreateTask("task", "Call", null, null, null));
        withNull.add(null);

        assertThat(pointerOf(() -> stages.setActions("acme", "deal", "sales", SENT, null, withNull)))
                .isEqualTo("/actions/1");
        assertThat(pointerOf(() -> stages.setActions("acme", "deal", "sales", SENT, null,
                java.util.Collections.singletonList(null)))).isEqualTo("/actions/0");
        assertThat(h.engine.ports().definitions().workflow("acme", stageWorkflow)).isEmpty();
    }

    @Test
    @DisplayName("R-PIPE-2 of two people editing the actions at once, the second save is refused")
    void twoPeopleEditingTheActionsAtOnce_theSecondSaveIsRefused_andTheFirstEditIsKept() {
        taskOnContractSent();
        // Someone else saves the stage's actions right after this edit read the workflow.
        StageAutomation racing = racingWith(() -> stages.setActions("acme", "deal", "sales", SENT, null,
                List.of(new Action.CreateTask("theirs", "Their task", null, null, null))));

        assertThatThrownBy(() -> racing.addAction("acme", "deal", "sales", SENT,
                new Action.SetProperty("mine", "amount", "1", null), null))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining(stageWorkflow);
        assertThat(h.engine.ports().definitions().workflow("acme", stageWorkflow).orElseThrow().actions())
                .extracting(Action::id).containsExactly("theirs");
    }

    @Test
    @DisplayName("R-PIPE-2 setting the actions over a concurrent edit is refused too")
    void settingActionsOverAConcurrentEdit_isRefused_too() {
        taskOnContractSent();
        StageAutomation racing = racingWith(() -> stages.addAction("acme", "deal", "sales", SENT,
                new Action.SetProperty("theirs", "amount", "1", null), null));

        assertThatThrownBy(() -> racing.setActions("acme", "deal", "sales", SENT, null,
                List.of(new Action.CreateTask("mine", "My task", null, null, null))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(h.engine.ports().definitions().workflow("acme", stageWorkflow).orElseThrow().actions())
                .extracting(Action::id).containsExactly("task", "theirs");
    }

    /**
     * Stage automation whose first commit is preceded at once by {@code otherEdit}: someone else
     * saves between this edit's read of the workflow and its save.
     */
    private StageAutomation racingWith(Runnable otherEdit) {
        boolean[] raced = {false};
        TransactionalWriter racing = writes -> {
            if (!raced[0]) {
                raced[0] = true;
                otherEdit.run();
            }
            h.store.commit(writes);
        };
        Ports ports = h.portsWith(racing);
        return new StageAutomation(ports, new DefinitionService(ports, EngineSettings.DEFAULTS, h.engine.clock()));
    }

    @Test
    @DisplayName("R-PIPE-1 stage workflow ids are readable, distinct, and never collide")
    void idsAreReadable_distinct_andNeverCollideWhenIdsHoldTheSeparator() {
        assertThat(StageWorkflows.idFor("deal", "sales", SENT)).isEqualTo("stage:deal:sales:contractsent");
        String a = StageWorkflows.idFor("deal", "a:b", "c");
        String b = StageWorkflows.idFor("deal", "a", "b:c");
        assertThat(a).isNotEqualTo(b).startsWith("stage:h:");
        // Stored stage workflows are found by this id: its digest keeps its length.
        assertThat(a).matches("stage:h:[0-9a-f]{40}");
        assertThat(StageWorkflows.idFor("deal", "p".repeat(60), "s".repeat(60))).hasSizeLessThanOrEqualTo(100);
    }

    private static String pointerOf(Runnable save) {
        try {
            save.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).pointer();
        }
        throw new AssertionError("not refused");
    }

    private int tasks() {
        return h.store.recordsOfType("acme", "task", null, 50).items().size();
    }

    private io.crmflow.model.CrmEvent published(Class<? extends io.crmflow.model.CrmEvent> kind, String recordId) {
        return h.published.stream().filter(kind::isInstance).filter(e -> e.record().id().equals(recordId))
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    @DisplayName("R-PIPE-1 an entry delivered again after its run ended runs the actions no more")
    void anEntryDeliveredAgain_afterItsRunEnded_runsTheActionsNoMore() {
        taskOnContractSent();
        deal("d1", SENT, Origin.api());
        move("d1", "closedwon", Origin.api());
        move("d1", SENT, Origin.api());
        assertThat(tasks()).isEqualTo(2);

        h.now = h.now.plus(Duration.ofMinutes(3));
        h.events.add(published(io.crmflow.model.CrmEvent.RecordCreated.class, "d1"));
        h.events.add(published(io.crmflow.model.CrmEvent.PropertiesChanged.class, "d1"));
        h.pump();

        assertThat(tasks()).as("each entry ran once, however often its event came").isEqualTo(2);
        assertThat(enrollments()).hasSize(2);
    }

    @Test
    @DisplayName("R-PIPE-1 a record that passed through the stage before its event was handled ran its actions")
    void aRecordThatPassedThroughTheStage_beforeItsEventWasHandled_stillRanTheStageActions() {
        taskOnContractSent();
        deal("d1", "appointmentscheduled", Origin.api());
        h.busDown = true; // the events wait in the outbox, as after a crash between commit and publish
        h.engine.records().update("acme", "deal", "d1", Map.of("dealstage", SENT), Origin.api(), h.now);
        h.engine.records().update("acme", "deal", "d1", Map.of("dealstage", "closedwon"), Origin.api(), h.now);
        h.busDown = false;
        h.advance(Duration.ofMinutes(20)); // the timer publishes what the outbox kept

        assertThat(tasks()).isEqualTo(1);
        assertThat(enrolledLine(enrollments().get(0).id())).contains("dealstage changed to 'contractsent'");
    }

    @Test
    @DisplayName("R-PIPE-1 a deal created in the stage and moved on at once ran its actions")
    void aDealCreatedInTheStage_andMovedOnAtOnce_stillRanTheStageActions() {
        taskOnContractSent();
        h.busDown = true;
        h.engine.records().create("acme", "deal", "d1", Map.of("dealname", "d1", "pipeline", "sales", "dealstage", SENT),
                Origin.api(), h.now);
        h.engine.records().update("acme", "deal", "d1", Map.of("dealstage", "closedwon"), Origin.api(), h.now);
        h.busDown = false;
        h.advance(Duration.ofMinutes(20));

        assertThat(tasks()).isEqualTo(1);
    }
}
