package io.crmflow.engine;

/** Asks the step handler to run step {@code seq} of one enrollment. Safe to deliver twice. */
public record StepMessage(String tenantId, String enrollmentId, long seq) {
}
