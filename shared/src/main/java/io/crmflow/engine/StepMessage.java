package io.crmflow.engine;

/** Asks the step handler to run step {@code seq} of one enrollment. Safe to deliver twice. */
public record StepMessage(String tenantId, String enrollmentId, long seq) {
    public StepMessage {
        if (tenantId == null || tenantId.isBlank() || enrollmentId == null || enrollmentId.isBlank() || seq < 1) {
            throw new IllegalArgumentException("a step message needs tenantId, enrollmentId and a seq of 1 or more");
        }
    }
}
