package io.crmflow.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * What one load run measured and found. Immutable.
 *
 * @param events         events made, within the time box
 * @param planned        events planned
 * @param load           from the first event made to every queue empty
 * @param timers         from moving the clock past the wait to nothing due
 * @param timerDays      the days the clock moved for the timers
 * @param latencies      from each enrolling change to its enrollment's first action, sorted
 * @param poisons        poison messages planted (all of them, unless the time box cut the run short)
 * @param notEnrolled    contacts whose change to meet the trigger was made, never enrolled
 * @param unmailed       contacts whose change to meet the trigger was made, never mailed
 * @param kills          the kills of the trigger queue's consumer process, in order
 * @param received       messages the consumers received, in invocations that handled any
 * @param redelivered    messages redelivered on purpose
 * @param failedAfter    invocations failed on purpose after their work
 * @param putRetries     changes made again after the API refused them for a concurrent change
 */
record LoadResult(LoadShape shape, int events, int planned, Duration load, Duration timers, int timerDays,
                  List<Duration> latencies,
                  EnrollmentAudit enrollments, MailAudit mail, DeadLetterAudit deadLetters, int poisons,
                  int notEnrolled, int unmailed, List<ChildConsumer.Kill> kills, long received, long redelivered,
                  long failedAfter, long putRetries) {
    LoadResult {
        latencies = List.copyOf(latencies);
        kills = List.copyOf(kills);
    }

    double eventsPerSecond() {
        return events / (load.toMillis() / 1000.0);
    }

    /** The nearest-rank percentile of the latencies, {@code p} in (0, 1]; zero if there are none. */
    Duration latency(double p) {
        if (latencies.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p * latencies.size());
        return latencies.get(Math.max(0, rank - 1));
    }

    /** First actions that ran only once the timer's watchdog sent their step again: its message was lost. */
    long recoveredByWatchdog() {
        return latencies.stream().filter(d -> d.compareTo(LoadRun.WATCHDOG) >= 0).count();
    }

    boolean killedMidBatch() {
        return kills.stream().anyMatch(ChildConsumer.Kill::midBatch);
    }
}
