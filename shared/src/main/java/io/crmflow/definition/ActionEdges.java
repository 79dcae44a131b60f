package io.crmflow.definition;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rewires the edges of the action graph: an action with every successor id passed through a
 * function. Deleting an action from a live workflow (R-WF-9) points what led to it elsewhere.
 * Stateless.
 *
 * <p>Kept beside {@link Action} rather than as a method of each record so that adding an
 * action type stays a change to one family; a test rewires every permitted type, so a type added
 * without saying here how its edges are rewired fails it.
 */
public final class ActionEdges {
    private ActionEdges() {
    }

    /**
     * @param to where each successor now leads: the same id, another, or null for "ends here";
     *           never called with null
     * @throws IllegalStateException for an action type added without its rewiring here, whose edges would change
     */
    public static Action retarget(Action a, UnaryOperator<String> to) {
        if (a.successors().stream().allMatch(s -> s.equals(to.apply(s)))) {
            return a;
        }
        return rebuild(a, a.next() == null ? null : to.apply(a.next()), to);
    }

    /**
     * The same action leading to {@code next} instead: to add an action after it (R-PIPE-2). For
     * actions with one way out; a branch's or a wait's other paths stay as they are.
     */
    public static Action withNext(Action a, String next) {
        return java.util.Objects.equals(a.next(), next) ? a : rebuild(a, next, UnaryOperator.identity());
    }

    private static Action rebuild(Action a, String next, UnaryOperator<String> to) {
        if (a instanceof Action.SetProperty x) {
            return new Action.SetProperty(x.id(), x.property(), x.value(), next, x.on());
        } else if (a instanceof Action.CopyProperty x) {
            return new Action.CopyProperty(x.id(), x.from(), x.to(), next, x.on());
        } else if (a instanceof Action.ClearProperty x) {
            return new Action.ClearProperty(x.id(), x.property(), next, x.on());
        } else if (a instanceof Action.CreateTask x) {
            return new Action.CreateTask(x.id(), x.subject(), x.body(), x.dueIn(), next);
        } else if (a instanceof Action.CreateRecord x) {
            return new Action.CreateRecord(x.id(), x.objectType(), x.properties(), x.label(), next);
        } else if (a instanceof Action.SendEmail x) {
            return new Action.SendEmail(x.id(), x.kind(), x.from(), x.subject(), x.body(), next, x.template());
        } else if (a instanceof Action.Delay x) {
            return new Action.Delay(x.id(), x.duration(), next);
        } else if (a instanceof Action.DelayUntilDate x) {
            return new Action.DelayUntilDate(x.id(), x.date(), x.time(), next);
        } else if (a instanceof Action.DelayUntilProperty x) {
            return new Action.DelayUntilProperty(x.id(), x.property(), x.offset(), x.time(), next);
        } else if (a instanceof Action.DelayUntilDayAndTime x) {
            return new Action.DelayUntilDayAndTime(x.id(), x.days(), x.time(), next);
        } else if (a instanceof Action.GoTo x) {
            return new Action.GoTo(x.id(), next);
        } else if (a instanceof Action.AddToList x) {
            return new Action.AddToList(x.id(), x.listId(), next);
        } else if (a instanceof Action.RemoveFromList x) {
            return new Action.RemoveFromList(x.id(), x.listId(), next);
        } else if (a instanceof Action.WaitForEvent x) {
            return new Action.WaitForEvent(x.id(), x.event(), x.timeout(), next,
                    x.timeoutNext() == null ? null : to.apply(x.timeoutNext()));
        } else if (a instanceof Action.EnrollInWorkflow x) {
            return new Action.EnrollInWorkflow(x.id(), x.workflowId(), next);
        } else if (a instanceof Action.UnenrollFromWorkflows x) {
            return new Action.UnenrollFromWorkflows(x.id(), x.workflowIds(), next);
        } else if (a instanceof Action.Webhook x) {
            return new Action.Webhook(x.id(), x.url(), next);
        } else if (a instanceof Action.Notify x) {
            return new Action.Notify(x.id(), x.recipients(), x.channels(), x.subject(), x.body(), next);
        } else if (a instanceof Action.Branch x) {
            List<Action.BranchPath> paths = x.paths().stream().map(p -> p == null || p.next() == null ? p
                    : new Action.BranchPath(p.name(), p.criteria(), to.apply(p.next()))).toList();
            return new Action.Branch(x.id(), paths, next);
        } else if (a instanceof Action.ValueBranch x) {
            List<Action.ValueCase> cases = x.cases().stream().map(c -> c == null || c.next() == null ? c
                    : new Action.ValueCase(c.value(), to.apply(c.next()))).toList();
            return new Action.ValueBranch(x.id(), x.property(), cases, next);
        } else if (a instanceof JourneyNodes.Route x) {
            List<JourneyNodes.Target> targets = x.targets().stream().map(t -> t.goesTo() == null ? t
                    : new JourneyNodes.Target(t.value(), t.stageId(), t.endId(), t.goal(), to.apply(t.goesTo()),
                    t.addToList())).toList();
            return new JourneyNodes.Route(x.id(), x.property(), x.fromStage(), targets, x.whenEmpty(),
                    x.leaveOnEndMatched(), next);
        } else if (a instanceof JourneyNodes.SendText x) {
            return new JourneyNodes.SendText(x.id(), x.channel(), x.body(), next);
        }
        throw new IllegalStateException("no way to rewire the edges of a " + a.getClass().getSimpleName()
                + " action; add it to ActionEdges");
    }

    /**
     * Every place an enrollment may go after the action, null for "it ends": one for most
     * actions, one per path for a branch, two for a wait for an event (it happened, time out).
     */
    public static Set<String> outcomes(Action a) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (a instanceof Action.Branch b) {
            b.paths().forEach(p -> out.add(p.next()));
        } else if (a instanceof Action.ValueBranch b) {
            b.cases().forEach(c -> out.add(c.next()));
        } else if (a instanceof Action.WaitForEvent w) {
            out.add(w.timeoutNext());
        }
        out.add(a.next());
        return out;
    }
}
