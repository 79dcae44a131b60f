package io.crmflow.bench.load;

import io.crmflow.bench.Figure;
import io.crmflow.bench.Instrument;
import io.crmflow.bench.Size;
import io.crmflow.engine.EnrollmentStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load and faults on the local stack: 100,000 events for 20,000 contacts through the real
 * handlers, two consumers per queue, with messages redelivered, invocations failed after their
 * work and a consumer process killed mid-batch ({@link LoadRun}); reports throughput and the
 * latency to the first action, and checks that the faults cost nothing — no email twice, no
 * record enrolled twice, no enrollment stuck, every poison message parked with its reason.
 */
public final class LoadInstrument implements Instrument {
    static final String NAME = "load";
    private final Path workDir;
    private final PrintStream progress;

    public LoadInstrument() {
        this(Path.of("target", "load"), System.out);
    }

    LoadInstrument(Path workDir, PrintStream progress) {
        this.workDir = workDir;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        return figures(measure(LoadShape.of(size)));
    }

    LoadResult measure(LoadShape shape) throws Exception {
        return new LoadRun(shape, workDir, progress).run();
    }

    static List<Figure> figures(LoadResult r) {
        EnrollmentAudit e = r.enrollments();
        List<Figure> out = new ArrayList<>();
        out.add(context("events per second, first put to all queues drained", String.format(Locale.ROOT,
                "%.1f (%,d events in %s)", r.eventsPerSecond(), r.events(), seconds(r.load()))));
        if (r.events() < r.planned()) {
            out.add(context("events made within the time box", String.format(Locale.ROOT,
                    "%,d of %,d in %s; all of them would take about %s at this rate", r.events(), r.planned(),
                    minutes(r.shape().makingBudget()), minutes(Duration.ofSeconds((long) (r.planned()
                            / r.eventsPerSecond()))))));
        }
        String held = " (at most " + LoadRun.BACKLOG_BOUND + " messages left waiting)";
        out.add(context("event-to-first-action latency p50" + held, seconds(r.latency(0.50))));
        out.add(context("event-to-first-action latency p99" + held, seconds(r.latency(0.99))));
        out.add(context("first actions the timer's watchdog had to send again (their step message died with "
                + "the killed process; production latency of such a step: " + minutes(LoadRun.WATCHDOG) + " and up)",
                Long.toString(r.recoveredByWatchdog())));
        out.add(context("faults made", String.format(Locale.ROOT,
                "%,d of %,d messages redelivered (%.1f%%), %,d invocations failed after their work, "
                        + "%d consumer process kill(s)", r.redelivered(), r.received(),
                100.0 * r.redelivered() / Math.max(1, r.received()), r.failedAfter(), r.kills().size())));
        out.add(against("trigger consumer process killed mid-batch (SIGKILL, then replaced)", r.kills().stream()
                .filter(ChildConsumer.Kill::midBatch).findFirst()
                .map(k -> "yes: batch of " + k.batchSize() + " after " + k.writesBefore() + " table writes")
                .orElse("no"), "yes", r.killedMidBatch()));
        out.add(context("enrollments", String.format(Locale.ROOT,
                "%,d: %,d completed, %,d waiting, %,d failed; %,d emails; timers run over %d day(s) in %s",
                e.enrollments(), e.count(EnrollmentStatus.COMPLETED), e.count(EnrollmentStatus.WAITING)
                        + e.count(EnrollmentStatus.AWAITING_EVENT), e.count(EnrollmentStatus.FAILED), r.mail().sent(),
                r.timerDays(), seconds(r.timers()))));
        out.add(against("emails sent twice (per enrollment step / per recipient)",
                r.mail().twiceByStep() + " / " + r.mail().twiceByRecipient(), "0",
                r.mail().twiceByStep() == 0 && r.mail().twiceByRecipient() == 0));
        out.add(against("records enrolled twice in the workflow", Integer.toString(e.enrolledTwice()), "0",
                e.enrolledTwice() == 0));
        out.add(against("enrollments stuck (neither terminal nor waiting) after draining and due timers",
                Integer.toString(e.stuck()), "0", e.stuck() == 0));
        out.add(against("poison messages in their dead-letter queue with a reason",
                r.deadLetters().parkedWithReason().size() + " of " + r.poisons(), "all",
                r.deadLetters().missing().isEmpty() && r.deadLetters().parkedWithReason().size() == r.poisons()));
        out.add(against("valid messages dead-lettered", Integer.toString(r.deadLetters().others().size()), "0",
                r.deadLetters().others().isEmpty()));
        out.add(against("contacts meeting the trigger never enrolled / never mailed",
                r.notEnrolled() + " / " + r.unmailed(), "0", r.notEnrolled() == 0 && r.unmailed() == 0));
        return out;
    }

    private static Figure context(String measure, String value) {
        return Figure.context(NAME, measure, value);
    }

    private static Figure against(String measure, String value, String target, boolean met) {
        return Figure.against(NAME, measure, value, target, met);
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f min", d.toMillis() / 60_000.0);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
