package io.crmflow.engine;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ListKind;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a published journey shows of how it runs (R-JRN-13, R-JRN-14): its figures, its two
 * views, its enrollments, and each contact's enrollment and action log. Read-only. Thread-safe.
 */
public final class JourneyReports {
    private static final int PAGE = 100;
    private final Ports ports;
    private final Clock clock;

    public JourneyReports(Ports ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
    }

    /** One contact's enrollment in a journey and a page of its log, newest first. */
    public record ContactLog(Enrollment enrollment, Page<HistoryEntry> log) {
    }

    /** The figures of the published version, from the counters the journey keeps as it runs. */
    public JourneyMetrics metrics(String tenantId, String journeyId) {
        Journey journey = published(tenantId, journeyId);
        JourneyDefinition d = definition(journey);
        return figures(journey, d, eligible(tenantId, d));
    }

    public JourneyViews.Views views(String tenantId, String journeyId) {
        Journey journey = published(tenantId, journeyId);
        JourneyDefinition d = definition(journey);
        return JourneyViews.of(d, figures(journey, d, 0));
    }

    /**
     * The stage reports publishing offers to create (R-JRN-10, seed 003: "un tableau de bord avec des
     * rapports d'étape"): one per stage of the published version, with its figures.
     *
     * @param since when the publish that asked for them was made
     */
    public record StageReports(String journeyId, long publishedVersion, java.time.Instant since,
                               List<JourneyMetrics.StageFigures> stages) {
    }

    /** @throws NotFoundException unless the latest publish asked for stage reports */
    public StageReports stageReports(String tenantId, String journeyId) {
        Journey journey = published(tenantId, journeyId);
        if (journey.lastPublication() == null || !journey.lastPublication().createStageReports()) {
            throw new NotFoundException("journey '" + journeyId + "' was published without stage reports; publish it"
                    + " with \"createStageReports\": true to have them");
        }
        return new StageReports(journeyId, journey.publishedVersion(), journey.lastPublication().at(),
                figures(journey, definition(journey), 0).stages());
    }

    /** The journey's enrollments, newest first, a page at a time. */
    public Page<Enrollment> enrollments(String tenantId, String journeyId, String cursor, int limit) {
        published(tenantId, journeyId);
        return ports.enrollments().enrollmentsOf(tenantId, JourneyWorkflows.idFor(journeyId), cursor, limit);
    }

    public ContactLog contact(String tenantId, String journeyId, String contactId, String cursor, int limit) {
        published(tenantId, journeyId);
        Enrollment e = ports.enrollments().enrollmentOf(tenantId, JourneyWorkflows.idFor(journeyId),
                        new RecordRef(StandardObjectTypes.CONTACT, contactId))
                .orElseThrow(() -> new NotFoundException("contact '" + contactId + "' never enrolled in journey '"
                        + journeyId + "'"));
        return new ContactLog(e, ports.enrollments().history(tenantId, e.id(), cursor, limit));
    }

    /** The published version's figures from the journey's counters; {@code eligible} as counted, or 0 when not asked. */
    private JourneyMetrics figures(Journey journey, JourneyDefinition published, long eligible) {
        return JourneyMetrics.of(journey.id(), journey.publishedVersion(), published, ports.enrollments()
                .counters(journey.tenantId(), JourneyWorkflows.idFor(journey.id())), eligible);
    }

    /**
     * Contacts on one of the eligibility lists now (seed 003: "le nombre de contacts éligibles"):
     * the members of its static lists, paged from each list; an active list is its filter, which
     * only reading each contact can evaluate, so only a journey with one reads every contact.
     */
    private long eligible(String tenantId, JourneyDefinition d) {
        Set<RecordRef> eligible = new HashSet<>();
        List<String> active = new ArrayList<>();
        for (String listId : d.eligibilityLists()) {
            if (ports.definitions().list(tenantId, listId).map(l -> l.kind() == ListKind.ACTIVE).orElse(false)) {
                active.add(listId);
                continue;
            }
            String cursor = null;
            do {
                Page<RecordRef> page = ports.records().listMembers(tenantId, listId, cursor, PAGE);
                page.items().stream().filter(m -> m.objectType().equals(StandardObjectTypes.CONTACT))
                        .forEach(eligible::add);
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        if (!active.isEmpty()) {
            membersOfActiveLists(tenantId, active, eligible);
        }
        return eligible.size();
    }

    private void membersOfActiveLists(String tenantId, List<String> active, Set<RecordRef> eligible) {
        var schemas = new TenantSchemas(ports.definitions(), tenantId);
        var schema = schemas.objectType(StandardObjectTypes.CONTACT).orElseThrow();
        var zone = ports.definitions().tenant(tenantId).map(io.crmflow.model.Tenant::timezone)
                .orElse(java.time.ZoneOffset.UTC);
        String cursor = null;
        do {
            Page<CrmRecord> page = ports.records().recordsOfType(tenantId, StandardObjectTypes.CONTACT, cursor, PAGE);
            for (CrmRecord contact : page.items()) {
                if (eligible.contains(contact.ref())) {
                    continue;
                }
                var view = ports.records().view(tenantId, contact.ref());
                if (view.isPresent() && active.stream().anyMatch(new RecordFilterContext(view.get(), schema, List.of(),
                        ports.records(), schemas, clock.instant(), zone)::isMemberOf)) {
                    eligible.add(contact.ref());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private Journey published(String tenantId, String journeyId) {
        Journey journey = ports.journeys().journey(tenantId, journeyId)
                .orElseThrow(() -> new NotFoundException("journey '" + journeyId + "' does not exist"));
        if (!journey.isPublished()) {
            throw new NotFoundException("journey '" + journeyId + "' was never published: no contact has followed it");
        }
        return journey;
    }

    private JourneyDefinition definition(Journey journey) {
        return ports.journeys().journeyDefinition(journey.tenantId(), journey.id(), journey.publishedVersion())
                .orElseThrow(() -> new IllegalStateException("journey '" + journey.id() + "' has no version "
                        + journey.publishedVersion()));
    }
}
