package io.crmflow.journey;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a journey's version history (R-JRN-12): a saved draft, a publish or a restore,
 * with what changed against the version before it. The definition it holds is kept beside it and
 * read on its own, so listing the history reads no definitions.
 *
 * @param by           the user who made it; null when the API did, naming nobody
 * @param restoredFrom for a restore, the version whose definition became the draft; else null
 * @param publication  for a publish, its answers; else null
 */
public record JourneyVersion(long number, Kind kind, Instant at, String by, Long restoredFrom,
                             Publication publication, List<JourneyChange> changes) {

    public enum Kind {
        /** The first draft, made with the journey. */
        CREATED,
        /** A draft saved. */
        SAVED,
        /** The draft published: from this version on contacts follow it. */
        PUBLISHED,
        /** An earlier version made the draft again, the draft's edits discarded. */
        RESTORED
    }

    public JourneyVersion {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** What this version changed in one stage; empty when it left the stage alone. */
    public List<JourneyChange> changesOf(String stageId) {
        return changes.stream().filter(c -> stageId.equals(c.stage())).toList();
    }
}
