package io.crmflow.bench.load;

/**
 * Holds the producers back while the work queues hold more than a bound of waiting messages:
 * below it, a consumer mostly finds several messages when it asks, and an event waits behind at
 * most that many others, so its latency is the stack's and not the length of a queue that a
 * burst of 100,000 events would build. Thread-safe; reads the queues at most every
 * {@value #READ_EVERY_MILLIS} ms, however many producers ask.
 */
final class Backlog {
    private static final long READ_EVERY_MILLIS = 100;
    private static final long WAIT_MILLIS = 20;
    private final QueueDepths depths;
    private final long bound;
    private long waiting;
    private long readAt;

    Backlog(QueueDepths depths, long bound) {
        this.depths = depths;
        this.bound = bound;
    }

    void awaitRoom() throws InterruptedException {
        while (current() >= bound) {
            Thread.sleep(WAIT_MILLIS);
        }
    }

    private synchronized long current() {
        long now = System.currentTimeMillis();
        if (now - readAt >= READ_EVERY_MILLIS) {
            waiting = depths.visible();
            readAt = now;
        }
        return waiting;
    }
}
