package io.crmflow.bench.flowable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Wall-clock time and the calling thread's CPU time since it started. Both engines run on the one
 * calling thread, so its CPU time is the work itself — what other processes on a shared machine
 * take from the wall clock does not count — while the JIT's and the collector's threads are left
 * out of it. Not thread-safe: read it on the thread that started it.
 */
final class Stopwatch {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long wallStart = System.nanoTime();
    private final long cpuStart = THREADS.getCurrentThreadCpuTime();

    static Stopwatch start() {
        return new Stopwatch();
    }

    /** The time so far: wall clock, and this thread's CPU. */
    Contender.Took took() {
        return new Contender.Took(Duration.ofNanos(System.nanoTime() - wallStart),
                Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuStart));
    }
}
