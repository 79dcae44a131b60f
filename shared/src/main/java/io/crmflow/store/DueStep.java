package io.crmflow.store;

import java.time.Instant;

/** An enrollment whose next step is due, as found in the due index. */
public record DueStep(String tenantId, String enrollmentId, long seq, Instant dueAt) {
}
