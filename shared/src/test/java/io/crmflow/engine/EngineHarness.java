package io.crmflow.engine;

import io.crmflow.testing.ReadingClock;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Tenant;
import io.crmflow.outbound.EventBus;
import io.crmflow.outbound.Mailer;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.outbound.StepQueue;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.outbound.Webhooks;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.memory.InMemoryIdempotencyStore;
import io.crmflow.store.memory.InMemorySecretStore;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine on in-memory ports with a clock the test moves: events and step messages queue up
 * in memory and {@link #pump()} delivers them, like the trigger and step handlers would.
 * Not thread-safe; one per test.
 */
final class EngineHarness {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    final InMemoryStore store = new InMemoryStore();
    /** Where the tenants' webhook signing secrets are kept, outside the store. */
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final Deque<CrmEvent> events = new ArrayDeque<>();
    final Deque<StepMessage> steps = new ArrayDeque<>();
    /** Backfill pages sent (R-WF-8); tests of backfills deliver them. */
    final Deque<BackfillPage> pages = new ArrayDeque<>();
    final List<OutgoingEmail> sent = new ArrayList<>();
    /** Every SMS and WhatsApp message sent, in order. */
    final List<io.crmflow.outbound.OutgoingText> texts = new ArrayList<>();
    final List<CrmEvent> published = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    Instant now = START;
    boolean busDown;
    /** When set, the mailer throws it instead of sending. */
    RuntimeException mailFailure;
    /** When set, runs as the mail provider takes an email: something happening while a step is under way. */
    Runnable whileSending;
    /** Every webhook posted, in order. */
    final List<WebhookPost> posts = new ArrayList<>();
    /** What a webhook post answers; it may act on the store first, as a slow receiver's race would. */
    java.util.function.Function<WebhookPost, WebhookResult> webhookAnswer = post -> new WebhookResult.Delivered(200, 1);
    /** How many of the next commits fail, as if the handler died after its effect and before committing. */
    int crashBeforeCommits;
    final Engine engine;

    EngineHarness() {
        EventBus bus = list -> {
            if (busDown) {
                throw new IllegalStateException("bus unavailable");
            }
            events.addAll(list);
            published.addAll(list);
        };
        StepQueue queue = steps::addAll;
        Mailer mailer = email -> {
            if (whileSending != null) {
                Runnable once = whileSending;
                whileSending = null;
                once.run();
            }
            if (mailFailure != null) {
                throw mailFailure;
            }
            sent.add(email);
            return "msg-" + sent.size();
        };
        Webhooks webhooks = post -> {
            posts.add(post);
            return webhookAnswer.apply(post);
        };
        TransactionalWriter writer = writes -> {
            if (crashBeforeCommits > 0) {
                crashBeforeCommits--;
                throw new IllegalStateException("the handler crashed before its commit");
            }
            store.commit(writes);
        };
        Ports ports = new Ports(store, store, store, store, store, writer, bus, queue, mailer,
                () -> "id-" + ids.incrementAndGet(), webhooks, pages::add, store, store, text -> {
                    texts.add(text);
                    return "text-" + texts.size();
                }, secrets, new InMemoryIdempotencyStore());
        engine = Engine.create(ports, new ReadingClock(() -> now), EngineSettings.DEFAULTS);
    }

    /** The engine's ports committing through {@code writer}: for a test that puts a race or a crash in a commit. */
    Ports portsWith(TransactionalWriter writer) {
        Ports p = engine.ports();
        return new Ports(p.records(), p.definitions(), p.enrollments(), p.effects(), p.outbox(), writer, p.bus(),
                p.steps(), p.mailer(), p.ids(), p.webhooks(), p.backfills(), p.people(), p.journeys(), p.texts(),
                p.secrets(), p.idempotency());
    }

    EngineHarness withTenant(String id) {
        engine.definitions().createTenant(new Tenant(id, id, ZoneId.of("Europe/Paris")));
        return this;
    }

    /**
     * Delivers queued events and step messages until none are left. A message whose handling
     * throws is dropped into {@link #failures}, as a queue would dead-letter it in the end.
     */
    void pump() {
        for (int round = 0; round < 10_000 && !(events.isEmpty() && steps.isEmpty()); round++) {
            if (!events.isEmpty()) {
                try {
                    engine.onEvent(events.poll(), now);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            } else {
                StepMessage message = steps.poll();
                try {
                    engine.step().run(message, now);
                } catch (RuntimeException e) {
                    failures.add(e);
                    engine.step().recordFailure(message); // as the step handler does once it dead-letters
                }
            }
        }
    }

    final List<RuntimeException> failures = new ArrayList<>();

    /** Moves the clock, runs the sweeper as the timer function would, and pumps. */
    void advance(Duration by) {
        now = now.plus(by);
        engine.sweeper().sweep(now);
        pump();
    }
}
