package io.crmflow.bench;

import io.crmflow.bench.coldstart.ColdStartInstrument;
import io.crmflow.bench.cost.CostInstrument;
import io.crmflow.bench.flowable.FlowableThroughput;
import io.crmflow.bench.load.LoadInstrument;
import io.crmflow.bench.matching.MatchingInstrument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the instruments and prints one results table, also written to
 * {@code bench/target/results.md}.
 *
 * <pre>BenchMain [--size small|full] [--only name,name]</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Every instrument, in the order the table lists them. */
    static List<Instrument> instruments() {
        return List.of(new MatchingInstrument(), new FlowableThroughput(), new CostInstrument(), new ColdStartInstrument(),
                new LoadInstrument());
    }

    public static void main(String[] args) throws Exception {
        Size size = Size.FULL;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Size.parse(value(args, ++i, "--size"));
                case "--only" -> only = Arrays.asList(value(args, ++i, "--only").split(","));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: BenchMain [--size small|full] [--only name,name]");
            }
        }
        Map<String, Instrument> chosen = new LinkedHashMap<>();
        instruments().forEach(instrument -> chosen.put(instrument.name(), instrument));
        if (!only.isEmpty()) {
            chosen.keySet().retainAll(only);
            List<String> unknown = only.stream().filter(name -> !chosen.containsKey(name)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("no instrument named " + unknown + "; there are "
                        + instruments().stream().map(Instrument::name).toList());
            }
        }
        List<Figure> figures = new ArrayList<>();
        Instant start = Instant.now();
        for (Instrument instrument : chosen.values()) {
            Instant began = Instant.now();
            System.out.println("== " + instrument.name() + " (" + size.name().toLowerCase() + ")");
            figures.addAll(instrument.run(size));
            System.out.println("   took " + seconds(Duration.between(began, Instant.now())));
        }
        String report = "Measured " + Instant.now() + " on " + Machine.describe() + ", size "
                + size.name().toLowerCase() + ", in " + seconds(Duration.between(start, Instant.now())) + ".\n\n"
                + ResultsTable.markdown(figures);
        System.out.println();
        System.out.println(report);
        Path out = Path.of("target", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String value(String[] args, int at, String option) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[at];
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
