package io.crmflow.model;

import java.time.Instant;

/**
 * An in-app notification a workflow left for one user (R-WF-4), tokens already replaced.
 * Immutable.
 *
 * @param id           derived from the enrollment, its step and the user, so a step decided twice
 *                     makes the same one
 * @param record       the enrolled record the notification is about
 */
public record Notification(String id, String userId, Instant at, String subject, String body, String workflowId,
                           String enrollmentId, String actionId, RecordRef record) {
    public Notification {
        Require.name(id, "notification id");
        Require.name(userId, "user id");
        Require.nonNull(at, "notification time");
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }
}
