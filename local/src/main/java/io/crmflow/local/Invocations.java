package io.crmflow.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The stack's function invocations: which function the calling thread is running (so that a
 * request its SDK clients make can be put down to it, {@link RequestCounts}), and — while
 * someone records — how many invocations each function had and how long they took, the two
 * things Lambda bills. An invocation is one call of a handler: one batch of queue messages,
 * one tick of a schedule, one HTTP request. Thread-safe; while nobody records it costs a
 * thread-local per invocation.
 */
public final class Invocations {
    /** One function's invocations while recording, and their wall time summed. */
    public record Tally(String function, long invocations, Duration duration) {
    }

    /** The invocations made while it is open. Close it to stop recording. */
    public final class Recording implements AutoCloseable {
        private final Map<String, LongAdder[]> byFunction = new ConcurrentHashMap<>();

        private void add(String function, long nanos) {
            LongAdder[] counts = byFunction.computeIfAbsent(function, f -> new LongAdder[] {new LongAdder(), new LongAdder()});
            counts[0].increment();
            counts[1].add(nanos);
        }

        /** Each function invoked so far, in no particular order. */
        public List<Tally> tallies() {
            return byFunction.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0].sum(),
                    Duration.ofNanos(e.getValue()[1].sum()))).toList();
        }

        @Override
        public void close() {
            recordings.remove(this);
        }
    }

    private final ThreadLocal<String> running = new ThreadLocal<>();
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();

    public Recording record() {
        Recording recording = new Recording();
        recordings.add(recording);
        return recording;
    }

    /** Runs one invocation of {@code function} on this thread, timed while someone records. */
    <T> T invoke(String function, Supplier<T> call) {
        String outer = running.get();
        running.set(function);
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            long took = System.nanoTime() - started;
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer); // an invocation made inside another hands the thread back to it
            }
            for (Recording recording : recordings) {
                recording.add(function, took);
            }
        }
    }

    /** The function this thread is running; empty outside any (a queue poller, a test's own calls). */
    public Optional<String> running() {
        return Optional.ofNullable(running.get());
    }
}
