package io.crmflow.journey;

import java.time.Instant;

/**
 * The answers given when a journey was published (R-JRN-10), kept so the runtime can act on
 * them and a person can see what was chosen.
 *
 * @param enrollExisting     enroll the contacts that meet the criteria now, not only those that meet them later
 * @param createStageReports make a dashboard with a report per stage
 * @param by                 the user who published; null when the API did, naming nobody
 */
public record Publication(long version, boolean enrollExisting, boolean createStageReports, String by, Instant at) {
}
