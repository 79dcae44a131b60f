package io.crmflow.bench.load;

import io.crmflow.local.DeliveryFaults;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Redelivers a share of the messages handled and fails a share of the invocations after their
 * work, at random from a seed, counting what it did. Thread-safe: draws are made under a lock,
 * which costs nothing beside a queue round trip.
 */
final class RandomFaults implements DeliveryFaults {
    private final SplittableRandom random;
    private final double redeliverShare;
    private final double failAfterShare;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final AtomicLong failedAfterHandling = new AtomicLong();

    RandomFaults(long seed, double redeliverShare, double failAfterShare) {
        this.random = new SplittableRandom(seed);
        this.redeliverShare = redeliverShare;
        this.failAfterShare = failAfterShare;
    }

    @Override
    public boolean failsAfterHandling(List<Message> batch) {
        handled.addAndGet(batch.size());
        boolean fails = draw() < failAfterShare;
        if (fails) {
            failedAfterHandling.incrementAndGet();
        }
        return fails;
    }

    @Override
    public boolean redelivers(Message handled) {
        boolean again = draw() < redeliverShare;
        if (again) {
            redelivered.incrementAndGet();
        }
        return again;
    }

    /** Messages received in invocations whose function handled at least one of them. */
    long handled() {
        return handled.get();
    }

    long redelivered() {
        return redelivered.get();
    }

    long failedAfterHandling() {
        return failedAfterHandling.get();
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
