package io.crmflow.store;

import java.time.Instant;

/** An enrollment whose next step is due, as found in the due index. */
/**
 * @param resends how many times the sweeper has re-sent this step already (re-armed it); 0 until
 *                it first does, and back to 0 whenever the enrollment moves on
 */
public record DueStep(String tenantId, String enrollmentId, long seq, Instant dueAt, int resends) {
}
