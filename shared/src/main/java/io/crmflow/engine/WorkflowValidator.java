package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterProblem;
import io.crmflow.filter.FilterValidator;
import io.crmflow.filter.Schemas;
import io.crmflow.model.EmailAddress;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyType;
import io.crmflow.model.WebhookSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a workflow before it is saved (R-FLT-3): every problem at once, each pointing at the
 * offending node with a JSON pointer into the definition as submitted. Nothing invalid is ever
 * discovered while running. Stateless.
 */
public final class WorkflowValidator {
    private static final Duration LONGEST_DELAY = Duration.ofDays(366);

    private WorkflowValidator() {
    }

    /**
     * Checks a definition apart from any tenant's settings and people (see {@link WebhookValidator#check}): a
     * notification naming a user or team is refused.
     */
    public static List<InputProblem> validate(WorkflowDefinition wf, Schemas schemas) {
        return validate(wf, schemas, null, People.NOBODY);
    }

    /**
     * @param webhooks the tenant's webhook settings, which decide what its webhook actions may target
     * @param people   the tenant's users and teams, which notifications name
     */
    public static List<InputProblem> validate(WorkflowDefinition wf, Schemas schemas, WebhookSettings webhooks,
                                              People people) {
        List<InputProblem> problems = new ArrayList<>();
        var schema = schemas.objectType(wf.objectType());
        if (schema.isEmpty()) {
            problems.add(new InputProblem("/objectType", "object type '" + wf.objectType() + "' does not exist"));
            return problems;
        }
        for (FilterProblem p : FilterValidator.validate(wf.trigger().criteria(), wf.objectType(), schemas)) {
            problems.add(new InputProblem("/trigger/criteria" + p.pointer(), p.message()));
        }
        WorkflowLinksValidator.checkTriggerAndGoal(wf, schema.get(), schemas, problems);
        if (wf.window() != null) {
            checkWindow(wf.window(), problems);
        }
        if (wf.unenrollment() != null) {
            for (int i = 0; i < wf.unenrollment().suppressionLists().size(); i++) {
                requireList(wf.unenrollment().suppressionLists().get(i), "/unenrollment/suppressionLists/" + i, schemas,
                        problems);
            }
            for (FilterProblem p : FilterValidator.validate(wf.unenrollment().criteria(), wf.objectType(), schemas)) {
                problems.add(new InputProblem("/unenrollment/criteria" + p.pointer(), p.message()));
            }
        }
        Map<String, Integer> indexById = new HashMap<>();
        boolean idsComplete = true;
        for (int i = 0; i < wf.actions().size(); i++) {
            Action a = wf.actions().get(i);
            if (a.id() == null || a.id().isBlank()) {
                idsComplete = false;
            } else if (indexById.putIfAbsent(a.id(), i) != null) {
                problems.add(new InputProblem("/actions/" + i + "/id", "action id '" + a.id() + "' is used twice"));
            }
            checkAction(a, "/actions/" + i, schema.get(), schemas, problems);
            WorkflowLinksValidator.checkAction(wf, a, "/actions/" + i, schema.get(), schemas, problems);
            if (a instanceof Action.Webhook hook) {
                WebhookValidator.check(hook, "/actions/" + i, webhooks, problems);
            }
            if (a instanceof Action.Notify notify) {
                NotifyValidation.check(notify, "/actions/" + i, schema.get(), people, problems);
            }
        }
        if (idsComplete) {
            checkGraph(wf, indexById, problems); // the graph is walked by id: without every id it cannot be
        }
        return problems;
    }

    /**
     * {@link #validate(WorkflowDefinition, Schemas, WebhookSettings, People)} and the checks that depend
     * on when the workflow is saved: a delay until a date already past ({@link PastDelays}).
     *
     * @param previous the stored version, or null for a new workflow
     * @param zone     the tenant's timezone, in which dates and times of day are read
     */
    public static List<InputProblem> validate(WorkflowDefinition wf, Schemas schemas, WebhookSettings webhooks,
                                              People people, WorkflowDefinition previous, java.time.Instant now,
                                              java.time.ZoneId zone) {
        List<InputProblem> problems = validate(wf, schemas, webhooks, people);
        problems.addAll(PastDelays.check(wf, previous, now, zone));
        return problems;
    }

