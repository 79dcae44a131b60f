package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.journey.EligibilityKey;
import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyDiff;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.JourneyView;
import io.crmflow.journey.Publication;
import io.crmflow.journey.StageVersion;
import io.crmflow.journey.VersionView;
import io.crmflow.model.NotFoundException;
import io.crmflow.store.ConflictException;
import io.crmflow.store.JourneyStore;
import io.crmflow.store.Page;
import io.crmflow.store.Write;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Customer journeys' drafts, publishing and versions (R-JRN-10, R-JRN-12). Every change is one
 * new version, committed with the journey on condition of the version it was made on, so of two
 * people saving at once the second is told rather than overwriting. What is published changes
 * only on publish: a saved draft or a restored version is the draft alone, and the runtime
 * follows the published version. Thread-safe.
 */
public final class JourneyService {
    /** R-JRN-9. */
    public static final int MAX_JOURNEYS_PER_USER = 10;

    private final Ports ports;
    private final JourneyStore store;
    private final Clock clock;
    private final JourneyRules rules;
    private final Backfills backfills;

    /** @param backfills enrolls the contacts that meet a journey's criteria when it is published asking for it */
    public JourneyService(Ports ports, Clock clock, Backfills backfills) {
        this.ports = ports;
        this.store = ports.journeys();
        this.clock = clock;
        this.rules = new JourneyRules(ports);
        this.backfills = backfills;
    }

    /**
     * Creates a journey, as a draft, owned by {@code owner} (R-JRN-9).
     *
     * @param ownerPointer where the request named the owner (a header, a field): a refused owner is reported there
     * @param journeyId    null for a new id; else the id to create it under, refused if taken
     */
    public JourneyView create(String tenantId, String owner, String ownerPointer, String journeyId,
                              JourneyDefinition draft) {
        rules.requireOwner(tenantId, owner, ownerPointer);
        rules.requireValid(tenantId, draft, JourneyValidator.Purpose.DRAFT);
        String id = journeyId != null ? journeyId : ports.ids().get();
        if (store.journey(tenantId, id).isPresent()) {
            throw new AlreadyExistsException("journey '" + id + "' already exists");
        }
        List<String> claims = List.of(EligibilityKey.of(draft));
        rules.requireUnclaimed(tenantId, id, draft, claims);
        var now = clock.instant();
        var version = new JourneyVersion(1, JourneyVersion.Kind.CREATED, now, owner, null, null,
                JourneyDiff.between(null, draft));
        var journey = new Journey(tenantId, id, owner, 1, 0, draft.name(), draft.property(), draft.eligibilityLists(),
                null, claims, now, now);
        commit(null, journey, version, draft, List.of(new Write.CountOwnedJourney(tenantId, owner,
                MAX_JOURNEYS_PER_USER)), ownerPointer);
        return JourneyView.of(journey, draft, null);
    }

    /** The tenant's journeys in id order, a page at a time. */
    public Page<Journey> list(String tenantId, String cursor, int limit) {
        return store.journeys(tenantId, cursor, limit);
    }

    public JourneyView view(String tenantId, String journeyId) {
        return versions(journey(tenantId, journeyId)).view();
    }

    /**
     * Saves the draft (R-JRN-10): a new version, and nothing changes for contacts until it is
     * published. A draft identical to the current one makes no version.
     *
     * @param baseVersion the version the edit started from; a save made since refuses it
     * @param by          the user saving, or null for the API
     */
    public JourneyView saveDraft(String tenantId, String journeyId, JourneyDefinition draft, long baseVersion,
                                 String by) {
        Journey journey = journey(tenantId, journeyId);
        if (journey.version() != baseVersion) {
            throw changedSince(journey, baseVersion);
        }
        rules.requireValid(tenantId, draft, JourneyValidator.Purpose.DRAFT);
        JourneyVersions versions = versions(journey);
        if (versions.draft().equals(draft)) {
            return versions.view();
        }
        return newDraft(versions, journey, draft, JourneyVersion.Kind.SAVED, null, by);
    }

