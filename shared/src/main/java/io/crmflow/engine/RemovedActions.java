package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The memory of actions deleted from a live workflow (R-WF-9), {@link WorkflowDefinition#removedActions()}:
 * decided on every save, followed by a step whose enrollment is at an action that is gone.
 * Enrollments are never rewritten when an action is deleted — a workflow may hold a million of
 * them — each finds its way on at its next step. Stateless.
 */
final class RemovedActions {
    private RemovedActions() {
    }

    /** Where an enrollment at a deleted action goes on. */
    record Redirect(String deleted, String goesTo) {
        /** @return true when the enrollment completes at the deleted action */
        boolean completes() {
            return goesTo == null;
        }
    }

    /**
     * The removed actions after a save: those of {@code before}, plus every action of
     * {@code before} that {@code after} lacks. Such an action goes where {@code decided} says;
     * failing that (a plain save that dropped it) to its old {@code next} if that action is
     * still there, else nowhere: its enrollments complete. Targets are resolved through earlier
     * deletions, so each names an action of {@code after} or null; an id that {@code after}
     * uses again is forgotten — the new action wins.
     *
     * @param before  the stored version, or null for a new workflow
     * @param decided the deleting caller's choice per removed id (null values: complete)
     */
    static Map<String, String> afterSave(WorkflowDefinition before, WorkflowDefinition after,
                                         Map<String, String> decided) {
        if (before == null) {
            return Map.of();
        }
        Set<String> live = after.actions().stream().map(Action::id).collect(Collectors.toSet());
        Map<String, String> removed = new LinkedHashMap<>(before.removedActions());
        for (Action a : before.actions()) {
            if (!live.contains(a.id())) {
                removed.put(a.id(), decided.containsKey(a.id()) ? decided.get(a.id())
                        : a.next() != null && live.contains(a.next()) ? a.next() : null);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        removed.forEach((id, to) -> {
            if (!live.contains(id)) {
                out.put(id, resolve(to, removed, live));
            }
        });
        return out;
    }

    /** Follows deletions from {@code to} to a live action, or null when the chain ends nowhere or breaks. */
    private static String resolve(String to, Map<String, String> removed, Set<String> live) {
        String end = ActionGraph.follow(to, removed, live::contains);
        return end != null && live.contains(end) ? end : null;
    }

    /**
     * Where an enrollment at {@code cursor}, an id the workflow has no action for, goes on.
     * Chains are followed, though a save already resolves them, so a definition stored before
     * that is read right too.
     *
     * @return empty when the id was never an action of the workflow, or its chain is broken
     */
    static Optional<Redirect> follow(WorkflowDefinition wf, String cursor) {
        Map<String, String> removed = wf.removedActions();
        if (!removed.containsKey(cursor)) {
            return Optional.empty();
        }
        String end = ActionGraph.follow(removed.get(cursor), removed, id -> wf.action(id).isPresent());
        return end != null && wf.action(end).isEmpty() ? Optional.empty() : Optional.of(new Redirect(cursor, end));
    }

    /** The step of an enrollment at a deleted action: its history says so, then it goes on or completes. */
    static StepDecision goOn(StepDraft step, Redirect r) {
        if (r.completes()) {
            return step.finish(EnrollmentStatus.COMPLETED, Kind.COMPLETED,
                    "completed because action '" + r.deleted() + "' was deleted from the workflow");
        }
        step.log(Kind.ACTION_SKIPPED, r.deleted(), "action '" + r.deleted() + "' was deleted from the workflow;"
                + " going on to '" + r.goesTo() + "'");
        return step.moveTo(r.goesTo());
    }
}
