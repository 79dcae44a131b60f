package io.crmflow.simulate;

import io.crmflow.engine.TenantSchemas;
import java.io.BufferedReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backtesting (docs/simulate.md): runs a workflow or a journey over a file of records and
 * timestamped events on the engine itself, in memory, with the clock moved through the events,
 * and reports what it would have done — without sending anything. Given two versions, runs both
 * over the same events and reports the difference. Thread-safe: every run has a world of its own.
 */
public final class Simulator {
    private Simulator() {
    }

    /**
     * @param horizon    how long the clock runs on after the last event, so that waits started near the end finish
     * @param timelineOf the ids of the records whose whole history the report is to show
     */
    public record Options(Duration horizon, Set<String> timelineOf) {
        public static final Options DEFAULTS = new Options(Duration.ofDays(30), Set.of());

        public Options {
            Objects.requireNonNull(horizon, "horizon");
            if (horizon.isNegative()) {
                throw new IllegalArgumentException("the horizon runs forward from the last event; got " + horizon);
            }
            timelineOf = timelineOf == null ? Set.of() : Set.copyOf(timelineOf);
        }
    }

    /**
     * Reads an events file against the setup's object types and lists.
     *
     * @throws SimulationInputException when the setup itself would be refused
     * @throws EventFileException       with every problem of every line
     */
    public static List<InputEvent> readEvents(SimulationSetup setup, BufferedReader events) {
        SimulatedWorld schemaOnly = new SimulatedWorld(Instant.EPOCH);
        WorldSetup.load(schemaOnly, setup);
        return EventFile.read(events, new TenantSchemas(schemaOnly.store, SimulatedWorld.TENANT));
    }

    /**
     * Whether the API would take the setup and the subject, as a run about to start at {@code at}
     * would check them — without running anything: a tool comparing two versions says which of
     * them is refused.
     *
     * @throws SimulationInputException with every problem, in the setup or in the subject
     */
    public static void check(SimulationSetup setup, Subject subject, Instant at) {
        SimulatedWorld world = new SimulatedWorld(at);
        WorldSetup.load(world, setup);
        WorldSetup.load(world, subject);
    }

    /** @throws SimulationInputException when the setup or the subject would be refused by the API */
    public static SimulationReport run(SimulationSetup setup, Subject subject, List<InputEvent> events,
                                       Options options) {
        return Simulation.run(setup, subject, events, options);
    }

    /**
     * Runs {@code before} (the live version, say) and {@code after} (a draft) over the same events,
     * side by side on two threads, and reports what differs.
     */
    public static SimulationDiff compare(SimulationSetup setup, Subject before, Subject after, List<InputEvent> events,
                                         Options options) {
        ExecutorService runs = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "simulation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<SimulationReport> first = runs.submit(() -> run(setup, before, events, options));
            Future<SimulationReport> second = runs.submit(() -> run(setup, after, events, options));
            return SimulationDiff.between(result(first), result(second));
        } finally {
            runs.shutdownNow();
        }
    }

    private static SimulationReport result(Future<SimulationReport> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