    private static void checkAction(Action a, String at, ObjectType schema, Schemas schemas,
                                    List<InputProblem> problems) {
        if (a.id() == null || a.id().isBlank()) {
            problems.add(new InputProblem(at + "/id", "every action needs an id"));
        }
        if (JourneyWorkflows.isJourneyStep(a)) {
            problems.add(new InputProblem(at + "/type", "this step belongs to customer journeys, which make it from"
                    + " their stages; a workflow cannot hold it"));
            return;
        }
        String on = a instanceof Action.SetProperty set ? set.on() : a instanceof Action.ClearProperty clear ? clear.on()
                : a instanceof Action.CopyProperty copy ? copy.on() : null;
        ObjectType target = schema;
        if (on != null) { // R-WF-5: the action changes associated records of this type
            var other = schemas.objectType(on);
            if (other.isEmpty()) {
                problems.add(new InputProblem(at + "/on", "object type '" + on + "' does not exist"));
                return;
            }
            target = other.get();
        }
        if (a instanceof Action.CopyProperty copy) {
            requireProperty(schema, copy.from(), at + "/from", problems);
            requireProperty(target, copy.to(), at + "/to", problems);
            return;
        }
        schema = target;
        if (a instanceof Action.SetProperty set && set.property() == null) {
            problems.add(new InputProblem(at + "/property", "name the property to set"));
        } else if (a instanceof Action.SetProperty set) {
            var property = schema.property(set.property());
            if (property.isEmpty()) {
                problems.add(new InputProblem(at + "/property",
                        "property '" + set.property() + "' does not exist on " + schema.name()));
            } else {
                property.get().problemWith(set.value()).ifPresent(p -> problems.add(new InputProblem(at + "/value", p)));
            }
        } else if (a instanceof Action.CreateTask task) {
            requireText(task.subject(), at + "/subject", "a task needs a subject", problems);
            if (task.dueIn() != null && task.dueIn().isNegative()) {
                problems.add(new InputProblem(at + "/dueIn", "a task cannot be due before it is created"));
            }
        } else if (a instanceof Action.SendEmail send) {
            if (send.from() != null && !send.from().isBlank() && !EmailAddress.isValid(send.from())) {
                problems.add(new InputProblem(at + "/from", "'" + send.from() + "' is not an email address"));
            }
            if (send.template() != null) {
                TicketTemplateValidation.check(send, at, schema, problems);
            } else {
                if (send.kind() == null) {
                    problems.add(new InputProblem(at + "/kind", "say whether the email is marketing or transactional"));
                }
                requireText(send.subject(), at + "/subject", "an email needs a subject", problems);
                requireText(send.body(), at + "/body", "an email needs a body", problems);
            }
        } else if (a instanceof Action.CreateRecord create) {
            var type = create.objectType() == null ? java.util.Optional.<ObjectType>empty() : schemas.objectType(create.objectType());
            if (type.isEmpty()) {
                problems.add(new InputProblem(at + "/objectType", "object type '" + create.objectType() + "' does not exist"));
            } else {
                create.properties().forEach((name, value) -> {
                    var property = type.get().property(name);
                    if (property.isEmpty()) {
                        problems.add(new InputProblem(at + "/properties/" + name, "property '" + name
                                + "' does not exist on " + create.objectType()));
                    } else if (value != null && !value.contains("{{")) { // tokens are checked when rendered
                        property.get().problemWith(value)
                                .ifPresent(p -> problems.add(new InputProblem(at + "/properties/" + name, p)));
                    }
                });
            }
        } else if (a instanceof Action.ClearProperty clear) {
            requireProperty(schema, clear.property(), at + "/property", problems);
        } else if (a instanceof Action.DelayUntilDate until && until.date() == null) {
            problems.add(new InputProblem(at + "/date", "give the date to wait for (yyyy-MM-dd)"));
        } else if (a instanceof Action.DelayUntilProperty until) {
            requireProperty(schema, until.property(), at + "/property", problems);
            schema.property(until.property() == null ? "" : until.property())
                    .filter(p -> p.type() != PropertyType.DATE && p.type() != PropertyType.DATETIME)
                    .ifPresent(p -> problems.add(new InputProblem(at + "/property", "property '" + p.name()
                            + "' is a " + p.type().name().toLowerCase() + "; a delay can wait only for a date or datetime")));
        } else if (a instanceof Action.DelayUntilDayAndTime until && until.time() == null) {
            problems.add(new InputProblem(at + "/time", "give the time of day to wait for (HH:mm)"));
        } else if (a instanceof Action.GoTo go && go.next() == null) {
            problems.add(new InputProblem(at + "/next", "name the action to go to"));
        } else if (a instanceof Action.AddToList add) {
            requireList(add.listId(), at + "/listId", schemas, problems);
        } else if (a instanceof Action.RemoveFromList remove) {
            requireList(remove.listId(), at + "/listId", schemas, problems);
        } else if (a instanceof Action.Branch branch) {
            checkBranch(branch, at, schema, schemas, problems);
        } else if (a instanceof Action.ValueBranch branch) {
            checkValueBranch(branch, at, schema, problems);
        } else if (a instanceof Action.Delay delay) {
            if (delay.duration() == null || delay.duration().isZero() || delay.duration().isNegative()) {
                problems.add(new InputProblem(at + "/duration", "a delay must be longer than zero (e.g. \"P1D\")"));
            } else if (delay.duration().compareTo(LONGEST_DELAY) > 0) {
                problems.add(new InputProblem(at + "/duration", "a delay may last at most 366 days"));
            }
        }
    }

