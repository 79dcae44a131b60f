package io.crmflow.bench.flowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One engine running the reference workflow: enrolls the contacts, moves its clock one day on,
 * and runs what falls due until every enrollment has completed. Each run starts from an empty
 * store, so a warm-up run leaves nothing behind but a warm JVM.
 */
interface Contender {
    /** When every run's day begins: both engines start their clocks here. */
    Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** The reference workflow's delay. */
    Duration DELAY = Duration.ofDays(1);

    /** Its name in the results table. */
    String name();

    Run run(List<Contact> contacts) throws Exception;

    /**
     * From the first contact's enrollment to the last one's completion, the day's jump and the
     * timers it sets off included; setting up and counting left out.
     *
     * @param wall the wall clock's time
     * @param cpu  the CPU time of the thread that ran it
     */
    record Took(Duration wall, Duration cpu) {
    }

    record Run(int contacts, Took took, Tally tally) {
        /** Completed enrollments per second of wall-clock time. */
        double perSecond() {
            return tally.completed() / (took.wall().toNanos() / 1e9);
        }

        /** Wall-clock milliseconds per completed enrollment. */
        double millisEach() {
            return took.wall().toNanos() / 1e6 / tally.completed();
        }

        /** Milliseconds of the running thread's CPU per completed enrollment. */
        double cpuMillisEach() {
            return took.cpu().toNanos() / 1e6 / tally.completed();
        }
    }
}
