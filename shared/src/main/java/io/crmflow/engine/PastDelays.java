package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.InputProblem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Save-time check that a delay until a calendar date does not wait for a moment already past:
 * nobody would ever wait in it. Read in the tenant's timezone, as the step reads it. A delay
 * the stored version already had, with the same date and time, is let through: its date
 * passing since is its normal fate (it no longer waits), and refusing it would block every
 * other edit of the workflow, switching it on or deleting an action included. Stateless.
 */
final class PastDelays {
    private PastDelays() {
    }

    /** @param previous the stored version, or null for a new workflow */
    static List<InputProblem> check(WorkflowDefinition wf, WorkflowDefinition previous, Instant now, ZoneId zone) {
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < wf.actions().size(); i++) {
            if (wf.actions().get(i) instanceof Action.DelayUntilDate d && d.date() != null && !savedBefore(d, previous)) {
                var until = ZonedDateTime.of(d.date(), WaitActions.timeOrMidnight(d.time()), zone);
                if (!until.toInstant().isAfter(now)) {
                    problems.add(new InputProblem("/actions/" + i, "delay '" + d.id() + "' waits until "
                            + until.toLocalDateTime() + " (" + zone + "), which has already passed; choose a later date"));
                }
            }
        }
        return problems;
    }

    private static boolean savedBefore(Action.DelayUntilDate d, WorkflowDefinition previous) {
        return previous != null && previous.action(d.id()).filter(a -> a instanceof Action.DelayUntilDate was
                && d.date().equals(was.date()) && WaitActions.timeOrMidnight(d.time())
                .equals(WaitActions.timeOrMidnight(was.time()))).isPresent();
    }
}
