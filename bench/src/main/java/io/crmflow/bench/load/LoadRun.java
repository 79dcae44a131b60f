package io.crmflow.bench.load;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.crmflow.engine.DueSweeper;
import io.crmflow.engine.EngineSettings;
import io.crmflow.local.LocalStack;
import io.crmflow.local.QueuePoller;
import io.crmflow.store.EnrollmentStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One load run on a local stack of its own: the reference workflow active, two consumers per
 * queue — the step queue's both in this JVM, the trigger queue's one here and one in a
 * {@link ChildConsumer} process, where batches are fullest — all making {@link RandomFaults};
 * the plan's events made through the API's record service with poison planted among them; the
 * child killed mid-batch once the load is well under way and replaced; then, once every queue is
 * empty, the clock moved past the timer's watchdog and the workflow's one-day wait, the timer run
 * until nothing is due. Then the table, the mailbox and the dead-letter queues are read for the
 * checks. Not thread-safe; one run per instance.
 */
final class LoadRun {
    private static final double REDELIVER_SHARE = 0.05;
    private static final double FAIL_AFTER_SHARE = 0.01;
    /**
     * Waiting messages the producers leave at most, so that an event waits behind at most that
     * many others and its latency stays the stack's. Past the producers' own limit the bound
     * hardly moves the rate: with eight producers, 2.5-minute runs made 83, 75 and 95 events a
     * second at 20, 50 and 100, the spread of this machine's runs; 100 is the one measured at
     * full size.
     */
    static final long BACKLOG_BOUND = 100;
    /**
     * Enough that the producers are not what limits the run. Each makes its changes one after the
     * other, about three requests each, and four were the limit: 51 events a second in 2.5
     * minutes whether 20 or 100 messages could wait, where eight made 75 to 95. More changes made
     * at once leave more messages for each batch (1.9 a batch with four and 20 waiting, 3.9 with
     * eight and 100), so what
     * a handler reads or deletes once per batch is shared by more events.
     */
    private static final int PRODUCERS = 8;
    private static final double KILL_AT_SHARE_MADE = 0.25;
    private static final int KILL_ATTEMPTS = 5;
    /**
     * The function whose second consumer is a process of its own, to be killed: the trigger
     * handler, whose queue the producers keep fullest, so a batch is seldom of one message.
     */
    private static final String CHILD_CONSUMES = "TriggerFunction";
    /** How long the timer leaves a step unconfirmed before it sends its message again. */
    static final Duration WATCHDOG = EngineSettings.DEFAULTS.watchdog();
    /** The timer's schedule in the template: rate(1 minute). */
    private static final Duration TIMER_EVERY = Duration.ofMinutes(1);
    private static final Duration WAIT_ONE_DAY = Duration.ofDays(1).plusMinutes(1);
    private static final Duration DRAIN_WITHIN = Duration.ofMinutes(30);
    /** Days the clock may move for the timers: the wait itself, and once more for a wait started late. */
    private static final int TIMER_DAYS = 3;
    private static final Duration CHILD_STARTS_WITHIN = Duration.ofMinutes(2);
    private static final long SEED = 20260302L;

    private final LoadShape shape;
    private final Path workDir;
    private final PrintStream progress;

    /**
     * @param workDir  where the child's setup and logs and the mail files go; emptied first
     * @param progress where the run says what it is doing, for a person watching
     */
    LoadRun(LoadShape shape, Path workDir, PrintStream progress) {
        this.shape = shape;
        this.workDir = workDir;
        this.progress = progress;
    }

    LoadResult run() throws Exception {
        ShiftableClock clock = new ShiftableClock();
        try (LocalStack stack = LoadStack.start(workDir, clock)) {
            return new Phases(stack, clock).run();
        }
    }

    /** The run's phases over one started stack. */
    private final class Phases {
        private final LocalStack stack;
        private final ShiftableClock clock;
        private final QueueDepths depths;
        private final RandomFaults faults = new RandomFaults(SEED, REDELIVER_SHARE, FAIL_AFTER_SHARE);
        private final List<ChildConsumer> children = new ArrayList<>();
        private final List<ChildConsumer.Kill> kills = new ArrayList<>();

        Phases(LocalStack stack, ShiftableClock clock) {
            this.stack = stack;
            this.clock = clock;
            this.depths = new QueueDepths(stack, List.of("TriggerQueue", "StepQueue"));
        }

