package io.crmflow.simulate;

import io.crmflow.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole-process measurement of docs/simulate.md, not a test: writes a seeded sample
 * ({@link SampleEvents}) to a folder as the four files a simulation reads, then reads them back and
 * runs the sample's workflow and the documented journey over the events, printing how long each
 * part took and what came of it. Arguments: contacts, events, seed, folder.
 */
public final class SimulationMeasurement {
    private SimulationMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path folder = Path.of(args.length > 3 ? args[3] : "target/simulation-sample");
        long began = System.nanoTime();

        Files.createDirectories(folder);
        Files.writeString(folder.resolve("setup.json"), SampleEvents.SETUP);
        Files.writeString(folder.resolve("workflow.json"), SampleEvents.WORKFLOW);
        Files.writeString(folder.resolve("journey.json"), SampleEvents.journey());
        Files.write(folder.resolve("events.jsonl"), SampleEvents.lines(contacts, events, seed, "sample",
                SampleEvents.START));
        report("sample written to " + folder, began);

        long reading = System.nanoTime();
        cpuAtLastReport = cpuNanos();
        SimulationSetup setup = SimulationSetup.read(Files.readString(folder.resolve("setup.json")));
        List<InputEvent> read;
        try (BufferedReader lines = Files.newBufferedReader(folder.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
            read = Simulator.readEvents(setup, lines);
        }
        report(read.size() + " events read", reading);

        run("workflow", setup, Subject.workflow(Files.readString(folder.resolve("workflow.json"))), read, folder);
        run("journey", setup, Subject.journey(Files.readString(folder.resolve("journey.json"))), read, folder);
        System.out.printf("%d cores, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static void run(String what, SimulationSetup setup, Subject subject, List<InputEvent> events, Path folder)
            throws IOException {
        long began = System.nanoTime();
        cpuAtLastReport = cpuNanos();
        SimulationReport report = Simulator.run(setup, subject, events, Simulator.Options.DEFAULTS);
        Files.writeString(folder.resolve(what + "-report.json"), Json.write(report));
        report(what + ": " + report.counts() + ", " + report.emails().size() + " emails, " + report.texts().size()
                + " texts, " + report.refused().size() + " refused, " + report.failures().size() + " failures", began);
    }

    private static long cpuAtLastReport = cpuNanos();

    /** Wall time since {@code since}, and the CPU time this process used since the last report: on a busy machine they part. */
    private static void report(String what, long since) {
        long cpu = cpuNanos();
        System.out.printf("%6.1f s  (%5.1f s of CPU)  %s%n", (System.nanoTime() - since) / 1e9,
                (cpu - cpuAtLastReport) / 1e9, what);
        cpuAtLastReport = cpu;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
