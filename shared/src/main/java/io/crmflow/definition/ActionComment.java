package io.crmflow.definition;

import io.crmflow.model.Names;
import java.time.Instant;

/**
 * A note a person left on one action of a workflow for the others who work on it (R-PIPE-2).
 * Kept beside the workflow, not in it: commenting changes no version and reaches no enrollment.
 *
 * @param author the user who wrote it
 */
public record ActionComment(String id, String workflowId, String actionId, String author, String text, Instant at) {
    /** Long enough for a paragraph; a comment is not a document. */
    public static final int MAX_TEXT = 2000;

    public ActionComment {
        Names.requireValid(id, "comment id");
        Names.requireValid(workflowId, "workflow id");
        java.util.Objects.requireNonNull(actionId, "action id is required");
        Names.requireValid(author, "author");
        java.util.Objects.requireNonNull(at, "comment time is required");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a comment needs a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a comment holds at most " + MAX_TEXT + " characters, not "
                    + text.length());
        }
    }
}