    private static void checkBranch(Action.Branch b, String at, ObjectType schema, Schemas schemas,
                                    List<InputProblem> problems) {
        if (b.paths().isEmpty()) {
            problems.add(new InputProblem(at + "/paths", "a branch needs at least one path"));
        }
        for (int j = 0; j < b.paths().size(); j++) {
            Action.BranchPath path = b.paths().get(j);
            String p = at + "/paths/" + j;
            if (path == null) {
                problems.add(new InputProblem(p, "a path cannot be null"));
                continue;
            }
            requireText(path.name(), p + "/name", "name the path, so the history can say which was taken", problems);
            if (path.criteria() == null || path.criteria().isEmpty()) {
                problems.add(new InputProblem(p + "/criteria", "a path needs criteria; the none-matched branch is 'next'"));
            } else {
                for (FilterProblem fp : FilterValidator.validate(path.criteria(), schema.name(), schemas)) {
                    problems.add(new InputProblem(p + "/criteria" + fp.pointer(), fp.message()));
                }
            }
        }
    }

    private static void checkValueBranch(Action.ValueBranch b, String at, ObjectType schema, List<InputProblem> problems) {
        var property = b.property() == null ? java.util.Optional.<io.crmflow.model.PropertyDefinition>empty()
                : schema.property(b.property());
        if (property.isEmpty()) {
            problems.add(new InputProblem(at + "/property", "property '" + b.property() + "' does not exist on "
                    + schema.name()));
        }
        if (b.cases().isEmpty()) {
            problems.add(new InputProblem(at + "/cases", "a value branch needs at least one value"));
        }
        for (int j = 0; j < b.cases().size(); j++) {
            Action.ValueCase c = b.cases().get(j);
            String valueAt = at + "/cases/" + j + "/value";
            if (c == null || c.value() == null || c.value().isEmpty()) {
                problems.add(new InputProblem(valueAt, "each case needs a value"));
            } else if (property.isPresent()) {
                property.get().problemWith(c.value()).ifPresent(p -> problems.add(new InputProblem(valueAt, p)));
            }
        }
    }

    private static void checkWindow(io.crmflow.definition.ExecutionWindow window, List<InputProblem> problems) {
        if (window.from() == null || window.until() == null) {
            problems.add(new InputProblem("/window", "give the hours the window opens and closes (HH:mm)"));
        } else if (!window.from().isBefore(window.until())) {
            problems.add(new InputProblem("/window/until", "the window must close after it opens ("
                    + window.from() + " to " + window.until() + ")"));
        }
    }

    private static void requireProperty(ObjectType schema, String property, String at, List<InputProblem> problems) {
        if (property == null || schema.property(property).isEmpty()) {
            problems.add(new InputProblem(at, "property '" + property + "' does not exist on " + schema.name()));
        }
    }

    private static void requireList(String listId, String at, Schemas schemas, List<InputProblem> problems) {
        if (listId == null || !schemas.listExists(listId)) {
            problems.add(new InputProblem(at, "there is no list '" + listId + "'"));
        }
    }

