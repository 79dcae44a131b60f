package io.crmflow.simulate;

import io.crmflow.engine.BackfillPage;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.engine.StepMessage;
import io.crmflow.model.CrmEvent;
import io.crmflow.store.DueStep;
import io.crmflow.store.memory.InMemoryIdempotencyStore;
import io.crmflow.store.memory.InMemorySecretStore;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The engine on in-memory ports, with the simulation's clock: the bus and the queues are
 * in-memory queues this world delivers itself — events to what the trigger handler runs, step
 * messages to what the step handler runs, as the deployed functions would receive them — and
 * email, webhooks and texts are recorded, never sent. Time moves only through
 * {@link #runDueUntil}, which ends each wait at its due time as the timer would.
 *
 * <p>Not thread-safe: one world per simulation, driven from one thread.
 */
final class SimulatedWorld {
    /** The one tenant a simulation has. */
    static final String TENANT = "simulation";
    /**
     * More messages than this at one moment is a loop that never ends — actions leading back to
     * themselves with no wait between — which a deployment would run until someone stopped it.
     */
    static final int MOST_MESSAGES_AT_ONCE = 1_000_000;

    final InMemoryStore store = new InMemoryStore();
    final SimulatedClock clock;
    final OutgoingRecorder outgoing;
    final Engine engine;
    private final Deque<CrmEvent> events = new ArrayDeque<>();
    private final Deque<StepMessage> steps = new ArrayDeque<>();
    private final Deque<BackfillPage> pages = new ArrayDeque<>();
    private final List<SimulationReport.Failure> failures = new ArrayList<>();
    private long ids;

    SimulatedWorld(Instant start) {
        clock = new SimulatedClock(start);
        outgoing = new OutgoingRecorder(clock);
        // Ids are counted, not random, so two runs of one input make the same ids and the same report.
        Ports ports = new Ports(store, store, store, store, store, store, events::addAll, steps::addAll, outgoing,
                () -> "sim-" + (++ids), outgoing, pages::add, store, store, outgoing, new InMemorySecretStore(),
                new InMemoryIdempotencyStore());
        engine = Engine.create(ports, clock, EngineSettings.DEFAULTS);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Delivers what is queued — CRM events first, as a drained trigger queue comes before the
     * steps it starts — until nothing is left. A message whose handling fails is kept as a
     * failure and dropped, as a queue would in the end dead-letter it; a failed step counts
     * against its enrollment, as the step handler counts it.
     */
    void deliverUntilQuiet() {
        for (int delivered = 0; !(events.isEmpty() && steps.isEmpty() && pages.isEmpty()); delivered++) {
            if (delivered == MOST_MESSAGES_AT_ONCE) {
                throw new IllegalStateException(MOST_MESSAGES_AT_ONCE + " messages at " + now()
                        + " and still more: the subject loops with no wait between its actions");
            }
            if (!events.isEmpty()) {
                CrmEvent event = events.poll();
                attempt("event " + event.detailType() + " " + event.eventId() + " of " + event.record(),
                        () -> engine.onEvent(event, now()));
            } else if (!pages.isEmpty()) {
                BackfillPage page = pages.poll();
                attempt("backfill page " + page.page() + " of " + page.workflowId(),
                        () -> engine.backfills().runPage(page, now()));
            } else {
                StepMessage step = steps.poll();
                if (!attempt("step " + step.seq() + " of " + step.enrollmentId(), () -> engine.step().run(step, now()))) {
                    engine.step().recordFailure(step);
                }
            }
        }
    }

    /**
     * Runs, in time order, every wait that ends by {@code until}: the clock moves to its end, the
     * due sweep sends its step, and what follows is delivered, before the next. The clock ends at
     * the last of them, not at {@code until}.
     */
    void runDueUntil(Instant until) {
        DueStep previous = null;
        for (List<DueStep> due = store.dueSteps(until, 1); !due.isEmpty(); due = store.dueSteps(until, 1)) {
            DueStep next = due.get(0);
            if (next.equals(previous)) {
                throw new IllegalStateException("the due sweep made no progress with step " + next.seq() + " of "
                        + next.enrollmentId() + " due at " + next.dueAt());
            }
            previous = next;
            clock.advanceTo(next.dueAt());
            engine.sweeper().sweep(now());
            engine.backfills().sweep(now(), () -> true);
            deliverUntilQuiet();
        }
    }

    List<SimulationReport.Failure> failures() {
        return List.copyOf(failures);
    }

    private boolean attempt(String what, Runnable handling) {
        try {
            handling.run();
            return true;
        } catch (RuntimeException e) {
            failures.add(new SimulationReport.Failure(now(), what, String.valueOf(e.getMessage())));
            return false;
        }
    }
}
