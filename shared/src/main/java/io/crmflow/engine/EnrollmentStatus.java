package io.crmflow.engine;

/** Where an enrollment is in its life. Terminal statuses never change again. */
public enum EnrollmentStatus {
    /** The action at the cursor is to run as soon as its step message arrives. */
    ACTIVE(false),
    /** The action at the cursor runs once {@code dueAt} has passed. */
    WAITING(false),
    /**
     * The cursor's wait-for-event action is waiting for its event; {@code dueAt} is its timeout.
     * Told apart from {@link #WAITING} because a delay may end just before such an action.
     */
    AWAITING_EVENT(false),
    COMPLETED(true),
    UNENROLLED(true),
    /** An action failed in a way retrying cannot mend (e.g. its definition vanished). */
    FAILED(true);

    private final boolean terminal;

    EnrollmentStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Whether the next step runs only once {@code dueAt} has passed. */
    public boolean waits() {
        return this == WAITING || this == AWAITING_EVENT;
    }
}
