package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 delays of every kind (in the tenant's timezone, across DST), copy/clear property, go-to, static lists")
class MoreActionsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private Enrollment run(String objectType, String recordId, Action... actions) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w-" + recordId, null, objectType, 0, true,
                EnrollmentTrigger.MANUAL, actions[0].id(), List.of(actions)));
        Enrollment e = h.engine.trigger().enrollManually("acme", "w-" + recordId, new RecordRef(objectType, recordId), h.now);
        h.pump();
        return h.store.enrollment("acme", e.id()).orElseThrow();
    }

    private void contact(String id, Map<String, String> props) {
        h.engine.records().create("acme", "contact", id, props, Origin.api(), h.now);
    }

    @Test
    void nextDayAndTime_springForward_aMissingTimeMovesForwardByTheGap() {
        Instant saturdayNoon = Instant.parse("2026-03-28T12:00:00Z");
        assertThat(DelayTimes.nextDayAndTime(saturdayNoon, Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), PARIS))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST: 02:30 does not exist that night
        assertThat(DelayTimes.nextDayAndTime(saturdayNoon, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), PARIS))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 09:00 CEST, after the change
        assertThat(DelayTimes.nextDayAndTime(saturdayNoon, Set.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0), PARIS))
                .isEqualTo(Instant.parse("2026-04-03T07:00:00Z"));
    }

    @Test
    void nextDayAndTime_fallBack_aRepeatedTimeIsItsFirstInstant_andTodayCountsWhenStillAhead() {
        Instant saturdayNoon = Instant.parse("2026-10-24T12:00:00Z");
        assertThat(DelayTimes.nextDayAndTime(saturdayNoon, Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // the first 02:30, still CEST
        assertThat(DelayTimes.nextDayAndTime(saturdayNoon, Set.of(), LocalTime.of(18, 0), PARIS))
                .isEqualTo(Instant.parse("2026-10-24T16:00:00Z"));
    }

    @Test
    void delayUntilDayAndTime_waitsInTheTenantsTimezone() {
        contact("c", Map.of());
        Enrollment e = run("contact", "c",
                new Action.DelayUntilDayAndTime("d", Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), "t"),
                new Action.SetProperty("t", "jobtitle", "x", null));
        // START is Monday 2026-03-02 09:00Z; Tuesday 09:00 in Paris (CET) is 08:00Z.
        assertThat(e.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(e.dueAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void delayUntilDate_waitsForAFutureDate_andNotForAPastOne() {
        contact("a", Map.of());
        contact("b", Map.of());
        Enrollment future = run("contact", "a",
                new Action.DelayUntilDate("d", LocalDate.of(2026, 4, 1), LocalTime.of(10, 0), "t"),
                new Action.SetProperty("t", "jobtitle", "x", null));
        Action[] passed = {new Action.DelayUntilDate("d", LocalDate.of(2026, 1, 1), null, "t"),
                new Action.SetProperty("t", "jobtitle", "x", null)};
        h.now = Instant.parse("2025-12-01T09:00:00Z"); // saved while the date was ahead (a past one is refused) …
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w-b", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "d", List.of(passed)));
        h.now = EngineHarness.START; // … and reached after it passed
        Enrollment past = run("contact", "b", passed);
        assertThat(future.dueAt()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z")); // 10:00 CEST
        assertThat(past.status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void delayUntilProperty_waitsForTheDateLessTheOffset_andNotAtAllWhenEmpty() {
        h.engine.records().create("acme", "deal", "d1", Map.of("closedate", "2026-03-10T12:00:00Z"), Origin.api(), h.now);
        h.engine.records().create("acme", "deal", "d2", Map.of(), Origin.api(), h.now);
        Action wait = new Action.DelayUntilProperty("d", "closedate", Duration.ofDays(-3), null, "t");
        Action then = new Action.SetProperty("t", "dealtype", "renewal", null);
        assertThat(run("deal", "d1", wait, then).dueAt()).isEqualTo(Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(run("deal", "d2", wait, then).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void copyClearAndGoTo_changeTheRecordAsSaid() {
        contact("c", Map.of("firstname", "Ada", "phone", "123"));
        run("contact", "c",
                new Action.CopyProperty("copy", "firstname", "jobtitle", "jump"),
                new Action.GoTo("jump", "clear"),
                new Action.ClearProperty("clear", "phone", null));
        var record = h.engine.records().get("acme", new RecordRef("contact", "c"));
        assertThat(record.property("jobtitle")).contains("Ada");
        assertThat(record.property("phone")).isEmpty();
        assertThat(h.store.history("acme", "w-c~contact~c", null, 10).items())
                .anySatisfy(line -> assertThat(line.detail()).isEqualTo("went to 'clear'"));
    }

    @Test
    void addToAndRemoveFromAStaticList_changeMembershipAndTellTheBus() {
        h.engine.definitions().putList("acme", new io.crmflow.definition.CrmList("vip", "VIP", "contact", ListKind.STATIC, null));
        contact("c", Map.of());
        run("contact", "c", new Action.AddToList("add", "vip", null));
        assertThat(h.store.view("acme", new RecordRef("contact", "c")).orElseThrow().staticLists()).containsExactly("vip");
        assertThat(h.published).anySatisfy(ev -> assertThat(ev).isInstanceOf(io.crmflow.model.CrmEvent.ListMembershipChanged.class));

        contact("d", Map.of());
        h.engine.definitions().setListMembership("acme", "vip", new RecordRef("contact", "d"), true, h.now);
        run("contact", "d", new Action.RemoveFromList("rm", "vip", null));
        assertThat(h.store.view("acme", new RecordRef("contact", "d")).orElseThrow().staticLists()).isEmpty();
    }

    @Test
    @DisplayName("R-WF-6 an action due outside the execution window waits for the next opening, then runs")
    void actionOutsideTheExecutionWindow_waitsForTheNextOpening() {
        h.now = Instant.parse("2026-03-28T12:00:00Z"); // Saturday, the day before clocks change in Paris
        contact("c", Map.of());
        var office = new io.crmflow.definition.ExecutionWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "office", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "t", List.of(new Action.SetProperty("t", "jobtitle", "x", null)), office));
        Enrollment e = h.engine.trigger().enrollManually("acme", "office", new RecordRef("contact", "c"), h.now);
        h.pump();

        Enrollment waiting = h.store.enrollment("acme", e.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(waiting.cursor()).isEqualTo("t");
        assertThat(waiting.dueAt()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));

        h.advance(Duration.ofDays(2));
        assertThat(h.store.enrollment("acme", e.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.engine.records().get("acme", new RecordRef("contact", "c")).property("jobtitle")).contains("x");
    }

    @Test
    @DisplayName("R-WF-4, R-WF-5 create record: a deal associated with the enrolled contact, once per step")
    void createRecord_makesAnAssociatedDealWithPersonalisedProperties() {
        contact("c", Map.of("firstname", "Ada"));
        Enrollment e = run("contact", "c", new Action.CreateRecord("deal", "deal",
                Map.of("dealname", "Renewal for {{firstname}}", "amount", "1200"), "primary", null));

        String dealId = StepIds.record(e.id(), 1);
        var deal = h.engine.records().get("acme", new RecordRef("deal", dealId));
        assertThat(deal.property("dealname")).contains("Renewal for Ada");
        assertThat(deal.property("amount")).contains("1200");
        assertThat(h.store.view("acme", new RecordRef("contact", "c")).orElseThrow().associations())
                .anySatisfy(a -> {
                    assertThat(a.to()).isEqualTo(new RecordRef("deal", dealId));
                    assertThat(a.label()).isEqualTo("primary");
                });
    }

    @Test
    void shift_wholeDaysAreCalendarDays_soAnOffsetAcrossDstKeepsTheLocalTime() {
        Instant electionDayNine = Instant.parse("2024-11-05T14:00:00Z"); // 09:00 EST
        assertThat(DelayTimes.shift(electionDayNine, Duration.ofDays(-7), ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2024-10-29T13:00:00Z")); // 09:00 EDT, not 10:00
    }

    @Test
    void createRecord_aTokenRenderingIntoAValueTheTypeRefuses_isLeftUnsetAndSaidSo() {
        contact("c", Map.of("firstname", "Ada"));
        Enrollment e = run("contact", "c", new Action.CreateRecord("deal", "deal",
                Map.of("dealname", "For {{firstname}}", "amount", "{{firstname}}"), "", null));
        var deal = h.engine.records().get("acme", new RecordRef("deal", StepIds.record(e.id(), 1)));
        assertThat(deal.property("dealname")).contains("For Ada");
        assertThat(deal.property("amount")).isEmpty();
        assertThat(h.store.history("acme", e.id(), null, 5).items())
                .anySatisfy(line -> assertThat(line.detail()).contains("left unset").contains("'Ada' is not a valid number"));
    }
}
