package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyValues;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Decides the delays: each becomes a wait until a moment, or no wait when that moment has passed. */
final class WaitActions {
    private WaitActions() {
    }

    static StepDecision delay(StepDraft step, Action.Delay a) {
        Instant until = step.now.plus(a.duration());
        step.log(Kind.WAIT_STARTED, a.id(), "waiting until " + until);
        return step.waitUntil(a.next(), until);
    }

    static StepDecision delayUntilProperty(StepDraft step, Action.DelayUntilProperty a, CrmRecord record, ObjectType schema,
                                            ZoneId zone) {
        String raw = record.property(a.property()).orElse("");
        var type = schema.property(a.property()).map(io.crmflow.model.PropertyDefinition::type).orElse(null);
        Instant base;
        try {
            base = raw.isEmpty() || type == null ? null
                    : type == io.crmflow.model.PropertyType.DATE
                    ? ZonedDateTime.of(PropertyValues.date(raw), timeOrMidnight(a.time()), zone).toInstant()
                    : PropertyValues.instant(raw);
        } catch (RuntimeException unreadable) {
            base = null;
        }
        if (base == null) {
            step.log(Kind.WAIT_ENDED, a.id(), a.property() + " holds no date: no wait");
            return step.moveTo(a.next());
        }
        return waitFor(step, a.id(), DelayTimes.shift(base, a.offset(), zone), a.next());
    }

    /** Waits until {@code until}, or goes on at once when that moment has passed. */
    static StepDecision waitFor(StepDraft step, String actionId, Instant until, String next) {
        if (!until.isAfter(step.now)) {
            step.log(Kind.WAIT_ENDED, actionId, until + " has passed: no wait");
            return step.moveTo(next);
        }
        step.log(Kind.WAIT_STARTED, actionId, "waiting until " + until);
        return step.waitUntil(next, until);
    }

    static LocalTime timeOrMidnight(LocalTime time) {
        return time == null ? LocalTime.MIDNIGHT : time;
    }

    /**
     * Starts waiting for the action's event (the trigger handler ends the wait when it happens),
     * or, reached again when the timeout is due, takes the timeout path.
     */
    static StepDecision waitForEvent(StepDraft step, Action.WaitForEvent a) {
        if (step.e.status() == EnrollmentStatus.AWAITING_EVENT) {
            step.log(Kind.WAIT_ENDED, a.id(), "the event did not happen within " + a.timeout()
                    + ": took the timeout path");
            return step.moveTo(a.timeoutNext());
        }
        Instant until = step.now.plus(a.timeout());
        step.log(Kind.WAIT_STARTED, a.id(), "waiting for the event until " + until + " at the latest");
        return step.awaitEvent(a.id(), until);
    }
}
