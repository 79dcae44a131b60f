package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.ActionEdges;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the deletion of one action from a workflow (R-WF-9), as a HubSpot user chooses it:
 * "only this action" or "this action and all below it". Pure: the plan is the workflow as it
 * will be and where the enrollments at each removed action go; {@link DefinitionService}
 * validates and saves it as a new version. Stateless.
 *
 * <ul>
 *   <li><b>only</b>: what led to the action leads to its {@code next}; enrollments at it go on
 *       there. A branch, or a wait for an event with its timeout path, has several ways out, so
 *       it is deleted alone only when all of them lead to one place, or with {@code keep} naming
 *       the action of the path to keep; the actions reachable only through its other paths go
 *       with it, and enrollments at those complete.</li>
 *   <li><b>below</b>: the action and every action reachable only through it go; what led to it
 *       ends there; enrollments at any removed action complete. Actions also reachable from
 *       elsewhere stay.</li>
 * </ul>
 * Either way a go-to left with nowhere to go is deleted too, and what led to it ends there.
 */
final class ActionDeletion {

    /**
     * @param edited    the workflow without the deleted actions, not yet validated or saved
     * @param redirects each removed action id and the action its enrollments go on to, or null: they complete
     */
    record Plan(WorkflowDefinition edited, Map<String, String> redirects) {
    }

    private ActionDeletion() {
    }

    /** @param keep for a branch deleted alone: the action of the path to keep; null otherwise */
    static Plan plan(WorkflowDefinition wf, String actionId, DeletionMode mode, String keep) {
        Action doomed = wf.action(actionId).orElseThrow(() -> new NotFoundException("workflow '" + wf.id()
                + "' has no action '" + actionId + "'"
                + (wf.removedActions().containsKey(actionId) ? "; it was deleted already" : "")));
        Map<String, String> gone = new LinkedHashMap<>();
        gone.put(actionId, mode == DeletionMode.ONLY ? survivor(doomed, keep) : refuseKeep(keep));
        List<Action> kept = rewire(wf, gone);
        String first = follow(wf.firstActionId(), gone);
        for (String unreachable : unreachable(first, kept)) {
            gone.putIfAbsent(unreachable, null);
        }
        List<Action> remaining = kept.stream().filter(a -> !gone.containsKey(a.id())).toList();
        Map<String, String> redirects = new LinkedHashMap<>();
        gone.keySet().forEach(id -> redirects.put(id, follow(id, gone)));
        return new Plan(wf.withActions(first, remaining), redirects);
    }

    /** Where what led to an action deleted alone goes on: its one way out, or the one {@code keep} names. */
    private static String survivor(Action doomed, String keep) {
        Set<String> outcomes = ActionEdges.outcomes(doomed);
        if (outcomes.size() == 1) {
            refuseKeep(keep);
            return outcomes.iterator().next();
        }
        if (keep == null) {
            throw InvalidInputException.of("/query/mode", "'" + doomed.id() + "' has several ways out ("
                    + quoted(doomed.successors()) + (outcomes.contains(null) ? " and one that ends" : "")
                    + "); to delete only it, name the action of the path to keep with keep=<action id>"
                    + " (the actions only its other paths reach are deleted with it), or delete it with mode=below");
        }
        if (!doomed.successors().contains(keep)) {
            throw InvalidInputException.of("/query/keep", "'" + doomed.id() + "' has no path to '" + keep
                    + "'; its paths lead to " + quoted(doomed.successors()));
        }
        return keep;
    }

    private static String refuseKeep(String keep) {
        if (keep != null) {
            throw InvalidInputException.of("/query/keep", "keep names the path to keep when only a branch or a"
                    + " wait for an event is deleted; leave it out here");
        }
        return null;
    }

    /**
     * The actions not in {@code gone}, pointing past it. A go-to whose target now ends joins
     * {@code gone} (a go-to to nowhere means nothing), and the rewiring runs again.
     */
    private static List<Action> rewire(WorkflowDefinition wf, Map<String, String> gone) {
        while (true) {
            List<Action> out = new ArrayList<>();
            boolean grew = false;
            for (Action a : wf.actions()) {
                if (gone.containsKey(a.id())) {
                    continue;
                }
                Action rewired = ActionEdges.retarget(a, id -> gone.containsKey(id) ? follow(id, gone) : id);
                if (rewired instanceof Action.GoTo go && go.next() == null) {
                    gone.put(go.id(), null);
                    grew = true;
                }
                out.add(rewired);
            }
            if (!grew) {
                return out;
            }
        }
    }

    /** Where an id in {@code gone} finally leads: a remaining action, or null. */
    private static String follow(String id, Map<String, String> gone) {
        String end = ActionGraph.follow(id, gone, at -> !gone.containsKey(at));
        return end != null && gone.containsKey(end) ? null : end;
    }

    /** What can no longer be reached from the first action once the deleted ones are gone. */
    private static List<String> unreachable(String first, List<Action> actions) {
        Set<String> reached = ActionGraph.reachable(first, actions);
        return actions.stream().map(Action::id).distinct().filter(id -> !reached.contains(id)).toList();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().distinct().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
