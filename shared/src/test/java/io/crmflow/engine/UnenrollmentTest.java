package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-7 suppression lists and unenrollment criteria: never enrolled, and unenrolled at once, also during a wait")
class UnenrollmentTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private static final RecordRef ADA = new RecordRef("contact", "ada");

    @BeforeEach
    void nurtureWorkflow() {
        h.engine.definitions().putList("acme", new CrmList("do-not-contact", "Do not contact", "contact", ListKind.STATIC, null));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "nurture", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead"))), "wait",
                List.of(new Action.Delay("wait", Duration.ofDays(2), "mail"),
                        new Action.SendEmail("mail", Action.EmailKind.TRANSACTIONAL, null, "Hi", "Hello", null)),
                null, new Unenrollment(List.of("do-not-contact"),
                        Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")))));
    }

    private void lead(String id) {
        h.engine.records().create("acme", "contact", id, Map.of("email", id + "@example.com", "lifecyclestage", "lead"),
                Origin.api(), h.now);
        h.pump();
    }

    @Test
    void memberOfASuppressionList_isNeverEnrolled_byTriggerOrByHand() {
        h.engine.records().create("acme", "contact", "ada", Map.of("email", "a@example.com"), Origin.api(), h.now);
        h.engine.definitions().setListMembership("acme", "do-not-contact", ADA, true, h.now);
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        h.pump();

        assertThat(h.store.enrollmentOf("acme", "nurture", ADA)).isEmpty();
        assertThatThrownBy(() -> h.engine.trigger().enrollManually("acme", "nurture", ADA, h.now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("suppression list 'do-not-contact'");
    }

    @Test
    void joiningASuppressionListDuringAWait_unenrollsAtOnce_andNothingIsSent() {
        lead("ada");
        assertThat(h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow().status()).isEqualTo(EnrollmentStatus.WAITING);

        h.engine.definitions().setListMembership("acme", "do-not-contact", ADA, true, h.now.plusSeconds(60));
        h.pump();

        Enrollment left = h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow();
        assertThat(left.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.store.history("acme", left.id(), null, 1).items().get(0)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.UNENROLLED);
            assertThat(line.detail()).isEqualTo("on suppression list 'do-not-contact'");
        });
        h.advance(Duration.ofDays(3));
        assertThat(h.sent).isEmpty();
        assertThat(h.store.counters("acme", "nurture")).containsEntry("unenrolled", 1L);
    }

    @Test
    void meetingTheUnenrollmentCriteriaDuringAWait_unenrolls_othersCarryOn() {
        lead("ada");
        lead("bob");
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.pump();
        h.advance(Duration.ofDays(2));

        assertThat(h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow().status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.store.enrollmentOf("acme", "nurture", new RecordRef("contact", "bob")).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.sent).extracting(io.crmflow.outbound.OutgoingEmail::to).containsExactly("bob@example.com");
    }

    @Test
    void rulesAreCheckedAgainBeforeEachStep_evenWhenNoEventSaidSo() {
        lead("ada");
        h.busDown = true; // the change's event never reaches the trigger handler in time
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.busDown = false;
        h.events.clear();
        h.store.dueEvents(h.now.plus(Duration.ofDays(3)), 10)
                .forEach(o -> h.store.remove(o.event().tenantId(), o.event().eventId()));

        h.advance(Duration.ofDays(2));

        Enrollment left = h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow();
        assertThat(left.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.sent).isEmpty();
    }
}
