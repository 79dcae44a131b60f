package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.JourneyNodes;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.Stage;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A published journey as contacts live it, on the in-memory engine: who enrolls, how a property
 * change moves a contact between stages, how ends are reached or matched early, and what the
 * counters say. The documented journey ({@link JourneyExamples#NURTURE}) is the one run.
 */
class JourneyRuntimeTest extends JourneyTestSupport {
    @Test
    void anEligibleContactWithAnEmptyValue_entersTheStartStage_andGetsEveryAsset() {
        RecordRef ada = contact("ada", null);
        assertThat(h.store.enrollmentOf(T, WF, ada)).isEmpty(); // not on a list: not eligible

        join(ada, "newsletter");

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(h.sent).extracting(e -> e.subject()).containsExactly("Welcome, ada");
        assertThat(h.texts).extracting(t -> t.channel() + ":" + t.body())
                .containsExactly("SMS:Welcome aboard!", "WHATSAPP:Hi ada!");
        assertThat(counters()).containsEntry("stage/subscribed/entered", 1L).containsEntry("enrolled", 1L);

        h.advance(Duration.ofDays(3));

        Enrollment stays = enrollment(ada);
        assertThat(stays.status()).isEqualTo(EnrollmentStatus.AWAITING_EVENT);
        assertThat(stays.cursor()).isEqualTo(JourneyWorkflows.stayIn("subscribed"));
        assertThat(stays.dueAt()).isNull();
    }

    @Test
    void aPropertyChange_movesTheContactOutOfItsWait_intoThatStage_andTheGoToReachesTheGoal() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        long seqInWait = enrollment(ada).seq();

        set(ada, "lead");

        Enrollment moved = enrollment(ada);
        assertThat(moved.seq()).isGreaterThan(seqInWait);
        assertThat(moved.status()).isEqualTo(EnrollmentStatus.AWAITING_EVENT);
        assertThat(moved.cursor()).isEqualTo("form");
        h.advance(Duration.ofDays(2)); // the old wait's end comes and goes: its step is stale
        assertThat(h.sent).hasSize(1);

        h.engine.records().logActivity(T, ada, new Activity(ActivityType.FORM_SUBMITTED,
                new Activity.Actor(Activity.ActorKind.RECORD, "ada"), Map.of("form", "demo")), h.now, Origin.api());
        h.pump();

        Enrollment done = enrollment(ada);
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.store.record(T, ada).orElseThrow().property("lifecyclestage")).contains("customer");
        assertThat(h.store.view(T, ada).orElseThrow().staticLists()).contains("customers");
        assertThat(counters()).containsEntry("stage/subscribed/to/stage/lead", 1L)
                .containsEntry("stage/lead/to/stage/qualified", 1L)
                .containsEntry("stage/qualified/to/end/customer", 1L)
                .containsEntry("end/customer", 1L)
                .containsEntry("stage/qualified/entered", 1L)
                .containsEntry("completed", 1L);
        assertThat(h.failures).isEmpty();
    }

    @Test
    void aContactEnrollsOnce_ever() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "customer"); // matched the goal end early: leaves (R-JRN-7 option on)
        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.UNENROLLED);

        set(ada, "lead");

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(counters()).containsEntry("enrolled", 1L);
    }

    @Test
    void matchingAnEndEarly_leaves_andSkipsTheEndsList() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");

        set(ada, "customer");

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.store.view(T, ada).orElseThrow().staticLists()).doesNotContain("customers");
        assertThat(counters()).containsEntry("stage/subscribed/left", 1L)
                .containsEntry(JourneyCounters.UNENROLLED_AT_END, 1L).doesNotContainKey("end/customer");
    }

    @Test
    void withoutTheEarlyOption_takingAnEndsValue_reachesThatEnd() {
        JourneyDefinition d = JourneyExamples.nurture();
        var draft = new JourneyDefinition(d.name(), d.property(), d.eligibilityLists(), d.enrollEmpty(), d.stages(),
                d.ends(), new io.crmflow.journey.JourneyUnenrollment(List.of("unsubscribed"), false, false));
        publish(draft);
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");

        set(ada, "customer");

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.store.view(T, ada).orElseThrow().staticLists()).contains("customers");
        assertThat(counters()).containsEntry("end/customer", 1L).containsEntry("stage/subscribed/to/end/customer", 1L);
    }

    @Test
    void aContactOnNoEligibilityList_isNotEnrolled_whateverItsValue() {
        RecordRef bob = contact("bob", "lead");
        set(bob, "marketingqualifiedlead");

        assertThat(h.store.enrollmentOf(T, WF, bob)).isEmpty();
    }

    @Test
    void joiningASuppressionList_leavesTheJourney_countedAgainstItsStage() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");

        join(ada, "unsubscribed");

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(counters()).containsEntry("stage/subscribed/left", 1L).containsEntry("unenrolled_by_suppression", 1L);
    }

    @Test
    void aRedeliveredPropertyChange_movesTheContactOnce() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "opportunity");
        var change = h.published.stream().filter(e -> e instanceof io.crmflow.model.CrmEvent.PropertiesChanged p
                && p.record().equals(ada) && p.origin().equals(Origin.api())).reduce((a, b) -> b).orElseThrow();
        long seq = enrollment(ada).seq();

        h.events.add(change);
        h.pump();

        assertThat(enrollment(ada).seq()).isEqualTo(seq);
        assertThat(counters()).containsEntry("stage/opportunity/entered", 1L);
    }

    @Test
    void goingBackToAnEarlierStage_setsItsValue_andRunsItsFlowAgain() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "opportunity");

        h.advance(Duration.ofDays(15));

        assertThat(counters()).containsEntry("stage/opportunity/to/stage/qualified", 1L)
                .containsEntry("stage/qualified/entered", 1L).containsEntry("end/customer", 1L);
        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.failures).isEmpty();
    }

    @Test
    void publishingWithoutAStage_makesItsContactsInactive_untilTheirPropertyChanges() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "opportunity"); // waits 14 days in the opportunity stage
        JourneyDefinition d = JourneyExamples.nurture();
        var withoutOpportunity = new JourneyDefinition(d.name(), d.property(), d.eligibilityLists(), d.enrollEmpty(),
                d.stages().subList(0, 3), d.ends(), d.unenrollment());
        publish(withoutOpportunity);

        h.advance(Duration.ofDays(15));

        Enrollment inactive = enrollment(ada);
        assertThat(inactive.status()).isEqualTo(EnrollmentStatus.AWAITING_EVENT);
        assertThat(inactive.cursor()).isEqualTo(JourneyWorkflows.INACTIVE);
        assertThat(counters()).doesNotContainKey("stage/opportunity/to/stage/qualified");

        set(ada, "lead");

        assertThat(enrollment(ada).cursor()).isEqualTo("form");
        assertThat(h.failures).isEmpty();
    }

    @Test
    void aStageDeletedLater_staysAPathOutOfTheStageItWasReachedFrom() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "opportunity");
        JourneyDefinition d = JourneyExamples.nurture();
        publish(JourneyExamples.withStages(d, d.stages().subList(0, 3)));

        JourneyMetrics m = h.engine.journeyReports().metrics(T, J);

        assertThat(m.stages()).extracting(JourneyMetrics.StageFigures::stageId)
                .containsExactly("subscribed", "lead", "qualified");
        assertThat(m.stages().get(0).paths()).as("ada left the start stage, for a stage since deleted")
                .extracting(p -> p.to() + "=" + p.count()).containsExactly("stage:opportunity=1");
        JourneyViews.TreeNode tree = h.engine.journeyReports().views(T, J).tree();
        assertThat(tree.children()).as("the tree is of the published version").extracting(JourneyViews.TreeNode::id)
                .containsExactly("lead");
    }

    @Test
    void aContactAtADeletedAction_thatMovesBeforeItsNextStep_leavesItsStage_andIsCountedSo() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");
        set(ada, "lead"); // awaits the form, in the lead stage
        assertThat(enrollment(ada).cursor()).isEqualTo("form");
        JourneyDefinition d = JourneyExamples.nurture();
        Stage lead = d.stages().get(1);
        var withoutTheForm = JourneyExamples.withStages(d, List.of(d.stages().get(0), new Stage(lead.id(), lead.name(),
                lead.value(), lead.actions().subList(1, 2)), d.stages().get(2), d.stages().get(3)));
        publish(withoutTheForm);

        set(ada, "opportunity"); // before the form's timeout, its next step, comes

        assertThat(counters()).containsEntry("stage/lead/to/stage/opportunity", 1L);
        assertThat(h.engine.journeyReports().metrics(T, J).stages().get(1).paths())
                .extracting(JourneyMetrics.PathFigures::to).containsExactly("stage:opportunity");
        assertThat(h.failures).isEmpty();
    }

    @Test
    void theCompiledWorkflow_cannotBeEditedAsAWorkflow() {
        var wf = h.store.workflow(T, WF).orElseThrow();
        assertThat(wf.actions()).anyMatch(a -> a instanceof JourneyNodes.Route);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(wf))
                .isInstanceOf(io.crmflow.model.InvalidInputException.class).hasMessageContaining("journey");
    }

    @Test
    void theMetrics_andTheViews_comeFromTheCounters() {
        RecordRef ada = contact("ada", null);
        RecordRef bob = contact("bob", null);
        contact("cyd", null);
        join(ada, "newsletter");
        join(bob, "newsletter");
        set(ada, "customer"); // leaves: the end was matched early
        set(bob, "opportunity");
        h.advance(Duration.ofDays(15)); // bob goes back to qualified, and on to the goal

        JourneyMetrics m = h.engine.journeyReports().metrics(T, J);

        assertThat(m.eligible()).isEqualTo(2);
        assertThat(m.enrolled()).isEqualTo(2);
        assertThat(m.ends()).extracting(e -> e.endId() + "=" + e.reached() + "/" + e.percent())
                .containsExactly("customer=1/50.0", "lost=0/0.0");
        var subscribed = m.stages().get(0);
        assertThat(subscribed.entered()).isEqualTo(2);
        assertThat(subscribed.paths()).extracting(p -> p.to() + "=" + p.count() + "/" + p.percent())
                .containsExactly("stage:opportunity=1/50.0", "left=1/50.0");
        assertThat(m.performance().successfulConversionPercent()).isEqualTo(50.0);
        assertThat(m.performance().enrolledPercentOfEligible()).isEqualTo(100.0);

        JourneyViews.Views views = h.engine.journeyReports().views(T, J);
        assertThat(views.tree().id()).isEqualTo("subscribed");
        assertThat(views.tree().entered()).isEqualTo(2);
        assertThat(views.engagementPaths()).extracting(JourneyViews.EngagementPath::endId)
                .containsExactly("customer", "lost");
        assertThat(views.engagementPaths().get(0).stages()).extracting(JourneyViews.PathStage::stageId)
                .containsExactly("subscribed", "lead", "qualified");
        assertThat(views.engagementPaths().get(0).reached()).isEqualTo(1);
    }

    @Test
    void stageReports_existOnlyWhenThePublishAskedForThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.engine.journeyReports().stageReports(T, J))
                .isInstanceOf(io.crmflow.model.NotFoundException.class).hasMessageContaining("createStageReports");
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter");

        h.engine.journeys().publish(T, J, false, true, null, "ana");

        var reports = h.engine.journeyReports().stageReports(T, J);
        assertThat(reports.stages()).extracting(s -> s.stageId() + "=" + s.entered())
                .containsExactly("subscribed=1", "lead=0", "qualified=0", "opportunity=0");
    }

    @Test
    void takingTheValueOfTheStageItIsIn_orOneLeadingNowhere_leavesTheFlowUnderWay() {
        RecordRef ada = contact("ada", null);
        join(ada, "newsletter"); // empty: into the start stage, waiting two days
        Enrollment waiting = enrollment(ada);

        set(ada, "subscriber");
        set(ada, "evangelist");

        assertThat(enrollment(ada).seq()).isEqualTo(waiting.seq());
        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(h.sent).hasSize(1);
        assertThat(counters()).containsEntry("stage/subscribed/entered", 1L)
                .doesNotContainKey("stage/subscribed/to/stage/subscribed");
    }

    @Test
    void aFlowSettingTheJourneyPropertyToAnEndsValue_reachesThatEnd_evenWithTheEarlyOption() {
        JourneyDefinition d = io.crmflow.json.Json.read(JourneyExamples.NURTURE.replace(
                "\"property\": \"lifecyclestage\", \"value\": \"marketingqualifiedlead\"",
                "\"property\": \"lifecyclestage\", \"value\": \"customer\""), JourneyDefinition.class);
        publish(d);
        RecordRef ada = contact("ada", "lead");
        join(ada, "newsletter");

        h.advance(Duration.ofDays(8)); // the form's wait times out; the flow sets lifecyclestage to customer

        assertThat(enrollment(ada).status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.store.view(T, ada).orElseThrow().staticLists()).contains("customers");
        assertThat(counters()).containsEntry("stage/lead/to/end/customer", 1L).containsEntry("end/customer", 1L)
                .doesNotContainKey(JourneyCounters.UNENROLLED_AT_END);
    }

    @Test
    void eligibleContacts_areTheMembersOfTheStaticLists_andThoseAnActiveListsFilterHolds() {
        h.engine.definitions().putList(T, new io.crmflow.definition.CrmList("bobs", "Bobs", "contact",
                io.crmflow.model.ListKind.ACTIVE, io.crmflow.filter.Filter.allOf(new io.crmflow.filter.Condition.OnProperty(
                "firstname", io.crmflow.filter.Operator.EQ, List.of("bob")))));
        JourneyDefinition d = JourneyExamples.nurture();
        var twoLists = new JourneyDefinition(d.name(), d.property(), List.of("newsletter", "bobs"), d.enrollEmpty(),
                d.stages(), d.ends(), d.unenrollment());
        publish(twoLists);
        RecordRef ada = contact("ada", null);
        RecordRef bob = contact("bob", null);
        contact("cyd", null);
        join(ada, "newsletter");
        join(bob, "newsletter"); // on both: counted once

        assertThat(h.engine.journeyReports().metrics(T, J).eligible()).isEqualTo(2);

        h.engine.definitions().setListMembership(T, "newsletter", bob, false, h.now);
        assertThat(h.engine.journeyReports().metrics(T, J).eligible()).as("bob is still in the active list").isEqualTo(2);
        h.engine.definitions().setListMembership(T, "newsletter", ada, false, h.now);
        assertThat(h.engine.journeyReports().metrics(T, J).eligible()).isEqualTo(1);
    }
}
