package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.ConflictException;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The journey runtime's harder cases, each once a defect: loops with no wait, edits of a live
 * journey around go-tos and moved actions, moves that keep losing their commit or race a revert,
 * and the journey's workflow reached through the workflow API.
 */
class JourneyEdgeCasesTest extends JourneyTestSupport {
    private static List<Stage> stages(JourneyDefinition d) {
        return new ArrayList<>(d.stages());
    }

    @Test
    void aLoopWithoutAWait_isRefused_notRunForever() {
        JourneyDefinition d = JourneyExamples.nurture();
        List<Stage> s = stages(d);
        s.set(0, new Stage("subscribed", "Subscribed", "subscriber",
                List.of(new StageAction.SetProperty("promote", "lifecyclestage", "lead"))));
        s.set(1, new Stage("lead", "Lead", "lead", List.of(new StageAction.GoToStage("back", "subscribed"))));
        JourneyDefinition loop = JourneyExamples.withStages(d, s);

        assertThatThrownBy(() -> publish(loop)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("round for ever");
    }

    /** R-JRN-11: one deleted action's contacts go on to the next action — for the last action, staying in the stage. */
    @Test
    void deletingTheLastGoToStageAlone_keepsItsContactsInTheirStage() {
        RecordRef ada = eligibleContact("ada");
        set(ada, "opportunity"); // waits 14 days in "settle"; its cursor is "again", the go-to after it
        assertThat(enrollment(ada).cursor()).isEqualTo("again");
        JourneyDefinition d = JourneyExamples.nurture();
        List<Stage> s = stages(d);
        Stage opportunity = s.get(3);
        s.set(3, new Stage(opportunity.id(), opportunity.name(), opportunity.value(),
                List.of(opportunity.actions().get(0)))); // "again" deleted
        publish(JourneyExamples.withStages(d, s));

        h.advance(Duration.ofDays(15));

        assertThat(h.store.record(T, ada).orElseThrow().property("lifecyclestage")).contains("opportunity");
        assertThat(enrollment(ada).cursor()).isEqualTo(JourneyWorkflows.stayIn("opportunity"));
    }

    /** A go-to is refused unless last ("nothing after a go-to ever runs"); a set_property of the journey property to another stage is one. */
    @Test
    void aJourneyPropertySetToAnotherStage_inTheMiddleOfAFlow_isRefused() {
        JourneyDefinition d = JourneyExamples.nurture();
        List<Stage> s = stages(d);
        s.set(0, new Stage("subscribed", "Subscribed", "subscriber", List.of(
                new StageAction.SetProperty("promote", "lifecyclestage", "lead"),
                new StageAction.CreateTask("followup", "Follow up {{firstname}}", null, Duration.ofDays(1)))));
        JourneyDefinition d2 = JourneyExamples.withStages(d, s);

        assertThatThrownBy(() -> publish(d2)).isInstanceOf(InvalidInputException.class);
    }

    /** A move that loses its commit three times is given up silently: the event is acknowledged, the contact never moves. */
    @Test
    void aMoveThatKeepsConflicting_isRetriedLater_notDropped() {
        RecordRef ada = eligibleContact("ada"); // subscribed, waiting two days
        AtomicInteger conflicts = new AtomicInteger(3);
        TransactionalWriter writer = writes -> {
            boolean isMove = writes.stream().anyMatch(w -> w instanceof Write.PutEffectDone done
                    && done.result().startsWith("~route"));
            if (isMove && conflicts.getAndDecrement() > 0) {
                throw new ConflictException(0, "a step of the enrollment committed meanwhile");
            }
            h.store.commit(writes);
        };
        TriggerEngine trigger = new TriggerEngine(h.portsWith(writer), EngineSettings.DEFAULTS);
        h.engine.records().update(T, "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        List<CrmEvent> queued = new ArrayList<>(h.events);
        h.events.clear();
        boolean failed = false;
        for (CrmEvent event : queued) {
            try {
                trigger.onEvent(event, h.now);
            } catch (RuntimeException e) {
                failed = true; // the queue would deliver it again: acceptable
                h.events.add(event);
            }
        }
        h.pump();
        h.advance(Duration.ofDays(3));

        assertThat(failed || enrollment(ada).cursor().equals("form"))
                .as("the change to 'lead' was acknowledged without moving the contact; it is at "
                        + enrollment(ada).cursor()).isTrue();
    }

    /** Lead -> opportunity -> lead quickly: the contact should still (or again) wait for the form, not be parked. */
    @Test
    void aQuickChangeAndRevert_leavesTheContactInItsFlow() {
        RecordRef ada = eligibleContact("ada");
        set(ada, "lead");
        assertThat(enrollment(ada).cursor()).isEqualTo("form");

        h.engine.records().update(T, "contact", "ada", Map.of("lifecyclestage", "opportunity"), Origin.api(), h.now);
        CrmEvent toOpportunity = h.events.poll();
        h.engine.trigger().onEvent(toOpportunity, h.now); // the move commits; its route step is queued
        h.engine.records().update(T, "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        h.pump();

        assertThat(enrollment(ada).cursor()).isEqualTo("form"); // actually: ~stay:lead, the form wait dropped for good
    }

    /** An action moved to another stage: the contacts waiting at it run the other stage's flow under this stage's value. */
    /** R-JRN-11 follows contacts by action, so an action keeps its stage from one published version to the next. */
    @Test
    void anActionMovedToAnotherStage_isRefusedOnPublish_withWhereItWas() {
        RecordRef ada = eligibleContact("ada");
        set(ada, "lead"); // waiting at "form"
        JourneyDefinition d = JourneyExamples.nurture();
        List<Stage> s = stages(d);
        Stage lead = s.get(1);
        Stage qualified = s.get(2);
        List<StageAction> q = new ArrayList<>(List.of(lead.actions().get(0)));
        q.addAll(qualified.actions());
        s.set(1, new Stage(lead.id(), lead.name(), lead.value(), List.of(lead.actions().get(1))));
        s.set(2, new Stage(qualified.id(), qualified.name(), qualified.value(), q));

        assertThatThrownBy(() -> publish(JourneyExamples.withStages(d, s))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems().get(0).pointer())
                        .isEqualTo("/stages/2/actions/0/id"));
        assertThat(enrollment(ada).cursor()).isEqualTo("form");
    }

    /** R-JRN-2: only an eligible contact enrolls; the journey's workflow takes hand enrollments through /workflows. */
    @Test
    void aContactOnNoEligibilityList_cannotBeEnrolledByHandThroughTheWorkflowApi() {
        h.engine.records().create(T, "contact", "bob", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        h.pump();

        assertThatThrownBy(() -> h.engine.trigger().enrollManually(T, WF, new RecordRef("contact", "bob"), h.now))
                .isInstanceOf(RuntimeException.class);
    }
}
