package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.JourneyNodes;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where contacts go when a publish deletes where they are (R-JRN-11, seed 003):
 * <ul>
 *   <li>a deleted stage: its contacts become inactive, and move again only when their journey
 *       property takes a stage's or an end's value;</li>
 *   <li>one deleted action, alone between actions that stay: its contacts go on to the action
 *       after it;</li>
 *   <li>several consecutive actions deleted: their contacts become inactive. The seed says "the
 *       contacts of the previous action": a contact that has done an action waits at the one after
 *       it, so those are the contacts at the first deleted action — and at the others of the run.</li>
 * </ul>
 * Decided on publish as the workflow's removed actions ({@link RemovedActions}), so no
 * enrollment is rewritten: each finds its way at its next step. Stateless.
 */
final class JourneyLiveEdits {
    private JourneyLiveEdits() {
    }

    /**
     * @param before the workflow contacts follow now
     * @param after  the workflow of the version being published
     * @param was    the published version {@code before} was compiled from
     * @param now    the version being published
     * @return for every action of {@code before} that {@code after} lacks, where its contacts go
     */
    static Map<String, String> redirects(WorkflowDefinition before, WorkflowDefinition after, JourneyDefinition was,
                                         JourneyDefinition now) {
        Set<String> live = new HashSet<>();
        after.actions().forEach(a -> live.add(a.id()));
        Set<String> kept = new HashSet<>();
        now.stages().forEach(s -> s.actions().forEach(a -> kept.add(a.id())));
        Set<String> keptStages = new HashSet<>();
        now.stages().forEach(s -> keptStages.add(s.id()));
        Map<String, String> decided = new HashMap<>();
        for (Stage stage : was.stages()) {
            if (!keptStages.contains(stage.id())) {
                stage.actions().forEach(a -> decided.put(a.id(), JourneyWorkflows.INACTIVE));
                decided.put(JourneyWorkflows.stayIn(stage.id()), JourneyWorkflows.INACTIVE);
                decided.put(JourneyWorkflows.routeFrom(stage.id()), JourneyWorkflows.ROUTE);
                continue;
            }
            List<StageAction> flow = stage.actions();
            for (int i = 0; i < flow.size(); i++) {
                boolean deleted = !kept.contains(flow.get(i).id());
                boolean prevDeleted = i > 0 && !kept.contains(flow.get(i - 1).id());
                boolean nextDeleted = i + 1 < flow.size() && !kept.contains(flow.get(i + 1).id());
                if (deleted && (prevDeleted || nextDeleted)) {
                    decided.put(flow.get(i).id(), JourneyWorkflows.INACTIVE);
                } else if (deleted) {
                    // The action after it in its own stage, never where a deleted go-to led.
                    decided.put(flow.get(i).id(), i + 1 < flow.size() ? flow.get(i + 1).id()
                            : JourneyWorkflows.stayIn(stage.id()));
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Action a : before.actions()) {
            if (live.contains(a.id())) {
                continue;
            }
            String owner = JourneyWorkflows.stageActionOf(a.id());
            if (decided.containsKey(owner)) {
                out.put(a.id(), decided.get(owner));
            } else if (a instanceof JourneyNodes.Route) {
                out.put(a.id(), JourneyWorkflows.ROUTE);
            } else if (a instanceof JourneyNodes.Stay || a.next() == null) {
                out.put(a.id(), JourneyWorkflows.INACTIVE);
            } else {
                out.put(a.id(), a.next()); // followed through what else was deleted to what stays
            }
        }
        return out;
    }

    /**
     * The actions {@code now} has in another stage than {@code was} had them in: contacts at such an
     * action would run the other stage's flow under their old stage's value, so a publish refuses it.
     *
     * @return for each, the pointer of the action in {@code now} and the stage it was in
     */
    static Map<String, String> movedBetweenStages(JourneyDefinition was, JourneyDefinition now) {
        Map<String, String> stageOf = new HashMap<>();
        was.stages().forEach(s -> s.actions().forEach(a -> stageOf.put(a.id(), s.id())));
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        for (int i = 0; i < now.stages().size(); i++) {
            Stage stage = now.stages().get(i);
            for (int j = 0; j < stage.actions().size(); j++) {
                String before = stageOf.get(stage.actions().get(j).id());
                if (before != null && !before.equals(stage.id())) {
                    moved.put("/stages/" + i + "/actions/" + j + "/id", before);
                }
            }
        }
        return moved;
    }
}