    /**
     * Makes an earlier version the draft again (R-JRN-12): the draft's edits are discarded, and it
     * still has to be published to change anything for contacts.
     */
    public JourneyView restore(String tenantId, String journeyId, long number, String by) {
        Journey journey = journey(tenantId, journeyId);
        JourneyVersions versions = versions(journey);
        if (number == journey.version()) {
            return versions.view();
        }
        JourneyDefinition restored = versions.find(number)
                .orElseThrow(() -> new NotFoundException("journey '" + journeyId + "' has no version " + number));
        // The tenant's lists and people may have changed since that version was saved.
        rules.requireValid(tenantId, restored, JourneyValidator.Purpose.DRAFT);
        return newDraft(versions, journey, restored, JourneyVersion.Kind.RESTORED, number, by);
    }

    /**
     * Publishes the draft (R-JRN-10): from this version on, contacts follow it — new ones from its
     * start, those inside where they are, or where R-JRN-11 sends them when that was deleted
     * ({@link JourneyLiveEdits}). The journey's workflow ({@link JourneyWorkflows}) is replaced in
     * the same commit. With {@code enrollExisting}, the contacts that meet the criteria now are
     * enrolled by a backfill, as a workflow's activation does (R-WF-8). The answers to the two
     * questions publishing asks are kept with the version and the journey.
     *
     * @param reviewed the version the person reviewed, or null; when the draft changed since, nothing is published
     */
    public JourneyView publish(String tenantId, String journeyId, boolean enrollExisting, boolean createStageReports,
                               Long reviewed, String by) {
        Journey journey = journey(tenantId, journeyId);
        if (reviewed != null && reviewed != journey.version()) {
            throw changedSince(journey, reviewed);
        }
        JourneyVersions versions = versions(journey);
        JourneyDefinition draft = versions.draft();
        rules.requireValid(tenantId, draft, JourneyValidator.Purpose.PUBLISH);
        var now = clock.instant();
        long number = journey.version() + 1;
        var publication = new Publication(number, enrollExisting, createStageReports, by, now);
        var version = new JourneyVersion(number, JourneyVersion.Kind.PUBLISHED, now, by, null, publication, List.of());
        Journey published = journey.withPublished(number, publication, List.of(EligibilityKey.of(draft)));
        if (versions.published() != null) {
            requireActionsStayInTheirStages(versions.published(), draft);
        }
        Optional<WorkflowDefinition> running = ports.definitions().workflow(tenantId, JourneyWorkflows.idFor(journeyId));
        long runningVersion = running.map(WorkflowDefinition::version).orElse(0L);
        WorkflowDefinition next = JourneyWorkflows.compile(tenantId, journeyId, draft, runningVersion + 1);
        if (running.isPresent() && versions.published() != null) {
            next = next.withRemovedActions(RemovedActions.afterSave(running.get(), next,
                    JourneyLiveEdits.redirects(running.get(), next, versions.published(), draft)));
        }
        JourneyWorkflows.requireFitsOneItem(next);
        commit(journey, published, version, draft, List.of(new Write.PutWorkflow(next, runningVersion)), null);
        // Asked for every publish, as a workflow's activation is: "no" also stops a backfill an earlier "yes" began.
        backfills.activateJourney(tenantId, next.id(), enrollExisting, now);
        return JourneyView.of(published, draft, draft);
    }

    /** R-JRN-11 follows contacts by action: an action keeps its stage from one published version to the next. */
    private static void requireActionsStayInTheirStages(JourneyDefinition published, JourneyDefinition draft) {
        var moved = JourneyLiveEdits.movedBetweenStages(published, draft);
        if (!moved.isEmpty()) {
            throw new io.crmflow.model.InvalidInputException(moved.entrySet().stream().map(m ->
                    new io.crmflow.model.InputProblem(m.getKey(), "this action was in stage '" + m.getValue()
                            + "' of the published version, and contacts may be at it there; an action keeps its"
                            + " stage: delete it there and add a new one, with another id, here")).toList());
        }
    }

