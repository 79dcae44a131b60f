package io.crmflow.bench.load;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.engine.DueSweeper;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import io.crmflow.local.QueuePoller;
import io.crmflow.store.EnrollmentStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
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
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One load run on a local stack of its own: the reference workflow active, two consumers per
 * queue — the trigger queue's both in this JVM, the step queue's one here and one in a
 * {@link ChildConsumer} process — all making {@link RandomFaults}; the plan's events made through
 * the API's record service with poison planted among them; the child killed mid-batch once the
 * load is well under way and replaced; then, once every queue is empty, the clock moved past the
 * workflow's one-day wait and the timer run until nothing is due. Then the table, the mailbox and
 * the dead-letter queues are read for the checks. Not thread-safe; one run per instance.
 */
final class LoadRun {
    static final String TENANT = "load";
    static final String WORKFLOW = "reference";
    private static final double REDELIVER_SHARE = 0.05;
    private static final double FAIL_AFTER_SHARE = 0.01;
    /** Short, so that what a fault or the kill left in flight comes back soon; long beside one batch. */
    private static final int VISIBILITY_SECONDS = 10;
    private static final long BACKLOG_BOUND = 500;
    private static final int PRODUCERS = 2;
    private static final double KILL_AT_SHARE_MADE = 0.25;
    private static final int KILL_ATTEMPTS = 3;
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
        recreate(workDir);
        ShiftableClock clock = new ShiftableClock();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(template(), workDir.resolve("mail"), null,
                "load-", clock, false, quiet))) {
            shortenVisibility(stack);
            prepareTenant(stack);
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
            List<QueuePoller> consumers = new ArrayList<>(List.of(stack.consumer("TriggerFunction", faults),
                    stack.consumer("TriggerFunction", faults), stack.consumer("StepFunction", faults)));
            consumers.forEach(QueuePoller::start);
            try {
                children.add(startChild());
                Producers producers = new Producers(stack.engine("ApiFunction").records(), TENANT, clock,
                        new Backlog(depths, BACKLOG_BOUND), new PoisonPlanter(stack, TENANT, WORKFLOW));
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
                children.forEach(ChildConsumer::close);
                // The child's place as the step queue's second consumer, on the moved clock.
                QueuePoller second = stack.consumer("StepFunction", faults);
                consumers.add(second);
                second.start();
                Instant timersBegan = Instant.now();
                int days = runDueTimers();
                Duration timers = since(timersBegan);
                progress.printf("   timers ran in %s over %d day(s); auditing%n", timers, days);
                return result(plan, poisons, producers, Duration.between(firstPut, drained), timers, days);
            } finally {
                consumers.forEach(QueuePoller::close);
                children.forEach(ChildConsumer::close);
            }
        }

        private ChildConsumer startChild() throws IOException, InterruptedException {
            long seed = SEED + children.size() + 1;
            return ChildConsumer.start(stack.standaloneConsumer("StepFunction"), workDir, seed, REDELIVER_SHARE,
                    FAIL_AFTER_SHARE, CHILD_STARTS_WITHIN);
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
            // Three empty readings in a row: a message moving between the two queues is never missed twice.
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
         * Moves the clock past the one-day wait and runs the timer, as its schedule would, until it
         * finds nothing due once the queues are empty; again, a day later, while an enrollment
         * still waits — one whose step the timer's watchdog had to send again started its wait
         * late. The child runs on the wall clock, so it is gone before the clock moves.
         *
         * @return the days the clock moved
         */
        private int runDueTimers() throws InterruptedException {
            RequestHandler<ScheduledEvent, DueSweeper.Sweep> timer = stack.handler("TimerFunction");
            EnrollmentStore store = stack.engine("TimerFunction").ports().enrollments();
            int days = 0;
            do {
                clock.shift(WAIT_ONE_DAY);
                days++;
                DueSweeper.Sweep sweep;
                do {
                    ScheduledEvent event = new ScheduledEvent();
                    event.setSource("aws.events");
                    event.setDetailType("Scheduled Event");
                    sweep = timer.handleRequest(event, null);
                    awaitDrained();
                } while (sweep.stepsSent() + sweep.eventsPublished() > 0);
            } while (days < TIMER_DAYS && !store.dueSteps(clock.instant().plus(WAIT_ONE_DAY), 1).isEmpty());
            return days;
        }

        private LoadResult result(LoadPlan plan, List<Producers.Poison> poisons, Producers producers, Duration load,
                                  Duration timers, int days) throws Exception {
            EnrollmentAudit enrollments = EnrollmentAudit.read(stack.engine("ApiFunction").ports().enrollments(),
                    TENANT, WORKFLOW);
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
            long failedAfter = faults.failedAfterHandling() + children.stream().mapToLong(ChildConsumer::failedAfter).sum();
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

    private static void shortenVisibility(LocalStack stack) {
        for (String queue : List.of("TriggerQueue", "StepQueue")) {
            stack.clients().sqs().setQueueAttributes(b -> b.queueUrl(stack.resources().queueUrl(queue))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS))));
        }
    }

    /** The tenant and the reference workflow, through the API as an admin would create them. */
    private static void prepareTenant(LocalStack stack) {
        Map<String, String> headers = Map.of("content-type", "application/json",
                "authorization", "Bearer " + DevTokens.issue(TENANT, "admin"));
        expect(stack.call("POST", "/tenants", headers,
                "{\"id\":\"" + TENANT + "\",\"name\":\"Load\",\"timezone\":\"Europe/Paris\"}"), 201);
        expect(stack.call("PUT", "/workflows/" + WORKFLOW, headers, ReferenceWorkflow.json()), 200);
    }

    private static void expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("the API answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    /** The checkout's template, from the module's directory or the checkout's. */
    private static Path template() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
