package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.ObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trigger indexes a warm handler has built, one per tenant and object type, so an event
 * does not build one again: an index is kept while it {@link TriggerIndex#fits} the workflows
 * read for the event, and built anew when one of them was saved, added or switched off (each
 * makes a new version or changes the set). At most {@code capacity} are kept, the least
 * recently used dropped first, so a handler serving many tenants stays within its memory.
 *
 * <p>Thread-safe: two handlers racing on a stale entry may both build, and either one is kept.
 */
final class TriggerIndexes {
    static final int CAPACITY = 256;
    private final Map<Key, TriggerIndex> built;

    TriggerIndexes(int capacity) {
        this.built = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TriggerIndex> eldest) {
                return size() > capacity;
            }
        };
    }

    TriggeredWorkflows over(String tenantId, String objectType, List<WorkflowDefinition> triggered, ObjectType schema) {
        Key key = new Key(tenantId, objectType);
        TriggerIndex index;
        synchronized (built) {
            index = built.get(key);
        }
        if (index == null || !index.fits(triggered, schema)) {
            index = TriggerIndex.of(triggered, schema);
            synchronized (built) {
                built.put(key, index);
            }
        }
        return index.over(triggered);
    }

    private record Key(String tenantId, String objectType) {
    }
}
