package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.outbound.EmailThrottledException;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.memory.InMemoryStore;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The engine's ports over one in-memory store, with what goes wrong in a real deployment
 * injected at random: the bus refuses a publish (the outbox keeps the event), a step message is
 * lost on its way (the timer finds the step), the mail provider throttles (nothing is sent), a
 * call to it fails without an answer before anything was sent (the engine cannot know that, and
 * keeps its claim until it expires), a handler dies between sending an email and committing the
 * step, or just after a commit.
 *
 * <p>What it does not inject is a send whose answer was lost after the provider took the email:
 * nothing can tell that one from the failure before sending, and the retry sends it again — the
 * one window the design leaves open (docs/architecture.md, "Exactly-once effects").
 *
 * <p>Each fault is decided by the dice of the {@link Attempt} the calling thread is running, so
 * what goes wrong in one delivery does not depend on how two concurrent copies interleave; calls
 * made outside a delivery (the test's own API calls, the timer) use the run's dice, and never
 * crash — a crash is what a handler suffers. Thread-safe.
 */
final class FaultyPorts {

    /** How often each fault strikes, as a probability per occasion. */
    record Rates(double busRefuses, double stepLost, double throttled, double unanswered, double crashAfterEmail,
                 double crashAfterCommit) {
    }

    /** What the ports inject. */
    enum Fault {
        BUS_REFUSED("bus refused a publish"),
        STEP_MESSAGE_LOST("step message lost"),
        MAIL_THROTTLED("mail provider throttled"),
        MAIL_UNANSWERED("mail call failed unanswered, nothing sent"),
        CRASH_BETWEEN_EMAIL_AND_COMMIT("crash between an email and its commit"),
        CRASH_AFTER_COMMIT("crash just after a commit");

        final String what;

        Fault(String what) {
            this.what = what;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    /** A failure the run injected, as opposed to one the engine made. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault(String what) {
            super("injected fault: " + what, null, false, false);
        }
    }

    /**
     * One delivery of one message to a handler, on one thread: its dice, whether it has sent an
     * email not yet followed by a commit, and the messages it sent on. Confined to its thread.
     */
    static final class Attempt {
        final Random dice;
        final List<Object> sentOn = new java.util.ArrayList<>();
        boolean emailUncommitted;

        Attempt(long seed) {
            this.dice = new Random(seed);
        }
    }

    private final InMemoryStore store;
    private final Rates rates;
    private final Random runDice;
    private final Consumer<Object> outsideAttempts;
    private final ThreadLocal<Attempt> current = new ThreadLocal<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong();
    final Queue<Sent> emails = new ConcurrentLinkedQueue<>();
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();

    /** An email the provider accepted, with the message id it answered. */
    record Sent(OutgoingEmail email, String messageId) {
    }

    /**
     * @param runDice         decides faults of calls made outside any attempt; used by one thread only
     * @param outsideAttempts receives messages sent outside any attempt (events of the test's API calls,
     *                        step messages of the timer), on the calling thread
     */
    FaultyPorts(InMemoryStore store, Rates rates, Random runDice, Consumer<Object> outsideAttempts) {
        this.store = store;
        this.rates = rates;
        this.runDice = runDice;
        this.outsideAttempts = outsideAttempts;
    }

    Ports ports() {
        return new Ports(store, store, store, store, store, this::commit, this::publish, this::send, this::mail,
                () -> "id-" + ids.incrementAndGet(), store, store);
    }

    /** Runs {@code handler} as one attempt: faults rolled by {@code attempt}'s dice, messages collected in it. */
    void within(Attempt attempt, Runnable handler) {
        current.set(attempt);
        try {
            handler.run();
        } finally {
            current.remove();
        }
    }

    int count(Fault fault) {
        AtomicInteger n = injected.get(fault);
        return n == null ? 0 : n.get();
    }

    /** How often each fault struck, in the order of {@link Fault}. */
    Map<Fault, Integer> counts() {
        Map<Fault, Integer> out = new java.util.EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            out.put(f, count(f));
        }
        return out;
    }

    private void commit(List<io.crmflow.store.Write> writes) {
        Attempt a = current.get();
        if (a == null) {
            store.commit(writes);
            return;
        }
        boolean afterEmail = a.emailUncommitted;
        a.emailUncommitted = false;
        if (afterEmail && strikes(a.dice, rates.crashAfterEmail(), Fault.CRASH_BETWEEN_EMAIL_AND_COMMIT)) {
            throw new InjectedFault("the handler died after the email left and before the step's commit");
        }
        store.commit(writes);
        if (strikes(a.dice, rates.crashAfterCommit(), Fault.CRASH_AFTER_COMMIT)) {
            throw new InjectedFault("the handler died just after a commit, before sending anything on");
        }
    }

    private void publish(List<CrmEvent> events) {
        if (strikes(dice(), rates.busRefuses(), Fault.BUS_REFUSED)) {
            throw new InjectedFault("the event bus refused the publish");
        }
        events.forEach(this::sendOn);
    }

    private void send(List<StepMessage> messages) {
        for (StepMessage m : messages) {
            if (!strikes(dice(), rates.stepLost(), Fault.STEP_MESSAGE_LOST)) {
                sendOn(m);
            }
        }
    }

    private String mail(OutgoingEmail email) {
        if (strikes(dice(), rates.throttled(), Fault.MAIL_THROTTLED)) {
            throw new EmailThrottledException("injected fault: sending rate exceeded");
        }
        if (strikes(dice(), rates.unanswered(), Fault.MAIL_UNANSWERED)) {
            throw new InjectedFault("the connection to the mail provider was reset before the email went out");
        }
        String id = "ses-" + messageIds.incrementAndGet();
        emails.add(new Sent(email, id));
        Attempt a = current.get();
        if (a != null) {
            a.emailUncommitted = true;
        }
        return id;
    }

    private void sendOn(Object message) {
        Attempt a = current.get();
        if (a == null) {
            outsideAttempts.accept(message);
        } else {
            a.sentOn.add(message);
        }
    }

    private Random dice() {
        Attempt a = current.get();
        return a == null ? runDice : a.dice;
    }

    private boolean strikes(Random dice, double rate, Fault fault) {
        if (dice.nextDouble() >= rate) {
            return false;
        }
        injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        return true;
    }
}
