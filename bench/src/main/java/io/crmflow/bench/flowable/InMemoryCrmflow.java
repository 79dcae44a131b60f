package io.crmflow.bench.flowable;

import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.engine.StepMessage;
import io.crmflow.local.SettableClock;
import io.crmflow.model.CrmEvent;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * crmflow's engine on its in-memory ports, run as the deployed functions run it but in this
 * process: CRM events go on an in-memory bus to what the trigger handler runs, step messages on
 * an in-memory queue to what the step handler runs, and moving the clock runs the due sweep the
 * timer function runs. Email goes to a list; nothing leaves. The backtesting simulator drives
 * the engine the same way, but also builds a report of every enrollment, which is no part of
 * the work being timed.
 *
 * <p>Not thread-safe: one per run, driven from one thread, so a message that fails fails the run
 * instead of being dead-lettered — a throughput figure from a run that lost work means nothing.
 */
final class InMemoryCrmflow {
    final InMemoryStore store = new InMemoryStore();
    final SettableClock clock;
    /** Every email the engine handed the outbound port, in order. */
    final List<OutgoingEmail> sent = new ArrayList<>();
    final Engine engine;
    private final Deque<CrmEvent> events = new ArrayDeque<>();
    private final Deque<StepMessage> steps = new ArrayDeque<>();
    private long ids;

    InMemoryCrmflow(Instant start) {
        clock = new SettableClock(start);
        // Ids are counted, not random: two runs make the same ids and take the same paths.
        Ports ports = new Ports(store, store, store, store, store, store, events::addAll, steps::addAll, email -> {
            sent.add(email);
            return "sent-" + sent.size();
        }, () -> "id-" + (++ids), store, store);
        engine = Engine.create(ports, clock, EngineSettings.DEFAULTS);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Delivers what is queued — CRM events first, as the trigger queue drains before the steps it
     * starts — until nothing is left.
     */
    void deliverUntilQuiet() {
        while (!(events.isEmpty() && steps.isEmpty())) {
            if (!events.isEmpty()) {
                engine.onEvent(events.poll(), now());
            } else {
                engine.step().run(steps.poll(), now());
            }
        }
    }

    /**
     * Moves the clock on and runs the due sweep until no wait that has ended is left, delivering
     * what each sweep sends: one sweep handles a bounded batch, as the timer function's does.
     */
    void advance(Duration by) {
        clock.advance(by);
        while (!store.dueSteps(now(), 1).isEmpty()) {
            engine.sweeper().sweep(now());
            deliverUntilQuiet();
        }
    }
}
