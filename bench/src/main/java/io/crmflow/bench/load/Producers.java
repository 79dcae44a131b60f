package io.crmflow.bench.load;

import io.crmflow.engine.ConcurrentChangeException;
import io.crmflow.engine.RecordService;
import io.crmflow.model.Activity;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the plan's changes as the API makes them — through the API function's record service,
 * which commits each change with its outbox entry and puts its event on the bus — on a few
 * threads, each with its own contacts in the plan's order, and plants the poison messages among
 * them. Notes when each contact's enrolling change was made. One run per instance.
 */
final class Producers {
    /** A change the workflow's own write to the same contact beat is tried again, as a client would after a 409. */
    private static final int ATTEMPTS = 5;
    private final RecordService records;
    private final String tenant;
    private final Clock clock;
    private final Backlog backlog;
    private final PoisonPlanter planter;
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, Instant> enrollingPuts = new ConcurrentHashMap<>();
    private final List<Poison> planted = new CopyOnWriteArrayList<>();

    /** One poison message: its kind and the marker its body carries. */
    record Poison(PoisonKind kind, String marker) {
    }

    Producers(RecordService records, String tenant, Clock clock, Backlog backlog, PoisonPlanter planter) {
        this.records = records;
        this.tenant = tenant;
        this.clock = clock;
        this.backlog = backlog;
        this.planter = planter;
    }

    /**
     * Makes the events of {@code shares}, each share on a thread of its own, and returns once all
     * are made or {@code budget} is spent.
     *
     * @param poisonsAt the poison messages to plant once that many events have been made
     */
    void run(List<List<PlannedEvent>> shares, Map<Integer, List<Poison>> poisonsAt, Duration budget) throws Exception {
        long stopAt = System.nanoTime() + budget.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(shares.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<PlannedEvent> share : shares) {
                running.add(threads.submit(() -> {
                    for (PlannedEvent event : share) {
                        if (System.nanoTime() - stopAt > 0) {
                            break;
                        }
                        backlog.awaitRoom();
                        put(event);
                        for (Poison poison : poisonsAt.getOrDefault(made.incrementAndGet(), List.of())) {
                            planter.plant(poison.kind(), poison.marker());
                            planted.add(poison);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Events made so far. */
    int made() {
        return made.get();
    }

    /** The poison messages planted so far. */
    List<Poison> planted() {
        return List.copyOf(planted);
    }

    long retries() {
        return retries.get();
    }

    /** When each eligible contact's enrolling change began, by contact id. */
    Map<String, Instant> enrollingPuts() {
        return Map.copyOf(enrollingPuts);
    }

    private void put(PlannedEvent event) {
        Instant began = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                make(event, began);
                break;
            } catch (ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                retries.incrementAndGet();
            }
        }
        if (event.enrolls()) {
            enrollingPuts.put(event.contactId(), began);
        }
    }

    private void make(PlannedEvent event, Instant now) {
        if (event instanceof PlannedEvent.Creation c) {
            records.create(tenant, "contact", c.contactId(), c.properties(), Origin.api(), now);
        } else if (event instanceof PlannedEvent.Change c) {
            records.update(tenant, "contact", c.contactId(), c.properties(), Origin.api(), now);
        } else if (event instanceof PlannedEvent.Activity a) {
            records.logActivity(tenant, new RecordRef("contact", a.contactId()),
                    new Activity(a.type(), new Activity.Actor(Activity.ActorKind.USER, "u-load"), Map.of()), now,
                    Origin.api());
        }
    }
}
