package io.crmflow.engine;

import static io.crmflow.filter.Filters.where;

import io.crmflow.definition.Action;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.Goal;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.model.ListKind;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Effects exactly once under at-least-once delivery (R-RUN-5), with suppression (R-WF-7) and
 * the goal (R-WF-11) ending enrollments early: 1,000 contacts through a branch, a 2-day delay
 * and an email while messages arrive twice (also at the same moment on two threads), out of
 * order or not at all, and handlers die between the email and the commit. Each run draws a new
 * seed, which every assertion names; {@value #SEED_PROPERTY} replays one, the same up to how the
 * copies run at the same moment interleave, and exactly with
 * {@value #SEQUENTIAL_PROPERTY}{@code =true}, which runs those one after the other.
 */
@DisplayName("R-RUN-5 with R-WF-7 and R-WF-11 exactly once under faults: 1,000 contacts through a branch, a 2-day"
        + " delay and a send-email, with duplicate deliveries, crashes between the email and the commit and lost"
        + " messages, get exactly one email each when they should, none after meeting the goal or joining a"
        + " suppression list, and every enrollment ends")
class ExactlyOnceUnderFaultsTest {
    static final String SEED_PROPERTY = "crmflow.faults.seed";
    static final String SEQUENTIAL_PROPERTY = "crmflow.faults.sequential";
    private static final String TENANT = "acme";
    private static final String WORKFLOW = "nurture";
    private static final String SUPPRESSION = "do-not-contact";
    private static final int CONTACTS = 1_000;
    private static final Duration DELAY = Duration.ofDays(2);
    /**
     * Of every delivery, 8% is copied at once on another thread, 8% right after, 8% later in the
     * queue and 4% after the clock moves; a fifth of the time a later message overtakes the head.
     */
    private static final FaultyEngineHarness.Rates DELIVERY =
            new FaultyEngineHarness.Rates(0.08, 0.08, 0.08, 0.04, 0.2);
    /**
     * 5% of publishes refused, of step messages lost, of sends throttled and of sends failing
     * unanswered; 30% of the commits right after an email crash first, and 3% of all handlers'
     * commits crash just after.
     */
    private static final FaultyPorts.Rates PORTS = new FaultyPorts.Rates(0.05, 0.05, 0.05, 0.05, 0.3, 0.03);

    /** The engine warns about every refused publish and failed sweep item; here those are the point, not news. */
    private final Logger engineLog = Logger.getLogger("io.crmflow");
    private Level engineLogLevel;

    @BeforeEach
    void quietExpectedWarnings() {
        engineLogLevel = engineLog.getLevel();
        engineLog.setLevel(Level.SEVERE);
    }

    @AfterEach
    void restoreLogLevel() {
        engineLog.setLevel(engineLogLevel);
    }

    @Test
    void exactlyOneEmailPerContactThatShouldGetOne_noneAfterGoalOrSuppression_everyEnrollmentEnds() {
        long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
        boolean sequential = Boolean.getBoolean(SEQUENTIAL_PROPERTY);
        String replay = "seed " + seed + (sequential ? ", copies one after the other" : "") + " (replay: -D"
                + SEED_PROPERTY + "=" + seed + (sequential ? " -D" + SEQUENTIAL_PROPERTY + "=true" : "") + ")";
        long started = System.nanoTime();
        try (var h = new FaultyEngineHarness(seed, DELIVERY, PORTS, sequential)) {
            h.withTenant(TENANT);
            WorkflowDefinition wf = setUp(h);
            List<ContactPlan> contacts = ContactPlan.draw(CONTACTS, h.dice(), FaultyEngineHarness.START, DELAY);
            run(h, contacts);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("exactly-once run, " + replay + ": " + millis + " ms, " + h.faults.emails.size()
                    + " emails, port faults " + h.faults.counts() + ", duplicate deliveries " + h.duplicates);

            var check = new RunCheck(h.store, TENANT, WORKFLOW, h.faults.emails);
            // All at once: which of these fail together says more about a finding than the first alone.
            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(check.emailProblems(contacts))
                        .as("%s: recipients without exactly the emails they should get", replay).isEmpty();
                softly.assertThat(unfinished(h)).as("%s: enrollments not ended", replay).isEmpty();
                softly.assertThat(check.enrollmentProblems(contacts))
                        .as("%s: contacts whose enrollment or history is wrong", replay).isEmpty();
                softly.assertThat(counters(h, wf))
                        .as("%s: the workflow's counters against its enrollments, emails and plan", replay)
                        .isEqualTo(expectedCounters(h, wf, contacts));
                softly.assertThat(h.unexpectedFailures).as("%s: handler failures no injected fault explains", replay)
                        .isEmpty();
                softly.assertThat(h.deadLettered).as("%s: messages dead-lettered", replay).isEmpty();
                for (FaultyPorts.Fault fault : FaultyPorts.Fault.values()) {
                    softly.assertThat(h.faults.count(fault)).as("%s: times injected: %s", replay, fault).isPositive();
                }
                for (FaultyEngineHarness.Duplicate copy : FaultyEngineHarness.Duplicate.values()) {
                    softly.assertThat(h.duplicates.getOrDefault(copy, 0)).as("%s: %s", replay, copy).isPositive();
                }
            });
        }
    }

    private static WorkflowDefinition setUp(FaultyEngineHarness h) {
        h.engine.definitions().putList(TENANT,
                new CrmList(SUPPRESSION, "Do not contact", "contact", ListKind.STATIC, null));
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition(TENANT, WORKFLOW, "Nurture leads", "contact",
                0, true, new EnrollmentTrigger(Filter.allOf(where("lifecyclestage").equalTo("lead"))), "route",
                List.of(new Action.Branch("route", List.of(
                                new Action.BranchPath("executives", Filter.allOf(where("jobtitle").equalTo("CEO")),
                                        "waitExec"),
                                new Action.BranchPath("marketable",
                                        Filter.allOf(where("hs_marketable_status").equalTo("true")), "waitNews")),
                                "waitOthers"),
                        new Action.Delay("waitExec", DELAY, ContactPlan.Route.EXECUTIVE.mailAction),
                        new Action.SendEmail(ContactPlan.Route.EXECUTIVE.mailAction, Action.EmailKind.TRANSACTIONAL,
                                null, "A word for {{firstname|you}}", "Shall we talk?", null),
                        new Action.Delay("waitNews", DELAY, ContactPlan.Route.MARKETABLE.mailAction),
                        new Action.SendEmail(ContactPlan.Route.MARKETABLE.mailAction, Action.EmailKind.MARKETING, null,
                                "News for {{firstname|you}}", "What is new this month.", null),
                        new Action.Delay("waitOthers", DELAY, "call"),
                        new Action.CreateTask("call", "Call {{firstname|the contact}}", "No email for this one",
                                Duration.ofDays(1), null)),
                null, new Unenrollment(List.of(SUPPRESSION), Filter.NONE),
                new Goal(Filter.allOf(where("lifecyclestage").equalTo("customer")), null), null));
    }

    /**
     * Creates the contacts (some changed before their creation is handled), then moves the clock
     * in steps of 20 to 40 minutes, making each planned change at its moment and running the timer
     * at each step, until past the delay nothing is left to do.
     */
    private static void run(FaultyEngineHarness h, List<ContactPlan> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            ContactPlan c = contacts.get(i);
            h.engine.records().create(TENANT, "contact", c.id(), c.properties(), Origin.api(), h.now());
            c.changesBeforeEnrollment().forEach(change -> change(h, change));
            if (i % 50 == 49) {
                h.pump();
            }
        }
        h.pump();
        List<ContactPlan.Change> changes = contacts.stream().flatMap(c -> c.changesDuringDelay().stream())
                .sorted(Comparator.comparing(ContactPlan.Change::at)).toList();
        Instant settledNoEarlier = FaultyEngineHarness.START.plus(DELAY).plus(Duration.ofHours(1));
        Instant giveUp = FaultyEngineHarness.START.plus(DELAY).plus(Duration.ofDays(3));
        int next = 0;
        Instant tick = FaultyEngineHarness.START;
        do {
            tick = tick.plusSeconds(20 * 60 + h.dice().nextInt(20 * 60));
            for (; next < changes.size() && !changes.get(next).at().isAfter(tick); next++) {
                h.setClock(changes.get(next).at());
                change(h, changes.get(next));
                h.pump();
            }
            h.advanceTo(tick);
        } while (tick.isBefore(giveUp) && (tick.isBefore(settledNoEarlier) || !h.quiet() || !unfinished(h).isEmpty()));
    }

    private static void change(FaultyEngineHarness h, ContactPlan.Change change) {
        if (change.goal()) {
            h.engine.records().update(TENANT, "contact", change.contactId(), Map.of("lifecyclestage", "customer"),
                    Origin.api(), h.now());
        } else {
            h.engine.definitions().setListMembership(TENANT, SUPPRESSION, new RecordRef("contact", change.contactId()),
                    true, h.now());
        }
    }

    private static List<Enrollment> enrollments(FaultyEngineHarness h) {
        List<Enrollment> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Enrollment> page = h.store.enrollmentsOf(TENANT, WORKFLOW, cursor, 500);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static List<String> unfinished(FaultyEngineHarness h) {
        return enrollments(h).stream().filter(e -> !e.status().terminal())
                .map(e -> e.id() + " " + e.status() + " at '" + e.cursor() + "'").toList();
    }

    /**
     * The counters are written in the commits they count, so duplicates and crashes must not have
     * moved them: each agrees with the enrollments as they ended, and the goal's with the plan.
     */
    private static Map<String, Long> expectedCounters(FaultyEngineHarness h, WorkflowDefinition wf,
                                                      List<ContactPlan> contacts) {
        Map<String, Long> expected = new TreeMap<>();
        counterNames(wf).forEach(name -> expected.put(name, 0L));
        for (Enrollment e : enrollments(h)) {
            expected.merge("enrolled", 1L, Long::sum);
            expected.merge(e.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            if (e.status() == EnrollmentStatus.UNENROLLED) {
                List<HistoryEntry> lines = RunCheck.history(h.store, TENANT, e.id());
                String why = lines.get(lines.size() - 1).detail();
                for (UnenrollmentRules.Cause cause : List.of(UnenrollmentRules.Cause.GOAL,
                        UnenrollmentRules.Cause.SUPPRESSION)) {
                    if (why.equals(RunCheck.leftBecause(cause))) {
                        expected.merge(cause.counterName(), 1L, Long::sum);
                    }
                }
            }
        }
        long generation = wf.goal().generation();
        // Meeting the goal counts whether the contact left by it or had left by suppression before.
        expected.put(Goals.counter(Goals.MET, generation),
                contacts.stream().filter(c -> c.enrolled() && c.goalAt() != null).count());
        // Marketing email goes out on the marketable path only.
        Set<String> marketablePath = contacts.stream().filter(c -> c.route() == ContactPlan.Route.MARKETABLE)
                .map(ContactPlan::email).collect(Collectors.toSet());
        expected.put(Goals.counter(Goals.MARKETING_EMAILED, generation), h.faults.emails.stream()
                .filter(s -> marketablePath.contains(s.email().to())).count());
        return expected;
    }

    private static Map<String, Long> counters(FaultyEngineHarness h, WorkflowDefinition wf) {
        Map<String, Long> stored = h.store.counters(TENANT, WORKFLOW);
        Map<String, Long> out = new TreeMap<>();
        counterNames(wf).forEach(name -> out.put(name, stored.getOrDefault(name, 0L)));
        return out;
    }

    private static List<String> counterNames(WorkflowDefinition wf) {
        List<String> names = new ArrayList<>(List.of("enrolled", "completed", "unenrolled", "failed",
                Goals.counter(Goals.MET, wf.goal().generation()),
                Goals.counter(Goals.MARKETING_EMAILED, wf.goal().generation())));
        for (UnenrollmentRules.Cause cause : UnenrollmentRules.Cause.values()) {
            names.add(cause.counterName());
        }
        return names;
    }
}
