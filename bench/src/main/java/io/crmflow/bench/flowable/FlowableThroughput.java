package io.crmflow.bench.flowable;

import io.crmflow.bench.Figure;
import io.crmflow.bench.Instrument;
import io.crmflow.bench.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Engine throughput against Flowable: the reference workflow for the same contacts on crmflow
 * (in-memory ports) and on Flowable 7 (in-memory H2), in this JVM, each warmed up on a smaller
 * batch first; completed enrollments per second for each, and their ratio. Every run is checked
 * before it counts: all enrollments completed, each contact titled by its branch, given one task
 * and sent one email. Stateless.
 */
public final class FlowableThroughput implements Instrument {
    static final String NAME = "flowable";
    /** What the issue asks of crmflow: at least this many times Flowable's enrollments per second. */
    static final double TARGET_RATIO = 5.0;

    /** How many contacts a size warms up on and then measures. */
    record Batches(int warmUp, int measured) {
        static Batches of(Size size) {
            return size == Size.FULL ? new Batches(1_000, 10_000) : new Batches(50, 200);
        }
    }

    /** Both contenders' measured runs, crmflow's first. */
    record Outcome(Contender.Run crmflow, Contender.Run flowable) {
        double ratio() {
            return crmflow.perSecond() / flowable.perSecond();
        }

        /** The ratio by the running thread's CPU time: what a busy shared machine disturbs least. */
        double cpuRatio() {
            return flowable.cpuMillisEach() / crmflow.cpuMillisEach();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        Batches batches = Batches.of(size);
        return figures(measure(batches), batches);
    }

    static Outcome measure(Batches batches) throws Exception {
        Contender crmflow = new CrmflowContender();
        Contender flowable = new FlowableContender();
        // Both warm up before either is measured, so neither is timed while the other's garbage is fresh.
        checked(crmflow, Contact.batch("warm", batches.warmUp()));
        checked(flowable, Contact.batch("warm", batches.warmUp()));
        List<Contact> contacts = Contact.batch("contact", batches.measured());
        System.gc(); // a hint: start each measured run on a heap the warm-ups have left behind
        Contender.Run crmflowRun = checked(crmflow, contacts);
        System.gc();
        Contender.Run flowableRun = checked(flowable, contacts);
        return new Outcome(crmflowRun, flowableRun);
    }

    /** Runs and refuses a run that did not do the whole workflow for every contact. */
    static Contender.Run checked(Contender contender, List<Contact> contacts) throws Exception {
        Contender.Run run = contender.run(contacts);
        List<String> problems = run.tally().problems(contacts.size());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(contender.name() + " did not run the reference workflow for all "
                    + contacts.size() + " contacts: " + String.join("; ", problems));
        }
        return run;
    }

    static List<Figure> figures(Outcome outcome, Batches batches) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against(NAME, String.format(Locale.ROOT,
                        "completed enrollments per second, crmflow / Flowable 7 (%,d contacts)", batches.measured()),
                String.format(Locale.ROOT, "%.1f×", outcome.ratio()),
                String.format(Locale.ROOT, "≥ %.0f×", TARGET_RATIO), outcome.ratio() >= TARGET_RATIO));
        figures.add(context("crmflow, in-memory ports", outcome.crmflow()));
        figures.add(context("Flowable 7, in-memory H2, history 'activity'", outcome.flowable()));
        figures.add(Figure.context(NAME, "the same ratio by CPU time of the running thread",
                String.format(Locale.ROOT, "%.1f×", outcome.cpuRatio())));
        return figures;
    }

    private static Figure context(String who, Contender.Run run) {
        return Figure.context(NAME, who + ": completed enrollments per second",
                String.format(Locale.ROOT, "%,.0f /s (%.3f ms each, %.3f ms of CPU; %,d in %.2f s)", run.perSecond(),
                        run.millisEach(), run.cpuMillisEach(), run.tally().completed(),
                        run.took().wall().toNanos() / 1e9));
    }
}
