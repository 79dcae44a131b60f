package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Provenance: every stage, pipeline and lifecycle-stage change keeps who or what made it")
class StageHistoryTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final RecordRef deal = new RecordRef("deal", "d1");

    private List<StageChange> history(RecordRef ref) {
        return h.store.view("acme", ref).orElseThrow().stageChanges();
    }

    @Test
    @DisplayName("R-LEAD-5, R-PIPE-5 each stage change is kept with who made it: a person, the API, a workflow")
    void createdInAStage_byHand_thenMovedByTheApi_thenByAWorkflow_eachIsKeptWithItsOrigin() {
        h.engine.records().create("acme", "deal", "d1", Map.of("dealname", "Big", "pipeline", "default",
                "dealstage", "appointmentscheduled"), Origin.user("u1"), h.now);
        h.now = h.now.plus(Duration.ofMinutes(1));
        h.engine.records().update("acme", "deal", "d1", Map.of("dealstage", "contractsent", "amount", "10"),
                Origin.api(), h.now);
        h.now = h.now.plus(Duration.ofMinutes(1));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "win", null, "deal", 0, true,
                EnrollmentTrigger.MANUAL, "won", List.of(new Action.SetProperty("won", "dealstage", "closedwon", null))));
        h.engine.trigger().enrollManually("acme", "win", deal, h.now);
        h.pump();

        assertThat(history(deal)).extracting(StageChange::property, StageChange::from, StageChange::to,
                StageChange::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dealstage", null, "appointmentscheduled", Origin.user("u1")),
                org.assertj.core.groups.Tuple.tuple("pipeline", null, "default", Origin.user("u1")),
                org.assertj.core.groups.Tuple.tuple("dealstage", "appointmentscheduled", "contractsent", Origin.api()),
                org.assertj.core.groups.Tuple.tuple("dealstage", "contractsent", "closedwon", Origin.workflow("win")));
    }

    @Test
    @DisplayName("R-LEAD-5, R-PIPE-5 other properties' changes are not kept; a lifecycle stage's is")
    void changesOfOtherProperties_areNotKept_andAContactsLifecycleStageIs() {
        h.engine.records().create("acme", "contact", "c1", Map.of("firstname", "Ada"), Origin.api(), h.now);
        h.engine.records().update("acme", "contact", "c1", Map.of("firstname", "Ade"), Origin.api(), h.now);
        h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "lead"),
                new Origin(Origin.Kind.LIFECYCLE_SYNC, "acme-inc"), h.now);

        assertThat(history(new RecordRef("contact", "c1"))).singleElement().satisfies(c -> {
            assertThat(c.property()).isEqualTo("lifecyclestage");
            assertThat(c.to()).isEqualTo("lead");
            assertThat(c.origin().kind()).isEqualTo(Origin.Kind.LIFECYCLE_SYNC);
        });
    }

    @Test
    @DisplayName("R-PIPE-5 changes made at one instant are listed in the order they were made")
    void changesMadeAtOneInstant_areListedInTheOrderTheyWereMade() {
        h.engine.records().create("acme", "deal", "d1", Map.of("pipeline", "default", "dealstage", "a"), Origin.api(), h.now);
        for (String stage : List.of("z", "b", "y", "c")) {
            h.engine.records().update("acme", "deal", "d1", Map.of("dealstage", stage), Origin.api(), h.now);
        }

        assertThat(history(deal)).filteredOn(c -> c.property().equals("dealstage")).extracting(StageChange::to)
                .containsExactly("a", "z", "b", "y", "c");
    }
}
