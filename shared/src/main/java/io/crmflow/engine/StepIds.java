package io.crmflow.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of what a step creates, derived from the enrollment and the step number so that deciding
 * the same step twice yields the same ids — the table's conditions then turn a repeat into a
 * no-op. A hash of an unambiguous encoding keeps them distinct for distinct steps (joining ids
 * that may themselves hold separators would not) and short whatever the lengths of the
 * workflow and record ids.
 */
public final class StepIds {
    private StepIds() {
    }

    /** The id of the task created by step {@code seq} of an enrollment. */
    public static String task(String enrollmentId, long seq) {
        return "task-" + digest(enrollmentId + "~" + seq);
    }

    /** The id of the record created by step {@code seq} of an enrollment. */
    public static String record(String enrollmentId, long seq) {
        return "rec-" + digest(enrollmentId + "~" + seq);
    }

    /** The id of the {@code n}-th event made by step {@code seq} of an enrollment. */
    public static String event(String enrollmentId, long seq, int n) {
        return "evt-" + digest(enrollmentId + "~" + seq + "~" + n);
    }

    /** The id an email sent by step {@code seq} carries as a tag: short, and only characters tags allow. */
    public static String email(String enrollmentId, long seq) {
        return "email-" + digest(enrollmentId + "~" + seq);
    }

    /** The id of the in-app notification step {@code seq} of an enrollment leaves for a user. */
    public static String notification(String enrollmentId, long seq, String userId) {
        return "ntf-" + digest(enrollmentId + "~" + seq + "~" + userId);
    }

    /**
     * The ledger key remembering that event {@code causeEventId} enrolled a record in a workflow
     * that re-enrolls. Readable rather than hashed: keys already stored must keep matching.
     */
    static String entry(String workflowId, String causeEventId) {
        return "ENTRY#" + workflowId + "#" + causeEventId;
    }

    static String digest(String text) {
        return digest(text, 16);
    }

    /**
     * The first {@code bytes} bytes of the text's SHA-256, in hex. Ids already stored fix each
     * caller's length: changing it would orphan them.
     */
    static String digest(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
