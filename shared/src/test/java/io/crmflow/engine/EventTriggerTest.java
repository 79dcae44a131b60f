package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-2 event-based triggers: a record enters when the event happens to it")
class EventTriggerTest {
    private static final RecordRef ADA = new RecordRef("contact", "ada");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void workflow(String id, EnrollmentTrigger trigger) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", id, null, "contact", 0, true, trigger, "tag",
                List.of(new Action.SetProperty("tag", "jobtitle", "Tagged by " + id, null))));
    }

    private void ada(Map<String, String> properties) {
        h.engine.records().create("acme", "contact", "ada", properties, Origin.api(), h.now);
        h.pump();
    }

    private void change(Map<String, String> properties) {
        h.engine.records().update("acme", "contact", "ada", properties, Origin.api(), h.now);
        h.pump();
    }

    private boolean enrolled(String workflowId) {
        return h.store.enrollmentOf("acme", workflowId, ADA).isPresent();
    }

    private static EnrollmentTrigger on(TriggerEvent... events) {
        return new EnrollmentTrigger(Filter.NONE, false, List.of(events));
    }

    @Test
    void propertyChangedTo_entersOnlyOnThatChange() {
        workflow("customers", on(new TriggerEvent.PropertyChanged("lifecyclestage", List.of("customer"), List.of())));
        ada(Map.of("lifecyclestage", "lead"));
        change(Map.of("firstname", "Ada"));
        assertThat(enrolled("customers")).isFalse();

        change(Map.of("lifecyclestage", "customer"));
        assertThat(enrolled("customers")).isTrue();
    }

    @Test
    void propertyChangedFrom_needsBothSidesWhenBothAreGiven() {
        workflow("downgraded", on(new TriggerEvent.PropertyChanged("lifecyclestage", List.of("lead"),
                List.of("opportunity"))));
        ada(Map.of("lifecyclestage", "subscriber"));
        change(Map.of("lifecyclestage", "lead")); // from subscriber: not the change asked for
        assertThat(enrolled("downgraded")).isFalse();
        change(Map.of("lifecyclestage", "opportunity"));
        change(Map.of("lifecyclestage", "lead"));
        assertThat(enrolled("downgraded")).isTrue();
    }

    @Test
    void recordCreated_entersNewRecordsOnly() {
        workflow("new", on(new TriggerEvent.RecordCreated()));
        ada(Map.of());
        assertThat(enrolled("new")).isTrue();
        h.engine.records().create("acme", "contact", "bob", Map.of(), Origin.api(), h.now);
        h.pump();
        assertThat(h.store.enrollmentOf("acme", "new", new RecordRef("contact", "bob"))).isPresent();
    }

    @Test
    void activity_matchesItsTypeAndTheAttributesGiven() {
        workflow("connected", on(new TriggerEvent.ActivityLogged(ActivityType.CALL_LOGGED, Map.of("outcome", "connected"))));
        ada(Map.of());
        var user = new Activity.Actor(Activity.ActorKind.USER, "u1");
        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.CALL_LOGGED, user,
                Map.of("outcome", "no_answer")), h.now, Origin.api());
        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.EMAIL_SENT, user,
                Map.of("outcome", "connected")), h.now, Origin.api());
        h.pump();
        assertThat(enrolled("connected")).isFalse();

        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.CALL_LOGGED, user,
                Map.of("Outcome", "CONNECTED", "duration", "60")), h.now, Origin.api());
        h.pump();
        assertThat(enrolled("connected")).isTrue();
    }

    @Test
    void listJoinedAndLeft_eachTheirOwnWay() {
        h.engine.definitions().putList("acme", new CrmList("vip", "VIP", "contact", ListKind.STATIC, null));
        workflow("joined", on(new TriggerEvent.ListJoined("vip")));
        workflow("left", on(new TriggerEvent.ListLeft("vip")));
        ada(Map.of());
        h.engine.definitions().setListMembership("acme", "vip", ADA, true, h.now);
        h.pump();
        assertThat(enrolled("joined")).isTrue();
        assertThat(enrolled("left")).isFalse();

        h.engine.definitions().setListMembership("acme", "vip", ADA, false, h.now);
        h.pump();
        assertThat(enrolled("left")).isTrue();
    }

    @Test
    void enrolledInAndCompletedAnotherWorkflow_startFollowers() {
        workflow("first", new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead"))));
        workflow("on-enrolled", on(new TriggerEvent.EnrolledInWorkflow("first")));
        workflow("on-completed", on(new TriggerEvent.CompletedWorkflow("first")));
        ada(Map.of("lifecyclestage", "lead"));

        assertThat(enrolled("on-enrolled")).isTrue();
        assertThat(enrolled("on-completed")).isTrue();
        assertThat(h.store.history("acme", h.store.enrollmentOf("acme", "on-completed", ADA).orElseThrow().id(), null,
                10).items()).anySatisfy(line -> assertThat(line.detail()).contains("crm.workflow.milestone"));
    }

    @Test
    void criteriaRefineAnEventTrigger() {
        workflow("replies-from-leads", new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead")),
                false, List.of(new TriggerEvent.ActivityLogged(ActivityType.EMAIL_REPLIED, Map.of()))));
        ada(Map.of("lifecyclestage", "customer"));
        var ada = new Activity.Actor(Activity.ActorKind.RECORD, "ada");
        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.EMAIL_REPLIED, ada, Map.of()), h.now,
                Origin.api());
        h.pump();
        assertThat(enrolled("replies-from-leads")).isFalse();

        change(Map.of("lifecyclestage", "lead"));
        assertThat(enrolled("replies-from-leads")).isFalse(); // meeting the criteria is not the event
        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.EMAIL_REPLIED, ada, Map.of()), h.now,
                Origin.api());
        h.pump();
        assertThat(enrolled("replies-from-leads")).isTrue();
    }

    @Test
    void eachOccurrenceReenrolls_onlyWhenOptedIn() {
        var form = new TriggerEvent.ActivityLogged(ActivityType.FORM_SUBMITTED, Map.of());
        workflow("once", on(form));
        workflow("every-time", new EnrollmentTrigger(Filter.NONE, true, List.of(form)));
        ada(Map.of());
        var ada = new Activity.Actor(Activity.ActorKind.RECORD, "ada");
        for (int i = 0; i < 3; i++) {
            h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.FORM_SUBMITTED, ada, Map.of()), h.now,
                    Origin.api());
            h.pump();
        }
        assertThat(h.store.counters("acme", "once")).containsEntry("enrolled", 1L);
        assertThat(h.store.counters("acme", "every-time")).containsEntry("enrolled", 3L);
    }

    @Test
    void aWorkflowNamingItselfOrAMissingWorkflowOrProperty_isRefusedWithPointers() {
        var bad = new WorkflowDefinition("acme", "selfish", null, "contact", 0, true,
                on(new TriggerEvent.CompletedWorkflow("selfish"), new TriggerEvent.GoalMet("nowhere"),
                        new TriggerEvent.PropertyChanged("shoe_size", List.of("42"), List.of()),
                        new TriggerEvent.ListJoined("no-such-list")),
                "tag", List.of(new Action.SetProperty("tag", "jobtitle", "x", null)));
        Assertions.assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer)
                        .containsExactlyInAnyOrder("/trigger/events/0/workflowId", "/trigger/events/1/workflowId",
                                "/trigger/events/2/property", "/trigger/events/3/listId"));
    }
}
