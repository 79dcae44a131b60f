package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.Goal;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-8 activation enrolls existing records that meet the triggers, or only those that meet them from now on")
class BackfillTest {
    private static final int RECORDS = 250;
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    /** Every third contact is a customer, one of them on the suppression list. */
    private final Set<String> expected = new TreeSet<>();
    private int pagesRun;

    @BeforeEach
    void contactsAndAWorkflowThatIsOff() {
        h.engine.definitions().putList("acme", new CrmList("blocked", "Blocked", "contact", ListKind.STATIC, null));
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", "Customers", "contact", 0, false,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer"))), "tag",
                List.of(new Action.SetProperty("tag", "jobtitle", "Customer", null)), null,
                new Unenrollment(List.of("blocked"), null)));
        for (int i = 0; i < RECORDS; i++) {
            String id = String.format("c%03d", i);
            boolean customer = i % 3 == 0;
            h.engine.records().create("acme", "contact", id, Map.of("lifecyclestage", customer ? "customer" : "lead"),
                    Origin.api(), h.now);
            if (customer && i != 99) {
                expected.add(id);
            }
        }
        h.engine.definitions().setListMembership("acme", "blocked", contact("c099"), true, h.now);
        h.pump();
        assertThat(enrolled()).as("the workflow is off: nobody enrolled yet").isEmpty();
    }

    private static RecordRef contact(String id) {
        return new RecordRef("contact", id);
    }

    private Set<String> enrolled() {
        Set<String> ids = new TreeSet<>();
        String cursor = null;
        do {
            var page = h.store.enrollmentsOf("acme", "w", cursor, 200);
            page.items().forEach(e -> ids.add(e.record().id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** Delivers the page messages sent, as the trigger queue would, then runs the steps they started. */
    private void runPages() {
        while (!h.pages.isEmpty()) {
            h.engine.backfills().runPage(h.pages.poll(), h.now);
            pagesRun++;
        }
        h.pump();
    }

    private Activation activate(boolean enrollExisting) {
        return h.engine.backfills().activate("acme", "w", enrollExisting, h.now);
    }

    private Activation progress() {
        return h.engine.backfills().progress("acme", "w");
    }

    @Test
    void fromNowOn_enrollsNoExistingRecord_butRecordsThatMeetTheTriggersLaterEnter() {
        Activation answer = activate(false);

        assertThat(answer.state()).isEqualTo("none");
        assertThat(answer.enabled()).isTrue();
        assertThat(h.pages).as("no backfill is started").isEmpty();
        h.pump();
        assertThat(enrolled()).isEmpty();
        assertThat(h.store.backfill("acme", "w")).isEmpty();

        h.engine.records().update("acme", "contact", "c001", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.pump();
        assertThat(enrolled()).containsExactly("c001");
    }

    @Test
    void enrollExisting_pagesThroughEveryRecordInBoundedPages_andEnrollsExactlyThoseThatMatch() {
        Activation started = activate(true);
        assertThat(started.state()).isEqualTo("running");
        assertThat(started.enabled()).isTrue();

        runPages();

        assertThat(pagesRun).as("250 records in pages of %d", BackfillPager.PAGE_SIZE).isEqualTo(3);
        assertThat(enrolled()).isEqualTo(expected).doesNotContain("c099");
        assertThat(h.store.record("acme", contact("c000")).orElseThrow().properties())
                .containsEntry("jobtitle", "Customer");
        Activation done = progress();
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.done()).isTrue();
        assertThat(done.examined()).isEqualTo((long) RECORDS);
        assertThat(done.enrolled()).isEqualTo((long) expected.size());
        assertThat(done.skipped()).isEqualTo((long) (RECORDS - expected.size()));
        assertThat(done.finishedAt()).isEqualTo(h.now);
        assertThat(h.store.counters("acme", "w")).containsEntry("enrolled", (long) expected.size());
        assertThat(h.store.history("acme", "w~contact~c000", null, 10).items())
                .anySatisfy(line -> assertThat(line.detail()).contains("activated with its existing records"));
    }

    @Test
    void enrollExisting_leavesAloneRecordsEnrolledBefore() {
        h.engine.definitions().setWorkflowEnabled("acme", "w", true);
        h.engine.records().update("acme", "contact", "c003", Map.of("firstname", "Ann"), Origin.api(), h.now);
        h.pump();
        assertThat(enrolled()).as("an event enrolled it while the workflow was on").containsExactly("c003");

        activate(true);
        runPages();

        assertThat(enrolled()).isEqualTo(expected);
        assertThat(h.store.counters("acme", "w")).containsEntry("enrolled", (long) expected.size());
        assertThat(progress().enrolled()).as("only those the backfill enrolled").isEqualTo((long) (expected.size() - 1));
    }

    @Test
    void aLostPageMessage_isSentAgainByTheTimer_andTheBackfillGoesOnWhereItStopped() {
        activate(true);
        h.engine.backfills().runPage(h.pages.poll(), h.now);
        h.pages.clear(); // the message of page 2 is lost, as after a crash between the save and the send
        assertThat(progress().examined()).isEqualTo((long) BackfillPager.PAGE_SIZE);

        h.now = h.now.plus(Duration.ofMinutes(4));
        assertThat(h.engine.backfills().sweep(h.now, () -> true)).as("not presumed lost yet").isZero();
        h.now = h.now.plus(Duration.ofMinutes(1));
        assertThat(h.engine.backfills().sweep(h.now, () -> true)).isEqualTo(1);
        runPages();

        assertThat(enrolled()).isEqualTo(expected);
        assertThat(progress().examined()).isEqualTo((long) RECORDS);
        assertThat(progress().enrolled()).isEqualTo((long) expected.size());
        assertThat(h.engine.backfills().sweep(h.now.plus(Duration.ofDays(1)), () -> true))
                .as("a finished backfill is nothing the timer looks at").isZero();
    }

    @Test
    void aCrashInTheMiddleOfAPage_theRedeliveredPageEnrollsNobodyTwice_andTheCountsAreExact() {
        activate(true);
        BackfillPage first = h.pages.poll();
        // The handler dies after its 10th enrollment of the page: the message is delivered again.
        assertThatThrownBy(() -> pagerCrashingOn(w -> w instanceof Write.PutEnrollment, 10).run(first, h.now))
                .hasMessageContaining("crash");
        assertThat(enrolled()).hasSize(10);
        assertThat(h.pages).as("no next page before this one is saved").isEmpty();

        h.engine.backfills().runPage(first, h.now);
        runPages();

        assertThat(enrolled()).isEqualTo(expected);
        assertThat(progress().enrolled()).isEqualTo((long) expected.size());
        assertThat(progress().examined()).isEqualTo((long) RECORDS);
        assertThat(h.store.counters("acme", "w")).containsEntry("enrolled", (long) expected.size());
    }

    @Test
    void aCrashBeforeThePageIsSaved_runsThePageAgain_withoutCountingItTwice() {
        activate(true);
        BackfillPage first = h.pages.poll();
        assertThatThrownBy(() -> pagerCrashingOn(w -> w instanceof Write.PutBackfill, 0).run(first, h.now))
                .hasMessageContaining("crash");
        int enrolledByTheLostAttempt = enrolled().size();
        assertThat(enrolledByTheLostAttempt).isPositive();
        assertThat(progress().examined()).isZero();

        h.engine.backfills().runPage(first, h.now);
        runPages();

        assertThat(enrolled()).isEqualTo(expected);
        assertThat(progress().examined()).isEqualTo((long) RECORDS);
        assertThat(progress().enrolled()).isEqualTo((long) expected.size());
    }

    @Test
    void aDuplicatePageMessage_isDropped() {
        activate(true);
        BackfillPage first = h.pages.peek();
        runPages();
        var before = h.store.backfill("acme", "w").orElseThrow();

        h.engine.backfills().runPage(first, h.now);

        assertThat(h.store.backfill("acme", "w")).contains(before);
        assertThat(h.pages).isEmpty();
    }

    @Test
    void switchedOff_theBackfillHolds_andSwitchedOnAgainItContinues() {
        activate(true);
        h.engine.backfills().runPage(h.pages.poll(), h.now);
        h.engine.definitions().setWorkflowEnabled("acme", "w", false);
        int before = enrolled().size();

        runPages();
        assertThat(enrolled()).as("nothing enrolls while off").hasSize(before);
        assertThat(progress().state()).isEqualTo("paused");
        assertThat(progress().examined()).isEqualTo((long) BackfillPager.PAGE_SIZE);

        h.now = h.now.plus(Duration.ofMinutes(15));
        h.engine.backfills().sweep(h.now, () -> true);
        runPages();
        assertThat(progress().state()).as("still off: it looked again and holds").isEqualTo("paused");

        h.engine.backfills().setEnabled("acme", "w", true);
        assertThat(h.pages).as("on again: it goes on at once").hasSize(1);
        runPages();
        assertThat(enrolled()).isEqualTo(expected);
        assertThat(progress().state()).isEqualTo("done");
    }

    @Test
    void activatedAgain_whileOff_continuesTheBackfillAtOnce() {
        activate(true);
        h.engine.backfills().runPage(h.pages.poll(), h.now);
        h.engine.definitions().setWorkflowEnabled("acme", "w", false);
        runPages();

        Activation again = activate(true);

        assertThat(again.run()).as("the same run, not a new one").isEqualTo(1L);
        runPages();
        assertThat(enrolled()).isEqualTo(expected);
        assertThat(progress().examined()).isEqualTo((long) RECORDS);
    }

    @Test
    void fromNowOn_chosenWhileABackfillIsUnderWay_stopsIt() {
        activate(true);
        h.engine.backfills().runPage(h.pages.poll(), h.now);
        int soFar = enrolled().size();

        Activation answer = activate(false);
        runPages();

        assertThat(answer.state()).isEqualTo("cancelled");
        assertThat(answer.detail()).contains("from now on");
        assertThat(enrolled()).hasSize(soFar);
    }

    @Test
    void enrollExistingAgain_afterABackfillEnded_startsANewRun_thatEnrollsOnlyNewMatches() {
        activate(true);
        runPages();
        h.engine.definitions().setWorkflowEnabled("acme", "w", false);
        h.engine.records().update("acme", "contact", "c001", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.pump();

        Activation second = activate(true);
        runPages();

        assertThat(second.run()).isEqualTo(2L);
        assertThat(enrolled()).contains("c001").hasSize(expected.size() + 1);
        assertThat(progress().enrolled()).as("counted per run").isEqualTo(1L);
        assertThat(progress().examined()).isEqualTo((long) RECORDS);
    }

    @Test
    void enrollExisting_forAWorkflowWithoutTriggers_isRefused_andChangesNothing() {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "manual", null, "contact", 0, false,
                EnrollmentTrigger.MANUAL, "tag", List.of(new Action.SetProperty("tag", "jobtitle", "x", null))));

        assertThatThrownBy(() -> h.engine.backfills().activate("acme", "manual", true, h.now))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).pointer()).isEqualTo("/enrollExisting"));
        assertThat(h.store.workflow("acme", "manual").orElseThrow().enabled()).isFalse();
    }

    @Test
    void enrollExisting_forAnEventBasedTrigger_isRefused_sinceNoRecordMeetsAnEventAsItStands() {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "on-create", null, "contact", 0, false,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), false,
                        List.of(new TriggerEvent.RecordCreated())),
                "tag", List.of(new Action.SetProperty("tag", "jobtitle", "x", null))));

        assertThatThrownBy(() -> h.engine.backfills().activate("acme", "on-create", true, h.now))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).message()).contains("an event happens"));
        assertThat(h.store.workflow("acme", "on-create").orElseThrow().enabled()).isFalse();
    }

    @Test
    @DisplayName("R-WF-8 with R-WF-11: a record that meets the goal already is not enrolled by the backfill")
    void enrollExisting_leavesOutRecordsThatMeetTheGoalAlready() {
        h.engine.records().update("acme", "contact", "c000", Map.of("jobtitle", "CTO"), Origin.api(), h.now);
        h.pump();
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", "Customers", "contact", 0, false,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer"))), "tag",
                List.of(new Action.SetProperty("tag", "jobtitle", "Customer", null)), null,
                new Unenrollment(List.of("blocked"), null),
                new Goal(Filter.allOf(Filters.where("jobtitle").equalTo("CTO")), 0L), null));

        activate(true);
        runPages();

        assertThat(enrolled()).doesNotContain("c000").hasSize(expected.size() - 1);
        assertThat(progress().state()).isEqualTo("done");
    }

    /** The page runner on ports whose writer fails the {@code n}+1-th commit holding a matching write. */
    private BackfillPager pagerCrashingOn(Predicate<Write> kind, int n) {
        int[] seen = {0};
        TransactionalWriter crashing = writes -> {
            if (writes.stream().anyMatch(kind) && seen[0]++ == n) {
                throw new IllegalStateException("crash: the handler died here");
            }
            h.store.commit(new ArrayList<>(writes));
        };
        return new BackfillPager(h.portsWith(crashing), EngineSettings.DEFAULTS);
    }
}