    private static void requireText(String value, String at, String message, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InputProblem(at, message));
        }
    }

    /** Every action reachable from the first, every successor existing, and no loop without a wait in it. */
    private static void checkGraph(WorkflowDefinition wf, Map<String, Integer> indexById, List<InputProblem> problems) {
        if (wf.actions().isEmpty()) {
            if (wf.firstActionId() != null) {
                problems.add(new InputProblem("/firstActionId", "there is no action '" + wf.firstActionId() + "'"));
            }
            return;
        }
        if (wf.firstActionId() == null || !indexById.containsKey(wf.firstActionId())) {
            problems.add(new InputProblem("/firstActionId", wf.firstActionId() == null
                    ? "name the action the workflow starts with"
                    : "there is no action '" + wf.firstActionId() + "'"));
            return;
        }
        for (int i = 0; i < wf.actions().size(); i++) {
            checkSuccessors(wf.actions().get(i), "/actions/" + i, indexById, problems);
        }
        Set<String> reached = ActionGraph.reachable(wf.firstActionId(), wf.actions());
        for (int i = 0; i < wf.actions().size(); i++) {
            if (!reached.contains(wf.actions().get(i).id())) {
                problems.add(new InputProblem("/actions/" + i, "action '" + wf.actions().get(i).id()
                        + "' can never be reached from '" + wf.firstActionId() + "'"));
            }
        }
        findLoopWithoutWait(wf, reached, indexById).ifPresent(id -> problems.add(new InputProblem(
                "/actions/" + indexById.get(id), "actions loop back to '" + id
                        + "' with no delay in the loop and would never end")));
    }

    /**
     * "Every loop waits" is "without the actions that always wait, the graph has no loop": a
     * depth-first search over the rest (unvisited / on the path / done) finds any loop, wherever
     * branches join. Delays to a date or a property are not counted as waits: a date passed, or
     * an empty property, does not wait.
     *
     * @return an action on a loop with no wait, if there is one
     */
    private static java.util.Optional<String> findLoopWithoutWait(WorkflowDefinition wf, Set<String> reached,
                                                                 Map<String, Integer> indexById) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (String start : reached) {
            var found = visit(wf, start, state, indexById);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> visit(WorkflowDefinition wf, String id, Map<String, Integer> state,
                                                   Map<String, Integer> indexById) {
        var action = wf.action(id);
        if (action.isEmpty() || alwaysWaits(action.get()) || state.getOrDefault(id, 0) == 2) {
            return java.util.Optional.empty();
        }
        if (state.getOrDefault(id, 0) == 1) {
            return java.util.Optional.of(id);
        }
        state.put(id, 1);
        for (String next : action.get().successors()) {
            if (indexById.containsKey(next)) {
                var found = visit(wf, next, state, indexById);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        state.put(id, 2);
        return java.util.Optional.empty();
    }

    private static boolean alwaysWaits(Action a) {
        return a instanceof Action.Delay || a instanceof Action.DelayUntilDayAndTime || a instanceof Action.WaitForEvent;
    }

    private static void checkSuccessors(Action a, String at, Map<String, Integer> indexById, List<InputProblem> problems) {
        if (a instanceof Action.Branch b) {
            for (int j = 0; j < b.paths().size(); j++) {
                if (b.paths().get(j) != null) {
                    missing(b.paths().get(j).next(), at + "/paths/" + j + "/next", indexById, problems);
                }
            }
        } else if (a instanceof Action.ValueBranch b) {
            for (int j = 0; j < b.cases().size(); j++) {
                if (b.cases().get(j) != null) {
                    missing(b.cases().get(j).next(), at + "/cases/" + j + "/next", indexById, problems);
                }
            }
        }
        if (a instanceof Action.WaitForEvent w) {
            missing(w.timeoutNext(), at + "/timeoutNext", indexById, problems);
        }
        missing(a.next(), at + "/next", indexById, problems);
    }

    private static void missing(String next, String at, Map<String, Integer> indexById, List<InputProblem> problems) {
        if (next != null && !indexById.containsKey(next)) {
            problems.add(new InputProblem(at, "there is no action '" + next + "'"));
        }
    }

}
