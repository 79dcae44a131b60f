package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterProblem;
import io.crmflow.filter.FilterValidator;
import io.crmflow.filter.Schemas;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    public static List<InputProblem> validate(WorkflowDefinition wf, Schemas schemas) {
        List<InputProblem> problems = new ArrayList<>();
        var schema = schemas.objectType(wf.objectType());
        if (schema.isEmpty()) {
            problems.add(new InputProblem("/objectType", "object type '" + wf.objectType() + "' does not exist"));
            return problems;
        }
        for (FilterProblem p : FilterValidator.validate(wf.trigger().criteria(), wf.objectType(), schemas)) {
            problems.add(new InputProblem("/trigger/criteria" + p.pointer(), p.message()));
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
            checkAction(a, "/actions/" + i, schema.get(), problems);
        }
        if (idsComplete) {
            checkGraph(wf, indexById, problems); // the graph is walked by id: without every id it cannot be
        }
        return problems;
    }

    private static void checkAction(Action a, String at, ObjectType schema, List<InputProblem> problems) {
        if (a.id() == null || a.id().isBlank()) {
            problems.add(new InputProblem(at + "/id", "every action needs an id"));
        }
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
            if (send.kind() == null) {
                problems.add(new InputProblem(at + "/kind", "say whether the email is marketing or transactional"));
            }
            if (send.from() != null && !send.from().isBlank() && !send.from().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(new InputProblem(at + "/from", "'" + send.from() + "' is not an email address"));
            }
            requireText(send.subject(), at + "/subject", "an email needs a subject", problems);
            requireText(send.body(), at + "/body", "an email needs a body", problems);
        } else if (a instanceof Action.Delay delay) {
            if (delay.duration() == null || delay.duration().isZero() || delay.duration().isNegative()) {
                problems.add(new InputProblem(at + "/duration", "a delay must be longer than zero (e.g. \"P1D\")"));
            } else if (delay.duration().compareTo(LONGEST_DELAY) > 0) {
                problems.add(new InputProblem(at + "/duration", "a delay may last at most 366 days"));
            }
        }
    }

    private static void requireText(String value, String at, String message, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InputProblem(at, message));
        }
    }

    /** Every action reachable from the first, every next existing, and no loop without end. */
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
            String next = wf.actions().get(i).next();
            if (next != null && !indexById.containsKey(next)) {
                problems.add(new InputProblem("/actions/" + i + "/next", "there is no action '" + next + "'"));
            }
        }
        Set<String> reached = new HashSet<>();
        String cursor = wf.firstActionId();
        while (cursor != null && indexById.containsKey(cursor)) {
            if (!reached.add(cursor)) {
                problems.add(new InputProblem("/actions/" + indexById.get(cursor),
                        "actions loop back to '" + cursor + "' and would never end"));
                return;
            }
            cursor = wf.action(cursor).map(Action::next).orElse(null);
        }
        for (int i = 0; i < wf.actions().size(); i++) {
            if (!reached.contains(wf.actions().get(i).id())) {
                problems.add(new InputProblem("/actions/" + i, "action '" + wf.actions().get(i).id()
                        + "' can never be reached from '" + wf.firstActionId() + "'"));
            }
        }
    }
}
