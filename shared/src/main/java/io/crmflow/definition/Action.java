package io.crmflow.definition;

import java.time.Duration;

/**
 * One node of a workflow's action graph (R-WF-4). Each action names the one that follows it;
 * a null {@code next} ends the enrollment. The engine dispatches on this family in one place
 * ({@code engine.ActionPlanner}).
 */
public sealed interface Action permits Action.SetProperty, Action.CreateTask, Action.SendEmail, Action.Delay {

    String id();

    /** The id of the following action, or null when this is the last. */
    String next();

    /** Sets a property of the enrolled record; an empty value clears it. */
    record SetProperty(String id, String property, String value, String next) implements Action {
    }

    /**
     * Creates a task associated with the enrolled record.
     *
     * @param dueIn how long after creation the task is due; null for no due time
     */
    record CreateTask(String id, String subject, String body, Duration dueIn, String next) implements Action {
    }

    /**
     * Sends an email to the enrolled record's {@code email} property through SES. Subject and
     * body may hold personalisation tokens, {@code {{firstname|there}}}: the property, or the
     * fallback after '|' when it is empty. Email leaves from the deployment's verified sender;
     * {@code from}, when given and different, is where replies go.
     */
    record SendEmail(String id, EmailKind kind, String from, String subject, String body, String next)
            implements Action {
    }

    /** Waits a fixed duration before the next action. */
    record Delay(String id, Duration duration, String next) implements Action {
    }

    enum EmailKind {
        /** Goes only to contacts that may receive marketing and have not opted out. */
        MARKETING,
        /** Goes to any contact with an address: receipts, notices. */
        TRANSACTIONAL
    }
}