    public VersionView version(String tenantId, String journeyId, long number) {
        journey(tenantId, journeyId);
        var version = store.journeyVersion(tenantId, journeyId, number)
                .orElseThrow(() -> new NotFoundException("journey '" + journeyId + "' has no version " + number));
        return new VersionView(version, store.journeyDefinition(tenantId, journeyId, number).orElseThrow());
    }

    /** The journey's version history, newest first. */
    public Page<JourneyVersion> versions(String tenantId, String journeyId, String cursor, int limit) {
        journey(tenantId, journeyId);
        return store.journeyVersions(tenantId, journeyId, cursor, limit);
    }

    /** The versions that changed one stage, newest first; a stage no version ever had is not found. */
    public Page<StageVersion> stageVersions(String tenantId, String journeyId, String stageId, String cursor,
                                            int limit) {
        journey(tenantId, journeyId);
        Page<StageVersion> page = store.stageVersions(tenantId, journeyId, stageId, cursor, limit);
        if (cursor == null && page.items().isEmpty()) {
            throw new NotFoundException("journey '" + journeyId + "' never had a stage '" + stageId + "'");
        }
        return page;
    }

    /** {@code versions} are the journey's as read in this request: the current draft and the published one. */
    private JourneyView newDraft(JourneyVersions versions, Journey journey, JourneyDefinition draft,
                                 JourneyVersion.Kind kind, Long restoredFrom, String by) {
        JourneyDefinition current = versions.draft();
        Optional<JourneyDefinition> published = Optional.ofNullable(versions.published());
        List<String> claims = new ArrayList<>(List.of(EligibilityKey.of(draft)));
        published.map(EligibilityKey::of).filter(k -> !claims.contains(k)).ifPresent(claims::add);
        rules.requireUnclaimed(journey.tenantId(), journey.id(), draft, claims);
        var now = clock.instant();
        long number = journey.version() + 1;
        var version = new JourneyVersion(number, kind, now, by, restoredFrom, null, JourneyDiff.between(current, draft));
        Journey saved = journey.withDraft(number, draft, claims, now);
        commit(journey, saved, version, draft, List.of(), null);
        return JourneyView.of(saved, draft, published.orElse(null));
    }

    /**
     * One transaction: the journey and its new version, the eligibility keys it newly holds and
     * those it lets go of, and {@code more}. A failed condition says which rule lost a race.
     *
     * @param ownerPointer where a creation's request named the owner; null for any other change
     */
    private void commit(Journey before, Journey after, JourneyVersion version, JourneyDefinition definition,
                        List<Write> more, String ownerPointer) {
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutJourney(after, before == null ? 0 : before.version(), version, definition));
        List<String> held = before == null ? List.of() : before.eligibilityClaims();
        after.eligibilityClaims().stream().filter(k -> !held.contains(k))
                .forEach(k -> writes.add(new Write.ClaimEligibility(after.tenantId(), k, after.id())));
        held.stream().filter(k -> !after.eligibilityClaims().contains(k))
                .forEach(k -> writes.add(new Write.ReleaseEligibility(after.tenantId(), k, after.id())));
        writes.addAll(more);
        try {
            ports.writer().commit(writes);
        } catch (ConflictException e) {
            Write failed = e.writeIndex() >= 0 && e.writeIndex() < writes.size() ? writes.get(e.writeIndex()) : null;
            throw rules.lostRace(failed, after, definition, ownerPointer);
        }
    }

    private Journey journey(String tenantId, String journeyId) {
        return store.journey(tenantId, journeyId)
                .orElseThrow(() -> new NotFoundException("journey '" + journeyId + "' does not exist"));
    }

    private JourneyVersions versions(Journey journey) {
        return new JourneyVersions(store, journey);
    }

    private static ConcurrentChangeException changedSince(Journey journey, long seen) {
        return new ConcurrentChangeException("journey '" + journey.id() + "' is at version " + journey.version()
                + ", not " + seen + ": someone changed it since; reload it and make the change again");
    }
}
