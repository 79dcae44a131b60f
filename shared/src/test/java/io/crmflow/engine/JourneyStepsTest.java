package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.JourneyNodes;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a journey's route sends a contact, decided on the value alone. */
class JourneyStepsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final JourneyNodes.Route ROUTE = new JourneyNodes.Route("~route:a", "stage", "a", List.of(
            new JourneyNodes.Target("x", "a", null, false, "a1", null),
            new JourneyNodes.Target("y", "b", null, false, "b1", null),
            new JourneyNodes.Target("z", "c", null, false, "c1", null),
            new JourneyNodes.Target("won", null, "won", true, null, null),
            new JourneyNodes.Target("lost", null, "lost", false, null, null)), null, false, "~stay:a");

    private static StepDecision route(String value) {
        var e = new Enrollment("t1", "e1", "journey:j", 1, new RecordRef("contact", "c1"), EnrollmentStatus.ACTIVE,
                ROUTE.id(), 3, NOW, NOW, NOW, 1, 3);
        var record = new CrmRecord("t1", "contact", "c1", value == null ? Map.of() : Map.of("stage", value), 1, NOW, NOW);
        return JourneySteps.route(new StepDraft(e, NOW, Duration.ofMinutes(15)), ROUTE, record);
    }

    @Test
    void aValue_leadsToItsStagesFirstAction_andIsCountedAsThePathTaken() {
        StepDecision d = route("y");

        assertThat(d.next().cursor()).isEqualTo("b1");
        assertThat(d.writes()).extracting(w -> ((io.crmflow.store.Write.IncrementCounter) w).counter())
                .containsExactly("stage/a/to/stage/b", "stage/b/entered");
    }

    @Test
    void aValueNoStageHas_staysWithoutADueTime() {
        StepDecision d = route("elsewhere");

        assertThat(d.next().status()).isEqualTo(EnrollmentStatus.AWAITING_EVENT);
        assertThat(d.next().cursor()).isEqualTo("~stay:a");
        assertThat(d.next().dueAt()).isNull();
        assertThat(d.writes()).isEmpty();
    }

    @Test
    void severalTickedOptions_leadToTheFurthestStage_orToAnEndAmongThem() {
        assertThat(route("x;z;y").next().cursor()).isEqualTo("c1");
        assertThat(route("z;lost").next().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(route("z;lost").history()).anyMatch(h -> h.detail().contains("unsuccessful end 'lost'"));
    }
}
