package io.crmflow.engine;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.Write;
import java.util.List;

/**
 * The rules a journey is held to beyond its own definition: a valid definition against the
 * tenant's schema, lists and people; an owner who is a user with room for another journey
 * (R-JRN-9); eligibility lists and property that no other journey uses (R-JRN-3). Checked before
 * the commit for a clear answer, and again by the commit's conditions, which decide races.
 * Stateless beyond its ports; thread-safe.
 */
final class JourneyRules {
    private final Ports ports;

    JourneyRules(Ports ports) {
        this.ports = ports;
    }

    void requireValid(String tenantId, JourneyDefinition d, JourneyValidator.Purpose purpose) {
        var schemas = new TenantSchemas(ports.definitions(), tenantId);
        List<InputProblem> problems = JourneyValidator.validate(d,
                schemas.objectType(StandardObjectTypes.CONTACT).orElseThrow(), schemas::list,
                People.of(ports.people(), tenantId), purpose);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The tenant is the caller's to have checked, as the API does for every request.
     *
     * @param pointer where the request named the owner
     */
    void requireOwner(String tenantId, String owner, String pointer) {
        if (owner == null || ports.people().user(tenantId, owner).isEmpty()) {
            throw InvalidInputException.of(pointer, "there is no user '" + owner + "' to own the journey");
        }
        if (ports.journeys().journeysOwned(tenantId, owner) >= JourneyService.MAX_JOURNEYS_PER_USER) {
            throw tooMany(owner, pointer);
        }
    }

    /** Refuses keys another journey holds; {@code claims} are the draft's key, then the published one's. */
    void requireUnclaimed(String tenantId, String journeyId, JourneyDefinition draft, List<String> claims) {
        for (String key : claims) {
            ports.journeys().eligibilityHolder(tenantId, key).filter(holder -> !holder.equals(journeyId))
                    .ifPresent(holder -> {
                        throw sameListsAndProperty(holder, draft);
                    });
        }
    }

    /**
     * What a failed condition of a journey's commit means to the person who asked.
     *
     * @param ownerPointer where a creation's request named the owner; null when the commit was not a creation
     */
    RuntimeException lostRace(Write failed, Journey journey, JourneyDefinition definition, String ownerPointer) {
        boolean creating = ownerPointer != null;
        if (failed instanceof Write.ClaimEligibility claim) {
            String holder = ports.journeys().eligibilityHolder(claim.tenantId(), claim.key()).orElse("another journey");
            return sameListsAndProperty(holder, definition);
        }
        if (failed instanceof Write.CountOwnedJourney count) {
            return tooMany(count.userId(), ownerPointer);
        }
        if (creating && failed instanceof Write.PutJourney) {
            return new AlreadyExistsException("journey '" + journey.id() + "' already exists");
        }
        return new ConcurrentChangeException("journey '" + journey.id() + "' was changed by someone else at the same"
                + " moment; reload it and make the change again");
    }

    private static InvalidInputException sameListsAndProperty(String holder, JourneyDefinition d) {
        return InvalidInputException.of("/eligibilityLists", "journey '" + holder + "' already uses these eligibility"
                + " lists with property '" + d.property() + "'; choose other lists or another property");
    }

    private static InvalidInputException tooMany(String owner, String pointer) {
        return InvalidInputException.of(pointer, "user '" + owner + "' already owns "
                + JourneyService.MAX_JOURNEYS_PER_USER + " journeys, the most one user may have");
    }
}
