package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.IndexKey;
import io.crmflow.filter.IndexKeys;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The triggered workflows of one tenant and object type, filed by what an event or a record
 * must show for each to enroll it, so that an event is evaluated against the few that could
 * care rather than all (DESIGN, the trigger handler). Sound: a workflow it leaves out would
 * not have enrolled the record — an event trigger is filed under its events (a property
 * change under the property and the values it waits for), a criteria trigger under the keys
 * of a condition of each of its groups ({@link IndexKeys}, {@link TriggerFiling}); a workflow
 * with a group none of whose conditions has keys is evaluated on every event.
 *
 * <p>It holds positions in the list it was built from, not the definitions: the engine
 * evaluates the definitions it read for the event, and the index is only used over a list it
 * {@link #fits}. Immutable and thread-safe.
 */
public final class TriggerIndex {
    private static final int[] NONE = new int[0];
    private final String[] ids;
    private final long[] versions;
    private final ObjectType schema;
    private final Map<String, Optional<PropertyType>> typesRead;
    private final Map<Object, int[]> byKey;
    private final int[] always;
    private final Map<String, int[]> listeners;
    private final Map<String, Integer> positions;
    /** The properties some workflow is filed under: a record shows keys of these only. */
    private final Set<String> keyedProperties;

    private TriggerIndex(TriggerFiling filing, ObjectType schema) {
        this.ids = filing.ids;
        this.versions = filing.versions;
        this.schema = schema;
        this.typesRead = Map.copyOf(filing.typesRead);
        this.byKey = frozen(filing.byKey);
        this.always = toArray(filing.always);
        this.listeners = frozen(filing.listeners);
        this.positions = Map.copyOf(filing.positions);
        Set<String> properties = new HashSet<>();
        filing.byKey.keySet().forEach(key -> {
            if (key instanceof IndexKey indexKey) {
                properties.add(indexKey.property());
            }
        });
        this.keyedProperties = Set.copyOf(properties);
    }

    /** @param triggered the enabled triggered workflows of one tenant and object type, as read */
    public static TriggerIndex of(List<WorkflowDefinition> triggered, ObjectType schema) {
        return new TriggerIndex(new TriggerFiling(triggered, schema), schema);
    }

    /**
     * Whether this index was built from these very workflows — the same ids at the same versions,
     * in the same order (every save makes a new version) — with each property it read typed as
     * {@code schema} types it now. Linear in the workflows, but reads nothing else.
     */
    public boolean fits(List<WorkflowDefinition> triggered, ObjectType schema) {
        if (triggered.size() != ids.length) {
            return false;
        }
        for (int at = 0; at < ids.length; at++) {
            WorkflowDefinition wf = triggered.get(at);
            if (wf.version() != versions[at] || !wf.id().equals(ids[at])) {
                return false;
            }
        }
        return typesRead.entrySet().stream()
                .allMatch(e -> TriggerFiling.typeOf(e.getKey(), schema).equals(e.getValue()));
    }

    /** The workflows indexed, bound to {@code triggered}, a list this index {@link #fits}. */
    public TriggeredWorkflows over(List<WorkflowDefinition> triggered) {
        if (triggered.size() != ids.length) {
            throw new IllegalArgumentException("the index was built from " + ids.length + " workflows, not "
                    + triggered.size());
        }
        return new TriggeredWorkflows(triggered, this);
    }

    /** How many workflows are evaluated on every event: those with a group no key can file. */
    public int evaluatedAlways() {
        return always.length;
    }

    /** Positions of the workflows that could enroll the record on this event (not a milestone), in list order. */
    int[] candidates(CrmEvent event, CrmRecord record) {
        Postings found = new Postings(always);
        TriggerEventKey.of(event).ifPresent(key -> found.add(byKey.get(key)));
        List<PropertyChange> changes = event instanceof CrmEvent.PropertiesChanged pc ? pc.changes() : List.of();
        IndexKeys.shownBy(record, changes, schema, keyedProperties, key -> found.add(byKey.get(key)));
        return found.sortedDistinct();
    }

    /**
     * Positions of the workflows whose trigger waits for milestones of {@code workflowId}, or
     * whose criteria name that workflow: the only ones a milestone is evaluated against.
     */
    int[] listeners(String workflowId) {
        return listeners.getOrDefault(workflowId, NONE);
    }

    /** The position of a workflow, or -1 when it is not indexed. */
    int position(String workflowId) {
        return positions.getOrDefault(workflowId, -1);
    }

    private static <K> Map<K, int[]> frozen(Map<K, List<Integer>> lists) {
        Map<K, int[]> arrays = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> arrays.put(key, toArray(list)));
        return Map.copyOf(arrays);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Positions gathered from several postings, each in ascending order. */
    private static final class Postings {
        private int[] found;
        private int size;

        Postings(int[] first) {
            found = Arrays.copyOf(first, Math.max(16, first.length * 2));
            size = first.length;
        }

        void add(int[] postings) {
            if (postings == null) {
                return;
            }
            if (size + postings.length > found.length) {
                found = Arrays.copyOf(found, Math.max(found.length * 2, size + postings.length));
            }
            System.arraycopy(postings, 0, found, size, postings.length);
            size += postings.length;
        }

        int[] sortedDistinct() {
            Arrays.sort(found, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || found[i] != found[distinct - 1]) {
                    found[distinct++] = found[i];
                }
            }
            return Arrays.copyOf(found, distinct);
        }
    }
}
