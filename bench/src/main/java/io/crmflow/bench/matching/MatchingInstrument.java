package io.crmflow.bench.matching;

import io.crmflow.bench.Figure;
import io.crmflow.bench.Instrument;
import io.crmflow.bench.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Trigger matching (JMH): what finding and evaluating the workflows a property-change event
 * enrolls a contact in costs with 10, 1,000 and 10,000 active workflows, through the trigger
 * index and by the loop over every workflow it replaced, and what keeping the index and reading
 * the workflows it is built from cost beside it. Full size forks one JVM per measurement; small
 * size runs in this JVM, briefly, at 10 and 1,000 workflows, to show the instrument works.
 */
public final class MatchingInstrument implements Instrument {
    static final String NAME = "trigger matching";
    private static final int FEWEST = 10;

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public List<Figure> run(Size size) throws RunnerException {
        List<Integer> sizes = size == Size.FULL ? List.of(10, 1000, 10000) : List.of(10, 1000);
        List<MatchingFacts> facts = sizes.stream().map(MatchingFacts::of).toList();
        for (MatchingFacts f : facts) {
            if (!f.sameEnrollments()) {
                throw new IllegalStateException("at " + f.workflows() + " workflows the index enrolled "
                        + f.enrolledThroughIndex() + " but every workflow's evaluation enrolled "
                        + f.enrolledByEveryWorkflow());
            }
        }
        Timings timings = new Timings();
        timings.add(new Runner(options(size, MatchingBenchmark.class, sizes).build()).run());
        timings.add(new Runner(options(size, TriggerReadBenchmark.class, sizes.subList(sizes.size() - 1, sizes.size()))
                .build()).run());
        return figures(sizes, facts, timings);
    }

    private static ChainedOptionsBuilder options(Size size, Class<?> benchmarks, List<Integer> sizes) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(benchmarks.getName()) + "\\..*")
                .param(MatchingBenchmark.WORKFLOWS, sizes.stream().map(String::valueOf).toArray(String[]::new))
                .shouldFailOnError(true);
        if (size == Size.FULL) {
            // 3 × 3 matching runs and 2 read runs, each a JVM of its own and 4 + 5 one-second
            // iterations: about two minutes. Matching runs much code (filters, dates, texts), which
            // the JIT takes seconds to compile on a busy machine: hence the long warm-up.
            return options.forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1)).verbosity(VerboseMode.NORMAL);
        }
        return options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200)).verbosity(VerboseMode.SILENT);
    }

    private static List<Figure> figures(List<Integer> sizes, List<MatchingFacts> facts, Timings t) {
        int most = sizes.get(sizes.size() - 1);
        String at = count(most) + " workflows";
        List<Figure> figures = new ArrayList<>();
        for (int n : sizes) {
            figures.add(Figure.context(NAME, "through the index: per event, " + count(n) + " workflows",
                    nanos(t.of("indexed", n))));
        }
        for (int n : sizes) {
            figures.add(Figure.context(NAME, "every workflow's trigger (no index): per event, " + count(n)
                    + " workflows", nanos(t.of("everyWorkflow", n))));
        }
        double growth = t.of("indexed", most) / t.of("indexed", FEWEST);
        figures.add(Figure.against(NAME, "through the index: cost at " + at + " / cost at " + FEWEST,
                times(growth), "≤ 2×", growth <= 2));
        double saving = t.of("everyWorkflow", most) / t.of("indexed", most);
        figures.add(Figure.against(NAME, "every workflow's trigger / through the index, at " + at, times(saving),
                "≥ 100×", saving >= 100));
        figures.add(Figure.context(NAME, "workflows evaluated per event through the index, at "
                + joined(sizes, MatchingInstrument::count), joined(facts, f -> String.valueOf(f.candidates()))));
        figures.add(Figure.context(NAME, "of them evaluated on every event (a group without keys), at " + at,
                String.valueOf(facts.get(facts.size() - 1).evaluatedAlways())));
        figures.add(Figure.context(NAME, "enrollments per event, through the index = every workflow's, at "
                + joined(sizes, MatchingInstrument::count),
                joined(facts, f -> f.enrolledThroughIndex().size() + " = " + f.enrolledByEveryWorkflow().size())));
        figures.add(Figure.context(NAME, "checking the kept index fits the workflows read: per event, at " + at,
                nanos(t.of("cachedIndexFits", most))));
        double withCheck = (t.of("indexed", most) + t.of("cachedIndexFits", most))
                / (t.of("indexed", FEWEST) + t.of("cachedIndexFits", FEWEST));
        figures.add(Figure.context(NAME, "through the index with that check: cost at " + at + " / cost at " + FEWEST,
                times(withCheck)));
        figures.add(Figure.context(NAME, "building the index (once, and after a save), at " + at,
                millis(t.of("build", most))));
        figures.add(Figure.context(NAME, "decoding the trigger partition read for each event, at " + at,
                millis(t.of("decodePartition", most))));
        long bytes = TriggerPartition.bytes(new MatchingWorkload(most).workflows());
        figures.add(Figure.context(NAME, "trigger partition read for each event, at " + at, String.format(Locale.ROOT,
                "%.1f MB: %d Query pages, %,d read units (strongly consistent)", bytes / 1e6,
                TriggerPartition.pages(bytes), TriggerPartition.readUnits(bytes))));
        return figures;
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String nanos(double ns) {
        return String.format(Locale.ROOT, "%,d ns", Math.round(ns));
    }

    private static String millis(double ns) {
        return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.2f×" : "%,.0f×", ratio);
    }

    private static <T> String joined(List<T> items, java.util.function.Function<T, String> text) {
        return items.stream().map(text).collect(Collectors.joining(" / "));
    }

    /** The mean nanoseconds per operation of each benchmark at each number of workflows. */
    private static final class Timings {
        private final Map<String, Double> nanos = new HashMap<>();

        void add(Collection<RunResult> results) {
            for (RunResult result : results) {
                String benchmark = result.getParams().getBenchmark();
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                nanos.put(method + "@" + result.getParams().getParam(MatchingBenchmark.WORKFLOWS),
                        result.getPrimaryResult().getScore());
            }
        }

        double of(String benchmark, int workflows) {
            Double found = nanos.get(benchmark + "@" + workflows);
            if (found == null) {
                throw new IllegalStateException("JMH gave no result for " + benchmark + " at " + workflows
                        + " workflows; it gave " + nanos.keySet());
            }
            return found;
        }
    }
}
