package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 actions: what one step decides")
class StepDeciderTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration WATCHDOG = Duration.ofMinutes(5);
    private static final ObjectType CONTACT = StandardObjectTypes.byName("contact").orElseThrow();
    private final StepDecider decider = new StepDecider(WATCHDOG);

    /** A step that reads only its record, as most do. */
    private StepDecision decide(Enrollment e, WorkflowDefinition wf, CrmRecord record) {
        return decider.decide(e, wf, record, CONTACT, NOW, StepInputs.alone(record, CONTACT, NOW));
    }

    private static CrmRecord contact(Map<String, String> props) {
        return new CrmRecord("acme", "contact", "c1", props, 3, NOW.minusSeconds(60), NOW.minusSeconds(60));
    }

    private static Enrollment at(String cursor, EnrollmentStatus status) {
        return new Enrollment("acme", "wf.contact.c1", "wf", 1, new RecordRef("contact", "c1"), status, cursor, 4,
                NOW, NOW.minusSeconds(600), NOW.minusSeconds(60), 6, 7);
    }

    private static WorkflowDefinition workflow(Action... actions) {
        return new WorkflowDefinition("acme", "wf", "Welcome", "contact", 1, true, EnrollmentTrigger.MANUAL,
                actions[0].id(), List.of(actions));
    }

    @Test
    void decide_setProperty_writesRecordAtItsVersionAndQueuesAChangeEvent() {
        var wf = workflow(new Action.SetProperty("a1", "jobtitle", "CTO", "a2"), new Action.Delay("a2", Duration.ofDays(1), null));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(Map.of()));

        Write.PutRecord put = (Write.PutRecord) d.writes().get(0);
        assertThat(put.expectedVersion()).isEqualTo(3);
        assertThat(put.record().properties()).containsEntry("jobtitle", "CTO");
        assertThat(d.events()).singleElement().isInstanceOfSatisfying(CrmEvent.PropertiesChanged.class,
                e -> assertThat(e.origin().id()).isEqualTo("wf"));
        assertThat(d.next().cursor()).isEqualTo("a2");
        assertThat(d.next().seq()).isEqualTo(5);
        assertThat(d.next().version()).isEqualTo(8);
        assertThat(d.next().status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(d.next().dueAt()).isEqualTo(NOW.plus(WATCHDOG));
        assertThat(d.history()).extracting(HistoryEntry::kind, HistoryEntry::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ACTION_EXECUTED, 6L));
    }

    @Test
    void decide_setPropertyToCurrentValue_writesNothingButAdvances() {
        var wf = workflow(new Action.SetProperty("a1", "jobtitle", "CTO", null));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(Map.of("jobtitle", "CTO")));
        assertThat(d.writes()).noneMatch(w -> w instanceof io.crmflow.store.Write.PutRecord);
        assertThat(d.next().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(d.next().dueAt()).isNull();
    }

    @Test
    void decide_createTask_createsAssociatedTaskWithIdFromTheStep() {
        var wf = workflow(new Action.CreateTask("a1", "Call {{firstname}}", "Follow up", Duration.ofDays(2), null));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf,
                contact(Map.of("firstname", "Ada", "hubspot_owner_id", "u7")));

        Write.PutRecord task = (Write.PutRecord) d.writes().get(0);
        assertThat(task.expectedVersion()).isZero();
        assertThat(task.record().id()).isEqualTo(StepIds.task("wf.contact.c1", 4));
        assertThat(task.record().properties()).containsEntry("hs_task_subject", "Call Ada")
                .containsEntry("hubspot_owner_id", "u7")
                .containsEntry("hs_timestamp", NOW.plus(Duration.ofDays(2)).toString());
        assertThat(d.writes()).filteredOn(Write.PutAssociation.class::isInstance)
                .extracting(w -> ((Write.PutAssociation) w).association().to()).containsExactly(new RecordRef("contact", "c1"));
        StepDecision again = decide(at("a1", EnrollmentStatus.ACTIVE), wf,
                contact(Map.of("firstname", "Ada", "hubspot_owner_id", "u7")));
        assertThat(again.writes()).isEqualTo(d.writes());
    }

    @Test
    void decide_sendEmail_rendersTokensAndKeysTheEffectByStep() {
        var wf = workflow(new Action.SendEmail("a1", Action.EmailKind.TRANSACTIONAL, "hello@acme.test",
                "Welcome {{firstname|friend}}", "Hi {{firstname}}", null));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf,
                contact(Map.of("email", "ada@example.com", "firstname", "Ada")));
        assertThat(d.email().to()).isEqualTo("ada@example.com");
        assertThat(d.email().subject()).isEqualTo("Welcome Ada");
        assertThat(d.email().idempotencyKey()).isEqualTo(StepIds.email("wf.contact.c1", 4)).matches("[A-Za-z0-9_-]{1,256}");
    }

    @Test
    void decide_marketingEmailToNonMarketingContact_isSkippedWithReason() {
        var wf = workflow(new Action.SendEmail("a1", Action.EmailKind.MARKETING, "news@acme.test", "News", "Body", null));
        Map<String, String> props = new HashMap<>(Map.of("email", "ada@example.com", "hs_marketable_status", "false"));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(props));
        assertThat(d.email()).isNull();
        assertThat(d.history().get(0).kind()).isEqualTo(Kind.ACTION_SKIPPED);

        props.put("hs_marketable_status", "true");
        assertThat(decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(props)).email()).isNotNull();
        props.put("hs_email_optout", "true");
        assertThat(decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(props)).email()).isNull();
    }

    @Test
    void decide_delay_waitsUntilNowPlusDurationAtTheNextAction() {
        var wf = workflow(new Action.Delay("a1", Duration.ofDays(1), "a2"), new Action.SetProperty("a2", "jobtitle", "x", null));
        StepDecision d = decide(at("a1", EnrollmentStatus.ACTIVE), wf, contact(Map.of()));
        assertThat(d.next().status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(d.next().cursor()).isEqualTo("a2");
        assertThat(d.next().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(d.history().get(0).kind()).isEqualTo(Kind.WAIT_STARTED);
    }

    @Test
    void decide_waitEnded_logsTheEndThenRunsTheAction() {
        var wf = workflow(new Action.SetProperty("a2", "jobtitle", "x", null));
        StepDecision d = decide(at("a2", EnrollmentStatus.WAITING), wf, contact(Map.of()));
        assertThat(d.history()).extracting(HistoryEntry::kind)
                .containsExactly(Kind.WAIT_ENDED, Kind.ACTION_EXECUTED, Kind.COMPLETED);
        assertThat(d.next().historySize()).isEqualTo(9);
    }

    @Test
    void decide_cursorOnDeletedAction_failsTheEnrollment() {
        var wf = workflow(new Action.SetProperty("a1", "jobtitle", "x", null));
        StepDecision d = decide(at("gone", EnrollmentStatus.ACTIVE), wf, contact(Map.of()));
        assertThat(d.next().status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(d.history().get(0).detail()).contains("gone");
    }
}
