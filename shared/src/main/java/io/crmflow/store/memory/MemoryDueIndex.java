package io.crmflow.store.memory;

import io.crmflow.store.memory.MemoryState.TenantKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory counterpart of the sparse {@code due} index: the enrollments that have a due
 * time, ordered as the adapter's sort key orders them (due millisecond, then tenant and id). A
 * sweep reads only what is due instead of every enrollment, which a simulation of thousands of
 * records, sweeping at every wait's end, could not afford.
 *
 * <p>Not thread-safe: {@link InMemoryStore} guards every access with its lock.
 */
final class MemoryDueIndex {
    private record Position(long millis, String order) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byTime = Long.compare(millis, other.millis);
            return byTime != 0 ? byTime : order.compareTo(other.order);
        }
    }

    private final TreeMap<Position, TenantKey> byTime = new TreeMap<>();
    private final Map<TenantKey, Position> positions = new HashMap<>();

    /** Puts {@code key} at {@code at} in the index, or takes it out when {@code at} is null. */
    void place(TenantKey key, Instant at) {
        Position old = positions.remove(key);
        if (old != null) {
            byTime.remove(old);
        }
        if (at != null) {
            Position position = new Position(at.toEpochMilli(), key.tenantId() + "#" + key.name());
            positions.put(key, position);
            byTime.put(position, key);
        }
    }

    /** The keys due by {@code now} (to the millisecond, as the index's sort key holds it), oldest first. */
    List<TenantKey> dueBy(Instant now, int limit) {
        List<TenantKey> due = new ArrayList<>();
        for (var entry : byTime.entrySet()) {
            if (due.size() == limit || entry.getKey().millis() > now.toEpochMilli()) {
                break;
            }
            due.add(entry.getValue());
        }
        return due;
    }
}
