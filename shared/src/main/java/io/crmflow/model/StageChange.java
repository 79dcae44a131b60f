package io.crmflow.model;

import java.time.Instant;

/**
 * One change of a record's pipeline, stage (a ticket's status) or lifecycle stage, and who or
 * what made it. Kept with the record for good: the stage history shows it, and the lead and
 * ticket rules read it (a lead moved back by hand, R-LEAD-5; a ticket reopened, R-PIPE-5).
 *
 * @param from the value before, or null when there was none
 * @param to   the value after, or null when it was cleared
 * @param eventId the change's event
 * @param recordVersion the version of the record the change made: a record's changes are ordered
 *                      by it, since two may share an instant but never a version
 */
public record StageChange(String property, String from, String to, Instant at, Origin origin, String eventId,
                          long recordVersion) {
    public StageChange {
        Require.name(property, "property");
        Require.nonNull(at, "change time");
        Require.nonNull(origin, "origin");
        Require.name(eventId, "event id");
    }
}
