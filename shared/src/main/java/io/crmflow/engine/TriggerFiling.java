package io.crmflow.engine;

import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.FilterGroup;
import io.crmflow.filter.IndexKey;
import io.crmflow.filter.IndexKeys;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Files each workflow of a {@link TriggerIndex} under the keys of one condition of each of its
 * groups (of each event its trigger waits for): of the conditions that have keys, the narrowest,
 * and of those the one whose keys the fewest workflows could be filed under — a value many
 * workflows wait for, like "marketable is true", is likely a value many records have. A workflow
 * with a group none of whose conditions has keys is evaluated always. Used once per index.
 */
final class TriggerFiling {
    final String[] ids;
    final long[] versions;
    /** The type each property had when keys were made of it, or empty when the schema did not have it. */
    final Map<String, Optional<PropertyType>> typesRead = new HashMap<>();
    final Map<Object, List<Integer>> byKey = new HashMap<>();
    final List<Integer> always = new ArrayList<>();
    final Map<String, List<Integer>> listeners = new HashMap<>();
    final Map<String, Integer> positions = new HashMap<>();
    private final ObjectType schema;

    TriggerFiling(List<WorkflowDefinition> triggered, ObjectType schema) {
        this.ids = new String[triggered.size()];
        this.versions = new long[triggered.size()];
        this.schema = schema;
        List<Optional<List<List<Set<Object>>>>> choices = new ArrayList<>(triggered.size());
        Map<Object, Integer> offered = new HashMap<>();
        for (int at = 0; at < triggered.size(); at++) {
            WorkflowDefinition wf = triggered.get(at);
            ids[at] = wf.id();
            versions[at] = wf.version();
            positions.putIfAbsent(wf.id(), at);
            int position = at;
            listenedTo(wf).forEach(id -> listeners.computeIfAbsent(id, k -> new ArrayList<>()).add(position));
            Optional<List<List<Set<Object>>>> ofWorkflow = choices(wf.trigger());
            ofWorkflow.ifPresent(needs -> needs.forEach(need -> need.forEach(keys -> keys.forEach(
                    key -> offered.merge(key, 1, Integer::sum)))));
            choices.add(ofWorkflow);
        }
        for (int at = 0; at < triggered.size(); at++) {
            if (choices.get(at).isEmpty()) {
                always.add(at);
                continue;
            }
            Set<Object> keys = new LinkedHashSet<>();
            choices.get(at).get().forEach(need -> keys.addAll(narrowest(need, offered)));
            int position = at;
            keys.forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(position));
        }
    }

    static Optional<PropertyType> typeOf(String property, ObjectType schema) {
        return schema == null ? Optional.empty() : schema.property(property).map(PropertyDefinition::type);
    }

    /**
     * What the trigger needs of an event or its record: for each of its groups (its events), the
     * key sets to choose from, one key of each shown whenever that group holds (that event
     * happens). Empty when a need has nothing to choose from. An event trigger is filed by its
     * events only: its criteria read the record as the event left it, not as it is looked up.
     */
    private Optional<List<List<Set<Object>>>> choices(EnrollmentTrigger trigger) {
        List<List<Set<Object>>> needs = new ArrayList<>();
        if (trigger.isEventBased()) {
            for (TriggerEvent wanted : trigger.events()) {
                Optional<List<Set<Object>>> ofEvent = choices(wanted);
                if (ofEvent.isEmpty()) {
                    return Optional.empty();
                }
                needs.add(ofEvent.get());
            }
            return Optional.of(needs);
        }
        for (FilterGroup group : trigger.criteria().groups()) {
            Optional<List<Set<Object>>> ofGroup = choices(group);
            if (ofGroup.isEmpty()) {
                return Optional.empty();
            }
            needs.add(ofGroup.get());
        }
        return Optional.of(needs);
    }

    private Optional<List<Set<Object>>> choices(TriggerEvent wanted) {
        if (wanted instanceof TriggerEvent.PropertyChanged changed) {
            return choices(TriggerEvents.asFilter(changed).groups().get(0));
        }
        if (TriggerEvents.workflowOf(wanted) != null) {
            return Optional.of(List.of(Set.of())); // only milestones match it, and they go to the listeners
        }
        // An event kind without a key (none yet) is evaluated on every event.
        return TriggerEventKey.of(wanted).map(key -> List.of(Set.of(key)));
    }

    /** A group with no conditions holds of nothing; one whose conditions all lack keys has no choice. */
    private Optional<List<Set<Object>>> choices(FilterGroup group) {
        if (group.conditions().isEmpty()) {
            return Optional.of(List.of(Set.of()));
        }
        List<Set<Object>> choices = new ArrayList<>();
        for (Condition condition : group.conditions()) {
            if (condition instanceof Condition.OnProperty c && c.property() != null) {
                typesRead.put(c.property(), typeOf(c.property(), schema));
            }
            IndexKeys.whenHolds(condition, schema).ifPresent(keys -> choices.add(Set.copyOf(keys)));
        }
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices);
    }

    private static Set<Object> narrowest(List<Set<Object>> choices, Map<Object, Integer> offered) {
        Set<Object> best = null;
        int bestBreadth = 0;
        long bestShared = 0;
        for (Set<Object> keys : choices) {
            int breadth = keys.stream().mapToInt(TriggerFiling::breadth).max().orElse(0);
            long shared = keys.stream().mapToLong(key -> offered.getOrDefault(key, 0)).sum();
            if (best == null || breadth < bestBreadth || breadth == bestBreadth && shared < bestShared) {
                best = keys;
                bestBreadth = breadth;
                bestShared = shared;
            }
        }
        return best;
    }

    private static int breadth(Object key) {
        return key instanceof IndexKey indexKey ? indexKey.breadth() : 0;
    }

    /** As {@link TriggerEngine} has always chosen the workflows a milestone is evaluated against. */
    private static Set<String> listenedTo(WorkflowDefinition wf) {
        Set<String> ids = new LinkedHashSet<>();
        wf.trigger().events().stream().map(TriggerEvents::workflowOf).filter(Objects::nonNull).forEach(ids::add);
        wf.trigger().criteria().groups().stream().flatMap(g -> g.conditions().stream())
                .filter(c -> c instanceof Condition.InWorkflow in && in.workflowId() != null)
                .forEach(c -> ids.add(((Condition.InWorkflow) c).workflowId()));
        return ids;
    }
}
