package io.crmflow.engine;

/** What handling one step message came to. Every outcome but a thrown exception acknowledges the message. */
public enum StepOutcome {
    /** The action ran and the enrollment moved on. */
    EXECUTED,
    /** The message was a duplicate or out of date: the enrollment is elsewhere. */
    STALE,
    /** The message came before the wait ended; the due index will send it again. */
    NOT_DUE,
    /** The workflow is switched off; the step waits for it to be switched on. */
    HELD
}
