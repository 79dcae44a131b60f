package io.crmflow.journey;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a single stage's version history (R-JRN-12): a version of the journey that
 * changed this stage, and what it changed there.
 */
public record StageVersion(String stageId, long number, JourneyVersion.Kind kind, Instant at, String by,
                           List<JourneyChange> changes) {
    public StageVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The stages a journey version changed, each with its own entry. */
    public static List<StageVersion> of(JourneyVersion v) {
        return v.changes().stream().map(JourneyChange::stage).filter(java.util.Objects::nonNull).distinct()
                .map(stage -> new StageVersion(stage, v.number(), v.kind(), v.at(), v.by(), v.changesOf(stage)))
                .toList();
    }
}
