package io.crmflow.store;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.StageVersion;
import java.util.Optional;

/**
 * Reads customer journeys (R-JRN): each journey, its versions and their definitions, and the
 * guards of R-JRN-3 and R-JRN-9. Writes are {@link Write.JourneyWrite}s through
 * {@link TransactionalWriter}. Thread-safe.
 */
public interface JourneyStore {

    Optional<Journey> journey(String tenantId, String journeyId);

    /** The tenant's journeys in id order, a page at a time. */
    Page<Journey> journeys(String tenantId, String cursor, int limit);

    /** The definition a version of a journey holds. */
    Optional<JourneyDefinition> journeyDefinition(String tenantId, String journeyId, long version);

    Optional<JourneyVersion> journeyVersion(String tenantId, String journeyId, long version);

    /** A journey's version history, newest first. */
    Page<JourneyVersion> journeyVersions(String tenantId, String journeyId, String cursor, int limit);

    /** The versions that changed one stage of a journey, newest first. */
    Page<StageVersion> stageVersions(String tenantId, String journeyId, String stageId, String cursor, int limit);

    /** The journey holding an eligibility key (R-JRN-3), if any. */
    Optional<String> eligibilityHolder(String tenantId, String key);

    /** How many journeys a user owns (R-JRN-9). */
    long journeysOwned(String tenantId, String userId);
}
