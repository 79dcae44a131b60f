package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.JourneyNodes;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.Unenrollment;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterGroup;
import io.crmflow.filter.Operator;
import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.StandardObjectTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published customer journey runs as a workflow: this compiles a journey version into the one
 * workflow, {@link #idFor}, that contacts follow. Its trigger is the journey's eligibility (on a
 * list, property at a stage's value — R-JRN-2), never re-enrolling (R-JRN-8); each stage's
 * actions keep their ids and run in order, its last one leading to a {@link JourneyNodes.Stay};
 * routes send a contact wherever its property's value leads (R-JRN-4). So the workflow engine's
 * exactly-once steps, waits, unenrollment and history serve journeys unchanged. Stateless.
 */
public final class JourneyWorkflows {
    /** Reserved: workflows whose id starts with it are journeys' own, changed only by publishing the journey. */
    public static final String PREFIX = "journey:";
    /** Where an enrollment starts: the start stage for an empty value when the journey enrolls those. */
    static final String ENTRY = JourneyNodes.PREFIX + "enter";
    /** Where a contact in no stage goes when its property changes. */
    static final String ROUTE = JourneyNodes.PREFIX + "route";
    /** R-JRN-11: where contacts of a deleted stage, or of deleted actions, stay. */
    static final String INACTIVE = JourneyNodes.PREFIX + "inactive";
    private static final int MAX_ID = 100;
    private static final int MAX_WORKFLOW_BYTES = 350_000;

    private JourneyWorkflows() {
    }

    /** {@code journey:{id}}, or a digest of the id when that would be too long to be a workflow id. */
    public static String idFor(String journeyId) {
        String readable = PREFIX + journeyId;
        return readable.length() <= MAX_ID ? readable : PREFIX + "h:" + StepIds.digest(journeyId, 20);
    }

    public static boolean isJourneyWorkflow(String workflowId) {
        return workflowId != null && workflowId.startsWith(PREFIX);
    }

    static boolean isJourneyStep(Action a) {
        return a instanceof JourneyNodes.Route || a instanceof JourneyNodes.EnterStage
                || a instanceof JourneyNodes.ReachEnd || a instanceof JourneyNodes.Stay
                || a instanceof JourneyNodes.SendText;
    }

    /** Journeys' workflows change only when the journey is published (R-JRN-10). */
    static void refuseEdit(String workflowId) {
        editRefusal(workflowId).ifPresent(problem -> {
            throw new InvalidInputException(java.util.List.of(problem));
        });
    }

    static java.util.Optional<io.crmflow.model.InputProblem> editRefusal(String workflowId) {
        return isJourneyWorkflow(workflowId) ? java.util.Optional.of(new io.crmflow.model.InputProblem("/id",
                "workflow '" + workflowId + "' runs a customer journey; change it by editing and publishing the"
                        + " journey (/journeys/{id})")) : java.util.Optional.empty();
    }

    /**
     * A workflow is stored as one table item (three copies: current, version, trigger index), which
     * holds at most 400 KB; a journey's definition is held to a size that keeps its workflow well
     * under that, but routes repeat every stage and end, so many ends could still pass it.
     */
    static void requireFitsOneItem(WorkflowDefinition compiled) {
        int bytes = io.crmflow.json.Json.write(compiled).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_WORKFLOW_BYTES) {
            throw InvalidInputException.of("/ends", "this journey runs as a workflow of " + bytes / 1000 + " KB, more"
                    + " than the " + MAX_WORKFLOW_BYTES / 1000 + " KB one can be: use fewer ends or stages, or shorter texts");
        }
    }

    static String routeFrom(String stageId) {
        return JourneyNodes.PREFIX + "route:" + stageId;
    }

    static String stayIn(String stageId) {
        return JourneyNodes.PREFIX + "stay:" + stageId;
    }

    /**
     * The workflow contacts follow for {@code d}, a version valid for publishing.
     *
     * @param version the workflow's version, one more than the one it replaces
     */
    static WorkflowDefinition compile(String tenantId, String journeyId, JourneyDefinition d, long version) {
        List<Action> actions = new ArrayList<>();
        String property = d.property();
        boolean leaveOnEnd = d.unenrollment().whenEndMatchedEarly();
        List<JourneyNodes.Target> targets = new ArrayList<>();
        d.stages().forEach(s -> targets.add(stageTarget(s)));
        d.ends().forEach(e -> targets.add(endTarget(e)));
        JourneyNodes.Target empty = d.enrollEmpty() ? stageTarget(d.stages().get(0)) : null;
        actions.add(new JourneyNodes.Route(ENTRY, property, null, targets, empty, leaveOnEnd, INACTIVE));
        actions.add(new JourneyNodes.Route(ROUTE, property, null, targets, null, leaveOnEnd, INACTIVE));
        actions.add(new JourneyNodes.Stay(INACTIVE, null, List.of()));
        for (Stage stage : d.stages()) {
            List<Action> flow = flow(stage, d);
            actions.addAll(flow);
            actions.add(new JourneyNodes.Route(routeFrom(stage.id()), property, stage.id(), targets, null, leaveOnEnd,
                    stayIn(stage.id())));
            actions.add(new JourneyNodes.Stay(stayIn(stage.id()), stage.id(), flow.stream().map(Action::id).toList()));
        }
        return new WorkflowDefinition(tenantId, idFor(journeyId), d.name(), StandardObjectTypes.CONTACT, version, true,
                new EnrollmentTrigger(eligibility(d), false, List.of()), ENTRY, actions, null, unenrollment(d), null,
                null);
    }

    /** The stage's actions in order, the last leading to staying in the stage unless it ends the flow itself. */
    private static List<Action> flow(Stage stage, JourneyDefinition d) {
        List<Action> out = new ArrayList<>();
        List<StageAction> actions = stage.actions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            String next = out.isEmpty() ? stayIn(stage.id()) : out.get(0).id();
            out.addAll(0, compile(actions.get(i), stage, next, d));
        }
        return out;
    }

    /** One stage action as the workflow actions it runs as: a send of several assets is one step per asset. */
    private static List<Action> compile(StageAction a, Stage stage, String next, JourneyDefinition d) {
        if (a instanceof StageAction.SendAssets send) {
            List<String> ids = new ArrayList<>();
            if (send.email() != null) {
                ids.add("email");
            }
            if (send.sms() != null) {
                ids.add("sms");
            }
            if (send.whatsapp() != null) {
                ids.add("whatsapp");
            }
            List<Action> parts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = i == 0 ? a.id() : assetStep(ids.get(i), a.id());
                String after = i + 1 < ids.size() ? assetStep(ids.get(i + 1), a.id()) : next;
                parts.add(switch (ids.get(i)) {
                    case "email" -> new Action.SendEmail(id, Action.EmailKind.MARKETING, send.email().from(),
                            send.email().subject(), send.email().body(), after);
                    case "sms" -> new JourneyNodes.SendText(id, JourneyNodes.TextKind.SMS, send.sms().body(), after);
                    default -> new JourneyNodes.SendText(id, JourneyNodes.TextKind.WHATSAPP, send.whatsapp().body(),
                            after);
                });
            }
            return parts;
        } else if (a instanceof StageAction.Wait wait) {
            return List.of(new Action.Delay(a.id(), wait.duration(), next));
        } else if (a instanceof StageAction.WaitForActivity wait) {
            return List.of(new Action.WaitForEvent(a.id(), new TriggerEvent.ActivityLogged(wait.activity(),
                    wait.attributes()), wait.timeout(), next, next));
        } else if (a instanceof StageAction.CreateTask task) {
            return List.of(new Action.CreateTask(a.id(), task.subject(), task.body(), task.dueIn(), next));
        } else if (a instanceof StageAction.SetProperty set && set.property().equals(d.property())) {
            return List.of(setJourneyProperty(set, stage, next, d));
        } else if (a instanceof StageAction.SetProperty set) {
            return List.of(new Action.SetProperty(a.id(), set.property(), set.value(), next));
        } else if (a instanceof StageAction.SendNotification notify) {
            Action.Notify n = notify.asWorkflowAction();
            return List.of(new Action.Notify(n.id(), n.recipients(), n.channels(), n.subject(), n.body(), next));
        } else if (a instanceof StageAction.GoToEnd go) {
            return List.of(new JourneyNodes.ReachEnd(a.id(), stage.id(), d.property(),
                    endTarget(d.end(go.endId()).orElseThrow())));
        } else if (a instanceof StageAction.GoToStage go) {
            return List.of(new JourneyNodes.EnterStage(a.id(), stage.id(), d.property(),
                    stageTarget(d.stages().get(d.indexOf(go.stageId())))));
        }
        throw new IllegalStateException("no workflow action for stage action " + a.getClass().getSimpleName());
    }

    /**
     * A flow setting the journey's own property (seed 003: "vous pouvez configurer la phase") takes the
     * contact where the value leads, as the journey's own move: another stage's value enters that
     * stage, an end's value reaches that end (not "matched early": the journey led there). Its own
     * stage's value, or one leading nowhere, changes the property and the flow goes on.
     */
    private static Action setJourneyProperty(StageAction.SetProperty set, Stage stage, String next,
                                             JourneyDefinition d) {
        for (End end : d.ends()) {
            if (Objects.equals(end.value(), set.value())) {
                return new JourneyNodes.ReachEnd(set.id(), stage.id(), d.property(), endTarget(end));
            }
        }
        for (Stage other : d.stages()) {
            if (Objects.equals(other.value(), set.value()) && !other.id().equals(stage.id())) {
                return new JourneyNodes.EnterStage(set.id(), stage.id(), d.property(), stageTarget(other));
            }
        }
        return new Action.SetProperty(set.id(), set.property(), set.value(), next);
    }

    /** The id of a send's second or third asset step: {@code ~sms:{actionId}}, {@code ~whatsapp:{actionId}}. */
    private static String assetStep(String asset, String actionId) {
        return JourneyNodes.PREFIX + asset + ":" + actionId;
    }

    /** The stage action a compiled action is part of: its own id, or the id a send's asset step carries. */
    public static String stageActionOf(String compiledId) {
        for (String asset : List.of("email", "sms", "whatsapp")) {
            if (compiledId.startsWith(assetStep(asset, ""))) {
                return compiledId.substring(assetStep(asset, "").length());
            }
        }
        return compiledId;
    }

    private static JourneyNodes.Target stageTarget(Stage s) {
        return new JourneyNodes.Target(s.value(), s.id(), null, false, s.actions().get(0).id(), null);
    }

    private static JourneyNodes.Target endTarget(End e) {
        return new JourneyNodes.Target(e.value(), null, e.id(), e.isGoal(), null, e.addToList());
    }

    /**
     * On one of the lists, with the property at a stage's value — or empty, when the journey enrolls
     * such contacts into its start stage (R-JRN-2).
     */
    private static Filter eligibility(JourneyDefinition d) {
        List<String> values = d.stages().stream().map(Stage::value).toList();
        List<FilterGroup> groups = new ArrayList<>();
        for (String list : d.eligibilityLists()) {
            groups.add(new FilterGroup(List.of(new Condition.InList(list, true),
                    new Condition.OnProperty(d.property(), Operator.ANY_OF, values))));
            if (d.enrollEmpty()) {
                groups.add(new FilterGroup(List.of(new Condition.InList(list, true),
                        new Condition.OnProperty(d.property(), Operator.IS_UNKNOWN, List.of()))));
            }
        }
        return new Filter(groups);
    }

    /** R-JRN-7: suppression lists, and — when chosen — being on none of the eligibility lists any more. */
    private static Unenrollment unenrollment(JourneyDefinition d) {
        Filter offLists = Filter.NONE;
        if (d.unenrollment().whenRemovedFromEligibilityLists()) {
            offLists = new Filter(List.of(new FilterGroup(d.eligibilityLists().stream()
                    .map(list -> (Condition) new Condition.InList(list, false)).toList())));
        }
        return new Unenrollment(d.unenrollment().suppressionLists(), offLists);
    }

    /** The journey property of a journey's workflow. */
    static String propertyOf(WorkflowDefinition wf) {
        return wf.action(ENTRY).filter(a -> a instanceof JourneyNodes.Route)
                .map(a -> ((JourneyNodes.Route) a).property()).orElse(null);
    }

    /**
     * The stage a contact at {@code cursor} is in; empty when in none (entering, inactive). A
     * contact at an action a publish deleted is where R-JRN-11 sends it, though its next step has
     * not taken it there yet: still in its stage after one deleted action, in none after a run of
     * them or its stage's deletion.
     */
    static Optional<String> stageOf(WorkflowDefinition wf, String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        String at = wf.action(cursor).isPresent() ? cursor
                : RemovedActions.follow(wf, cursor).map(RemovedActions.Redirect::goesTo).orElse(cursor);
        for (Action a : wf.actions()) {
            if (a instanceof JourneyNodes.Stay stay && stay.stageId() != null
                    && (stay.id().equals(at) || stay.members().contains(at))) {
                return Optional.of(stay.stageId());
            }
            if (a instanceof JourneyNodes.Route route && route.id().equals(at)) {
                return Optional.ofNullable(route.fromStage());
            }
        }
        return Optional.empty();
    }

    /** Where a contact in {@code stage} (empty: in none) goes when its property changes: the route out of it. */
    static String routeFor(WorkflowDefinition wf, Optional<String> stage) {
        return stage.map(JourneyWorkflows::routeFrom).filter(id -> wf.action(id).isPresent()).orElse(ROUTE);
    }

    static boolean isNode(String actionId) {
        return Objects.requireNonNullElse(actionId, "").startsWith(JourneyNodes.PREFIX);
    }
}
