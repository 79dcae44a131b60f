package io.crmflow.engine;

/** Where an enrollment is in its life. Terminal statuses never change again. */
public enum EnrollmentStatus {
    /** The action at the cursor is to run as soon as its step message arrives. */
    ACTIVE(false),
    /** The action at the cursor runs once {@code dueAt} has passed. */
    WAITING(false),
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
}
