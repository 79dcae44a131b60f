package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 delay until an event happens, with a timeout path")
class WaitForEventTest {
    private static final RecordRef ADA = new RecordRef("contact", "ada");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    @BeforeEach
    void workflow() {
        // Wait a day first, so the wait for the reply starts right after another wait ends.
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "chase", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead"))), "pause",
                List.of(new Action.Delay("pause", Duration.ofDays(1), "reply"),
                        new Action.WaitForEvent("reply", new TriggerEvent.ActivityLogged(ActivityType.EMAIL_REPLIED,
                                Map.of()), Duration.ofDays(7), "replied", "silent"),
                        new Action.SetProperty("replied", "jobtitle", "Replied", null),
                        new Action.SetProperty("silent", "jobtitle", "Silent", null))));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "lead"), Origin.api(), h.now);
        h.pump();
    }

    private void reply() {
        h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.EMAIL_REPLIED,
                new Activity.Actor(Activity.ActorKind.RECORD, "ada"), Map.of()), h.now, Origin.api());
        h.pump();
    }

    private String jobtitle() {
        return h.store.record("acme", ADA).orElseThrow().property("jobtitle").orElse("");
    }

    @Test
    void theEventDuringTheWait_takesTheHappenedPath_atOnce() {
        h.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(h.store.enrollmentOf("acme", "chase", ADA).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.AWAITING_EVENT);
        reply();

        Enrollment e = h.store.enrollmentOf("acme", "chase", ADA).orElseThrow();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(jobtitle()).isEqualTo("Replied");
        assertThat(h.store.history("acme", e.id(), null, 20).items()).extracting(HistoryEntry::kind)
                .contains(Kind.WAIT_STARTED, Kind.WAIT_ENDED);
    }

    @Test
    void theEventBeforeTheWaitBegan_doesNotCount() {
        reply(); // during the one-day pause, not yet waiting for a reply
        h.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(h.store.enrollmentOf("acme", "chase", ADA).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.AWAITING_EVENT);
    }

    @Test
    void noEventWithinTheTimeout_takesTheTimeoutPath() {
        h.advance(Duration.ofDays(1).plusMinutes(1));
        h.advance(Duration.ofDays(7));

        assertThat(h.store.enrollmentOf("acme", "chase", ADA).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(jobtitle()).isEqualTo("Silent");
        reply(); // too late: nothing changes
        assertThat(jobtitle()).isEqualTo("Silent");
    }

    @Test
    void aRedeliveredEvent_movesTheEnrollmentOnce() {
        h.advance(Duration.ofDays(1).plusMinutes(1));
        var event = h.engine.records().logActivity("acme", ADA, new Activity(ActivityType.EMAIL_REPLIED,
                new Activity.Actor(Activity.ActorKind.RECORD, "ada"), Map.of()), h.now, Origin.api());
        h.events.add(event);
        h.pump();

        Enrollment e = h.store.enrollmentOf("acme", "chase", ADA).orElseThrow();
        assertThat(h.store.history("acme", e.id(), null, 50).items())
                .filteredOn(line -> line.detail().startsWith("the awaited event happened")).hasSize(1);
    }
}
