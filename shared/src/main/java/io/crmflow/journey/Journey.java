package io.crmflow.journey;

import io.crmflow.model.Names;
import java.time.Instant;
import java.util.List;

/**
 * A customer journey as a whole: whose it is (R-JRN-9), which of its versions is the draft being
 * edited (the latest) and which is published — what the runtime follows (R-JRN-10). The definitions themselves
 * are versions of their own; this names them. Immutable.
 *
 * @param version           the number of its latest version, which is always the draft being edited: every
 *                          save, publish and restore makes the next one, and is accepted only from the version
 *                          it was made on (optimistic lock)
 * @param publishedVersion  the version contacts follow; 0 while never published
 * @param name              the draft's name, for listings
 * @param property          the draft's property, for listings
 * @param eligibilityLists  the draft's lists, for listings
 * @param lastPublication   the answers of the latest publish; null while never published
 * @param eligibilityClaims what the journey holds of R-JRN-3, so that a change can let go of it: the
 *                          {@link EligibilityKey}s of its draft and of its published version
 */
public record Journey(String tenantId, String id, String owner, long version, long publishedVersion, String name, String property, List<String> eligibilityLists,
                      Publication lastPublication, List<String> eligibilityClaims, Instant createdAt,
                      Instant updatedAt) {

    public Journey {
        Names.requireValid(tenantId, "tenant id");
        Names.requireValid(id, "journey id");
        Names.requireValid(owner, "owner");
        eligibilityLists = eligibilityLists == null ? List.of() : List.copyOf(eligibilityLists);
        eligibilityClaims = eligibilityClaims == null ? List.of() : List.copyOf(eligibilityClaims);
    }

    /** Published at least once: contacts may be following it. */
    public boolean isPublished() {
        return publishedVersion > 0;
    }

    /** The journey after a new version that is its draft (a save or a restore). */
    public Journey withDraft(long newVersion, JourneyDefinition draft, List<String> claims, Instant at) {
        return new Journey(tenantId, id, owner, newVersion, publishedVersion, draft.name(), draft.property(),
                draft.eligibilityLists(), lastPublication, claims, createdAt, at);
    }

    /** The journey after a new version that is both its draft and its published definition. */
    public Journey withPublished(long newVersion, Publication publication, List<String> claims) {
        return new Journey(tenantId, id, owner, newVersion, newVersion, name, property, eligibilityLists,
                publication, claims, createdAt, publication.at());
    }
}
