package io.crmflow.engine;

import io.crmflow.testing.ReadingClock;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Tenant;
import io.crmflow.outbound.EmailThrottledException;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine on {@link FaultyPorts} with a clock the test moves, delivering events and step
 * messages the way SQS may at its worst: some twice — right after the first copy, later in the
 * queue, after the clock has moved, or at the same moment on two threads — and some out of order.
 * A failed message comes back once its visibility timeout has passed, until its fifth receive,
 * after which it is dead-lettered (and, for a step, counted against it as the step handler does).
 *
 * <p>Everything random comes from one seed. The test thread drives it; two pool threads run the
 * concurrent copies while the test thread waits for both. How those two interleave is the one
 * thing the seed does not decide, and what follows shifts with it; {@code sequential} runs them
 * one after the other instead, so that a run is repeated exactly. Close it to stop the pool.
 */
final class FaultyEngineHarness implements AutoCloseable {
    static final Instant START = EngineHarness.START;
    /** The queues' redrive policy: the fifth failed receive dead-letters a message. */
    static final int MAX_RECEIVES = 5;
    /** The queues' visibility timeout: how long a failed message stays away before it is received again. */
    static final java.time.Duration VISIBILITY_TIMEOUT = java.time.Duration.ofMinutes(3);
    private static final int OUT_OF_ORDER_REACH = 32;
    private static final int MAX_DELIVERIES_PER_PUMP = 200_000;

    /** How often a delivery is duplicated, each way, and how often a later message overtakes the head. */
    record Rates(double copyConcurrently, double copyRightAfter, double copyLater, double copyAfterClockMove,
                 double outOfOrder) {
    }

    /** The ways a message is delivered twice. */
    enum Duplicate {
        AT_ONCE_ON_TWO_THREADS("copies delivered at the same moment on two threads"),
        RIGHT_AFTER("copies delivered right after the first"),
        LATER("copies delivered later, behind other messages"),
        AFTER_CLOCK_MOVE("copies delivered after the clock moved");

        final String what;

