package io.crmflow.cli;

/** What the process's exit code says, the same for every command. */
final class ExitCodes {
    /** Done, nothing wrong; for diff: nothing to change. */
    static final int OK = 0;
    /** Something is wrong: a definition, the folder, the target, or the command line. */
    static final int ERROR = 1;
    /** diff only: applying would change the target (as terraform plan -detailed-exitcode). */
    static final int CHANGES = 2;

    private ExitCodes() {
    }
}