        LoadResult run() throws Exception {
            LoadPlan plan = LoadPlan.draw(shape, SEED);
            List<Producers.Poison> poisons = poisons();
            List<QueuePoller> consumers = new ArrayList<>(List.of(stack.consumer(CHILD_CONSUMES, faults),
                    stack.consumer("StepFunction", faults), stack.consumer("StepFunction", faults)));
            consumers.forEach(QueuePoller::start);
            ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
            try {
                // The timer's schedule, as deployed: its watchdog re-sends a step whose message a kill lost.
                schedule.scheduleAtFixedRate(() -> {
                    try {
                        tick();
                    } catch (RuntimeException e) {
                        progress.println("   a scheduled timer run failed: " + e);
                    }
                }, TIMER_EVERY.toMillis(), TIMER_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                children.add(startChild());
                Producers producers = new Producers(stack.engine("ApiFunction").records(), LoadStack.TENANT, clock,
                        new Backlog(depths, BACKLOG_BOUND),
                        new PoisonPlanter(stack, LoadStack.TENANT, LoadStack.WORKFLOW));
                progress.printf("   planned: %d contacts, %d events, %d poison messages; %d contacts to enroll%n",
                        shape.contacts(), plan.events().size(), poisons.size(), plan.eligible().size());
                Instant firstPut = clock.instant();
                CompletableFuture<Void> making = CompletableFuture.runAsync(() -> {
                    try {
                        producers.run(plan.split(PRODUCERS), positions(poisons, Math.min(shape.poisonSpread(),
                                plan.events().size())), shape.makingBudget());
                    } catch (Exception e) {
                        throw new IllegalStateException("a producer failed: " + e.getMessage(), e);
                    }
                });
                Duration killAfter = Duration.ofMillis((long) (shape.makingBudget().toMillis() * KILL_AT_SHARE_MADE));
                killMidBatch(() -> producers.made() >= plan.events().size() * KILL_AT_SHARE_MADE
                        || since(firstPut).compareTo(killAfter) >= 0 || making.isDone(),
                        () -> making.isDone() && depths.pending() == 0);
                making.join();
                progress.printf("   %d events made in %s; draining%n", producers.made(), since(firstPut));
                awaitDrained();
                Instant drained = clock.instant();
                progress.printf("   drained after %s%n", Duration.between(firstPut, drained));
                schedule.shutdown();
                schedule.awaitTermination(1, TimeUnit.MINUTES);
                children.forEach(ChildConsumer::close);
                // The child's place as the trigger queue's second consumer, on the moved clock.
                QueuePoller second = stack.consumer(CHILD_CONSUMES, faults);
                consumers.add(second);
                second.start();
                Instant timersBegan = Instant.now();
                int days = runDueTimers();
                Duration timers = since(timersBegan);
                progress.printf("   timers ran in %s over %d day(s); auditing%n", timers, days);
                return result(plan, poisons, producers, Duration.between(firstPut, drained), timers, days);
            } finally {
                schedule.shutdownNow();
                consumers.forEach(QueuePoller::close);
                children.forEach(ChildConsumer::close);
            }
        }

        private ChildConsumer startChild() throws IOException, InterruptedException {
            long seed = SEED + children.size() + 1;
            return ChildConsumer.start(stack.standaloneConsumer(CHILD_CONSUMES), workDir, seed, REDELIVER_SHARE,
                    FAIL_AFTER_SHARE, CHILD_STARTS_WITHIN, shape.makingBudget().dividedBy(20));
        }

        /**
         * Once {@code due}, arms the child; when it has been killed, starts a replacement. A kill
         * that landed between two batches is tried again on the replacement; none is made once
         * the load is over.
         */
        private void killMidBatch(BooleanSupplier due, BooleanSupplier over) throws Exception {
            awaitTrue(due, DRAIN_WITHIN, "the load to be under way");
            for (int attempt = 0; attempt < KILL_ATTEMPTS; attempt++) {
                ChildConsumer child = children.get(children.size() - 1);
                child.arm();
                Optional<ChildConsumer.Kill> kill = child.awaitKill(over);
                if (kill.isEmpty()) {
                    return;
                }
                kills.add(kill.get());
                progress.printf("   consumer process killed in a batch of %d after %d writes (%s); replacing it%n",
                        kill.get().batchSize(), kill.get().writesBefore(),
                        kill.get().midBatch() ? "mid-batch" : "the batch had returned");
                children.add(startChild());
                if (kill.get().midBatch()) {
                    return;
                }
            }
        }

        private void awaitDrained() throws InterruptedException {
            // The queues are read one after the other: a message a handler sends to the trigger queue
            // just after it was read, then deletes its own from the step queue, would go unseen by one
            // reading; not by three in a row, 100 ms apart, while the consumers long-poll.
            int empty = 0;
            Instant deadline = Instant.now().plus(DRAIN_WITHIN);
            while (empty < 3) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the queues still held " + depths.pending() + " messages after "
                            + DRAIN_WITHIN);
                }
                empty = depths.pending() == 0 ? empty + 1 : 0;
                Thread.sleep(100);
            }
        }

        /**
         * Moves the clock as far as the timer's watchdog looks, for a step whose message was lost
         * with the killed process — its first action then runs as late as it would have in
         * production —; then past the one-day wait; and again a day later while an enrollment
         * still waits, one whose step the watchdog sent again having started its wait late. After
         * each move the timer runs, as its schedule would, until it finds nothing due once the
         * queues are empty. The child runs on the wall clock, so it is gone before the clock moves.
         *
         * @return the days the clock moved
         */
        private int runDueTimers() throws InterruptedException {
            EnrollmentStore store = stack.engine("TimerFunction").ports().enrollments();
            clock.shift(WATCHDOG.plus(TIMER_EVERY));
            runTimerUntilNothingDue();
            int days = 0;
            do {
                clock.shift(WAIT_ONE_DAY);
                days++;
                runTimerUntilNothingDue();
            } while (days < TIMER_DAYS && !store.dueSteps(clock.instant().plus(WAIT_ONE_DAY), 1).isEmpty());
            return days;
        }

        private void runTimerUntilNothingDue() throws InterruptedException {
            DueSweeper.Sweep sweep;
            do {
                sweep = tick();
                awaitDrained();
            } while (sweep.stepsSent() + sweep.eventsPublished() > 0);
        }

        /** Runs the timer function once, as its schedule does. */
        private DueSweeper.Sweep tick() {
            RequestHandler<ScheduledEvent, DueSweeper.Sweep> timer = stack.handler("TimerFunction");
            ScheduledEvent event = new ScheduledEvent();
            event.setSource("aws.events");
            event.setDetailType("Scheduled Event");
            return timer.handleRequest(event, null);
        }

        private LoadResult result(LoadPlan plan, List<Producers.Poison> poisons, Producers producers, Duration load,
                                  Duration timers, int days) throws Exception {
            EnrollmentAudit enrollments = EnrollmentAudit.read(stack.engine("ApiFunction").ports().enrollments(),
                    LoadStack.TENANT, LoadStack.WORKFLOW);
            MailAudit mail = MailAudit.of(stack.mailbox().sent());
            DeadLetterAudit deadLetters = DeadLetterAudit.read(stack, producers.planted());
            List<Duration> latencies = new ArrayList<>();
            producers.enrollingPuts().forEach((contact, put) -> {
                Instant acted = enrollments.firstActionAt().get(contact);
                if (acted != null) {
                    latencies.add(Duration.between(put, acted));
                }
            });
            latencies.sort(Comparator.naturalOrder());
            long received = faults.handled() + children.stream().mapToLong(ChildConsumer::received).sum();
            long redelivered = faults.redelivered() + children.stream().mapToLong(ChildConsumer::redelivered).sum();
            long failedAfter = faults.failedAfterHandling()
                    + children.stream().mapToLong(ChildConsumer::failedAfter).sum();
            // Only contacts whose enrolling change was made within the time box must be enrolled.
            var eligible = producers.enrollingPuts().keySet();
            long notEnrolled = eligible.stream().filter(c -> !enrollments.firstActionAt().containsKey(c)).count();
            long unmailed = eligible.stream().filter(c -> !mail.recipients().contains(c + "@load.example")).count();
            return new LoadResult(shape, producers.made(), plan.events().size(), load, timers, days, latencies,
                    enrollments, mail, deadLetters, producers.planted().size(), (int) notEnrolled, (int) unmailed,
                    kills, received, redelivered, failedAfter, producers.retries());
        }

        private List<Producers.Poison> poisons() {
            List<Producers.Poison> poisons = new ArrayList<>();
            for (int n = 0; n < shape.poisonsPerKind(); n++) {
                for (PoisonKind kind : PoisonKind.values()) {
                    poisons.add(new Producers.Poison(kind, kind.marker(n)));
                }
            }
            return poisons;
        }
    }

    /** Spreads the poison evenly over the run: the n-th is planted once that share of the events is made. */
    private static Map<Integer, List<Producers.Poison>> positions(List<Producers.Poison> poisons, int events) {
        Map<Integer, List<Producers.Poison>> at = new HashMap<>();
        for (int i = 0; i < poisons.size(); i++) {
            int position = (int) ((long) (i + 1) * events / (poisons.size() + 1));
            at.computeIfAbsent(Math.max(1, position), k -> new ArrayList<>()).add(poisons.get(i));
        }
        return at;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("waited " + within + " for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
