package io.crmflow.outbound;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a webhook, the document docs/workflows.md describes: the enrolled record and the
 * step that posts it. Immutable; properties are kept in name order so the same step always
 * writes the same JSON.
 *
 * @param occurredAt when the step ran
 */
public record WebhookPayload(String deliveryId, String tenantId, String workflowId, String enrollmentId, Step step,
                             EnrolledRecord record, Instant occurredAt) {

    /** @param seq the step's number within the enrollment */
    public record Step(String actionId, long seq) {
    }

    public record EnrolledRecord(String objectType, String id, Map<String, String> properties) {
        public EnrolledRecord {
            properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
        }
    }
}
