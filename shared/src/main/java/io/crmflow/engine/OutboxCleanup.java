package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.store.Outbox;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Clears the outbox entries of the events a handler publishes while it works through one batch
 * of messages together, once the batch is done, instead of after each commit: one batch request
 * for the whole batch (or for every {@value #CLEAR_AT} entries, the most one takes) where each
 * message made one or two of its own.
 *
 * <p>Sound because an entry that stays a little longer, or for good when the process dies before
 * the batch ends, only makes the sweeper publish its event again after the watchdog delay — what
 * a process dying between a publish and its clean-up has always done, and what every consumer
 * already takes, since the bus and the queues deliver at least once. Nothing published is lost
 * and nothing unpublished is cleared: an entry is cleared only after its event was published.
 *
 * <p>Bound to the thread that runs the batch: a handler serving two pollers at once defers each
 * batch's clean-up on its own thread. Publishes made on other threads clear at once.
 */
public final class OutboxCleanup {
    private static final System.Logger LOG = System.getLogger(OutboxCleanup.class.getName());
    private static final ThreadLocal<Map<Outbox, Map<String, CrmEvent>>> DEFERRED = new ThreadLocal<>();
    /**
     * Entries held back at most: as many as one DynamoDB batch request deletes. Clearing them then
     * costs no more requests than at the end, and bounds what a batch that dies republishes.
     */
    static final int CLEAR_AT = 25;

    private OutboxCleanup() {
    }

    /**
     * Runs {@code work}, holding back the clean-up of what it publishes until it returns or
     * throws, then clears it all. Called inside another such call, leaves the clean-up to the
     * outer one.
     */
    public static <T> T deferredWhile(Supplier<T> work) {
        if (DEFERRED.get() != null) {
            return work.get();
        }
        Map<Outbox, Map<String, CrmEvent>> deferred = new IdentityHashMap<>();
        DEFERRED.set(deferred);
        try {
            return work.get();
        } finally {
            DEFERRED.remove();
            deferred.forEach(OutboxCleanup::clear);
        }
    }

    /**
     * Clears the entries of {@code published} now, or at the end of the batch this thread runs.
     * A failure is logged, not thrown: the entries stay and the sweeper publishes them again.
     */
    static void afterPublished(Outbox outbox, List<CrmEvent> published) {
        Map<Outbox, Map<String, CrmEvent>> deferred = DEFERRED.get();
        if (deferred == null) {
            clear(outbox, keyed(published));
            return;
        }
        // Keyed by event, so that one event published twice in a batch is cleared once: a batch
        // request refuses the same key twice.
        Map<String, CrmEvent> pending = deferred.computeIfAbsent(outbox, o -> new LinkedHashMap<>());
        pending.putAll(keyed(published));
        while (pending.size() >= CLEAR_AT) {
            // Exactly a request's worth, the rest kept: clearing 27 would take two requests.
            clear(outbox, takeOldest(pending, CLEAR_AT));
        }
    }

    /** Removes the {@code count} oldest of {@code pending} and returns them, oldest first. */
    private static Map<String, CrmEvent> takeOldest(Map<String, CrmEvent> pending, int count) {
        Map<String, CrmEvent> taken = new LinkedHashMap<>();
        var oldest = pending.entrySet().iterator();
        while (taken.size() < count) {
            var entry = oldest.next();
            taken.put(entry.getKey(), entry.getValue());
            oldest.remove();
        }
        return taken;
    }

    private static Map<String, CrmEvent> keyed(List<CrmEvent> events) {
        Map<String, CrmEvent> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.put(e.tenantId() + "\n" + e.eventId(), e));
        return byKey;
    }

    private static void clear(Outbox outbox, Map<String, CrmEvent> published) {
        if (published.isEmpty()) {
            return;
        }
        try {
            outbox.removeAll(new ArrayList<>(published.values()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "clearing the outbox entries of " + published.size()
                    + " published event(s) failed; the sweeper will publish them again: " + e);
        }
    }
}
