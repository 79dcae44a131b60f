package io.crmflow.store;

import java.time.Instant;

/** An enrollment whose next step is due, as found in the due index. */
/**
 * @param resends  how many times the sweeper has re-sent this step already (re-armed it); 0 until
 *                 it first does, and back to 0 whenever the enrollment moves on
 * @param failures how many times a message of this step was dead-lettered after failing every
 *                 attempt ({@link EnrollmentStore#recordFailure}); also back to 0 when it moves on
 */
public record DueStep(String tenantId, String enrollmentId, long seq, Instant dueAt, int resends, int failures) {
}
