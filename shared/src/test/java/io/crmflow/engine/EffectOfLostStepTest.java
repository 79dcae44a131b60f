package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.Goal;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-10 an email sent while the enrollment was being ended still shows in its history, and counts")
class EffectOfLostStepTest {
    private static final RecordRef ADA = new RecordRef("contact", "ada");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    @Test
    void emailSentAsTheRecordJoinsASuppressionList_isRecordedOnTheEndedEnrollment_once() {
        h.engine.definitions().putList("acme", new CrmList("stop", "Stop", "contact", ListKind.STATIC, null));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "nurture", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead"))), "wait",
                List.of(new Action.Delay("wait", Duration.ofDays(1), "mail"),
                        new Action.SendEmail("mail", Action.EmailKind.MARKETING, null, "Hi", "Hello", null)),
                null, new Unenrollment(List.of("stop"), Filter.NONE),
                new Goal(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), 0L), null));
        h.engine.records().create("acme", "contact", "ada", Map.of("email", "ada@example.com", "lifecyclestage", "lead",
                "hs_marketable_status", "true"), Origin.api(), h.now);
        h.pump();
        // The record joins the list while the email step is under way; the trigger handler
        // unenrolls it before the step commits.
        h.whileSending = () -> {
            h.engine.definitions().setListMembership("acme", "stop", ADA, true, h.now);
            h.engine.trigger().onEvent(h.events.pollLast(), h.now);
        };
        h.advance(Duration.ofDays(2));

        Enrollment e = h.store.enrollmentOf("acme", "nurture", ADA).orElseThrow();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.UNENROLLED);
        assertThat(h.sent).hasSize(1);
        var lines = h.store.history("acme", e.id(), null, 50).items();
        assertThat(lines).filteredOn(line -> "mail".equals(line.actionId()) && line.kind() == Kind.ACTION_EXECUTED)
                .singleElement().satisfies(line -> assertThat(line.detail()).contains("msg-1")
                        .endsWith("(made while the enrollment was ending)"));
        assertThat(lines.get(0).index()).isEqualTo(e.historySize() - 1);
        assertThat(h.store.counters("acme", "nurture")).containsEntry("marketing_emailed@0", 1L);

        h.steps.add(new StepMessage("acme", e.id(), e.seq() - 1)); // the stale copy comes back later: nothing more
        h.pump();
        assertThat(h.store.history("acme", e.id(), null, 50).items()).hasSize(lines.size());
    }
}
