package io.crmflow.engine;

import io.crmflow.definition.Action;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The two walks over a workflow's actions that saving, deleting and running all need: what the
 * first action reaches, and where a chain of deleted actions leads. Beside
 * {@link io.crmflow.definition.ActionEdges}, which rewires the edges these walks follow.
 * Stateless.
 */
final class ActionGraph {
    private ActionGraph() {
    }

    /**
     * The ids of the actions reachable from {@code first} along their successors, in the order
     * found. An id with no action in {@code actions} is not reached and leads nowhere; of two
     * actions with one id, the first counts.
     *
     * @param first may be null: nothing is reached
     */
    static Set<String> reachable(String first, List<Action> actions) {
        Map<String, Action> byId = new HashMap<>();
        actions.forEach(a -> byId.putIfAbsent(a.id(), a));
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (first != null) {
            todo.push(first);
        }
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (byId.containsKey(id) && reached.add(id)) {
                byId.get(id).successors().forEach(todo::push);
            }
        }
        return reached;
    }

    /**
     * Follows {@code id} through {@code removed} (each removed id and where it led, null for
     * nowhere) until an id that {@code isLive}.
     *
     * @return that live id; null when the chain ends nowhere; when it breaks — reaching an id
     *         neither live nor removed, or coming round again — the id where it broke, which is
     *         not live: callers that cannot go on from a broken chain tell it so
     */
    static String follow(String id, Map<String, String> removed, Predicate<String> isLive) {
        Set<String> seen = new HashSet<>();
        String at = id;
        while (at != null && !isLive.test(at) && removed.containsKey(at) && seen.add(at)) {
            at = removed.get(at);
        }
        return at;
    }
}