        Duplicate(String what) {
            this.what = what;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private record Delivery(Object message, int receives) {
    }

    private record Invisible(Delivery delivery, Instant until) {
    }

    private record Outcome(Delivery delivery, List<Object> sentOn, RuntimeException failure) {
    }

    final long seed;
    final InMemoryStore store = new InMemoryStore();
    final FaultyPorts faults;
    final Engine engine;
    /** Handler failures that no injected fault explains: each one is a finding. */
    final List<String> unexpectedFailures = new ArrayList<>();
    final List<Object> deadLettered = new ArrayList<>();
    final Map<Duplicate, Integer> duplicates = new java.util.EnumMap<>(Duplicate.class);
    private final Rates rates;
    private final Random dice;
    private final List<Delivery> queue = new ArrayList<>();
    private final List<Delivery> afterClockMove = new ArrayList<>();
    private final List<Invisible> invisible = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final boolean sequential;
    private volatile Instant now = START;

    /** @param sequential run the copies meant to run at the same moment one after the other, for an exact replay */
    FaultyEngineHarness(long seed, Rates rates, FaultyPorts.Rates portRates, boolean sequential) {
        this.seed = seed;
        this.rates = rates;
        this.sequential = sequential;
        this.dice = new Random(seed);
        this.faults = new FaultyPorts(store, portRates, new Random(dice.nextLong()),
                message -> queue.add(new Delivery(message, 0)));
        this.engine = Engine.create(faults.ports(), new ReadingClock(() -> now), EngineSettings.DEFAULTS);
    }

    FaultyEngineHarness withTenant(String id) {
        engine.definitions().createTenant(new Tenant(id, id, ZoneId.of("Europe/Paris")));
        return this;
    }

    Instant now() {
        return now;
    }

    Random dice() {
        return dice;
    }

    /** Moves the clock to {@code to} without running the timer, as an API call at that moment would see it. */
    void setClock(Instant to) {
        if (to.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward: " + to + " is before " + now);
        }
        now = to;
    }

    /**
     * Moves the clock, lets loose the copies held back for it and the failed messages visible
     * again, runs the timer and delivers until nothing is left.
     */
    void advanceTo(Instant to) {
        setClock(to);
        afterClockMove.forEach(d -> queue.add(dice.nextInt(queue.size() + 1), d));
        afterClockMove.clear();
        for (var it = invisible.iterator(); it.hasNext(); ) {
            Invisible i = it.next();
            if (!i.until().isAfter(now)) {
                queue.add(dice.nextInt(queue.size() + 1), i.delivery());
                it.remove();
            }
        }
        engine.sweeper().sweep(now);
        pump();
    }

    /** Whether no message is queued, held back or invisible, and no event waits in the outbox. */
    boolean quiet() {
        return queue.isEmpty() && afterClockMove.isEmpty() && invisible.isEmpty()
                && store.dueEvents(now.plus(java.time.Duration.ofDays(365)), 1).isEmpty();
    }

    /** Delivers queued messages, with duplicates, reordering and retries, until none is left. */
    void pump() {
        for (int n = 0; !queue.isEmpty(); n++) {
            if (n == MAX_DELIVERIES_PER_PUMP) {
                throw new IllegalStateException("seed " + seed + ": messages still coming after " + n
                        + " deliveries at " + now + "; something sends without end");
            }
            boolean overtaken = dice.nextDouble() < rates.outOfOrder();
            Delivery d = queue.remove(overtaken ? dice.nextInt(Math.min(queue.size(), OUT_OF_ORDER_REACH)) : 0);
            Delivery copy = new Delivery(d.message(), 0); // a duplicate is a receive of its own
            double r = dice.nextDouble();
            if ((r -= rates.copyConcurrently()) < 0) {
                tally(Duplicate.AT_ONCE_ON_TWO_THREADS);
                concurrently(d, copy);
                continue;
            }
            settle(attempt(d, dice.nextLong()));
            if ((r -= rates.copyRightAfter()) < 0) {
                tally(Duplicate.RIGHT_AFTER);
                settle(attempt(copy, dice.nextLong()));
            } else if ((r -= rates.copyLater()) < 0) {
                tally(Duplicate.LATER);
                queue.add(dice.nextInt(queue.size() + 1), copy);
            } else if ((r -= rates.copyAfterClockMove()) < 0) {
                tally(Duplicate.AFTER_CLOCK_MOVE);
                afterClockMove.add(copy);
            }
        }
    }

    private void concurrently(Delivery first, Delivery second) {
        long firstDice = dice.nextLong();
        long secondDice = dice.nextLong();
        if (sequential) {
            settle(attempt(first, firstDice));
            settle(attempt(second, secondDice));
            return;
        }
        CountDownLatch go = new CountDownLatch(1);
        Future<Outcome> a = pool.submit(() -> {
            go.await();
            return attempt(first, firstDice);
        });
        Future<Outcome> b = pool.submit(() -> {
            go.await();
            return attempt(second, secondDice);
        });
        go.countDown();
        settle(join(a));
        settle(join(b));
    }

    private Outcome attempt(Delivery d, long diceSeed) {
        var attempt = new FaultyPorts.Attempt(diceSeed);
        try {
            faults.within(attempt, () -> {
                if (d.message() instanceof CrmEvent event) {
                    engine.trigger().onEvent(event, now);
                } else {
                    engine.step().run((StepMessage) d.message(), now);
                }
            });
            return new Outcome(d, attempt.sentOn, null);
        } catch (RuntimeException e) {
            return new Outcome(d, attempt.sentOn, e);
        }
    }

    /** What a message's handling sent on is queued; a failed message comes back later, or is dead-lettered. */
    private void settle(Outcome o) {
        o.sentOn().forEach(m -> queue.add(new Delivery(m, 0)));
        RuntimeException failure = o.failure();
        if (failure == null) {
            return;
        }
        Delivery d = o.delivery();
        if (!injected(failure)) {
            unexpectedFailures.add(describe(d.message()) + " at " + now + ": " + failure);
        }
        if (d.receives() + 1 < MAX_RECEIVES) {
            invisible.add(new Invisible(new Delivery(d.message(), d.receives() + 1), now.plus(VISIBILITY_TIMEOUT)));
            return;
        }
        deadLettered.add(d.message());
        if (d.message() instanceof StepMessage step) {
            engine.step().recordFailure(step);
        }
    }

    /** Failures the run caused on purpose, or that the engine raises by design when an attempt overlaps another. */
    private static boolean injected(RuntimeException failure) {
        return failure instanceof FaultyPorts.InjectedFault || failure instanceof EmailThrottledException
                || failure instanceof EffectRunner.EffectInProgressException;
    }

    private static String describe(Object message) {
        return message instanceof CrmEvent e ? e.detailType() + " " + e.eventId() + " about " + e.record()
                : message.toString();
    }

    private void tally(Duplicate how) {
        duplicates.merge(how, 1, Integer::sum);
    }

    private static Outcome join(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a concurrent copy ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a concurrent copy failed outside its handler", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
