package io.crmflow.functions.api;

import static io.crmflow.model.InvalidInputException.guard;

import io.crmflow.engine.Engine;
import io.crmflow.engine.JourneyReports;
import io.crmflow.engine.JourneyService;
import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyUnenrollment;
import io.crmflow.journey.Stage;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import java.util.List;
import java.util.Map;

/**
 * The routes of customer journeys: their definitions (R-JRN-1..7, R-JRN-9, R-JRN-10, R-JRN-12) —
 * creating one, saving its draft, publishing it, its version history — and how a published one
 * runs (R-JRN-13, R-JRN-14): its figures, its views, its enrollments and each contact's log.
 * Decoding, tenant and errors follow {@link Routes}.
 */
final class JourneyRoutes {
    private static final String OWNER_HEADER = "/headers/" + Routes.USER_HEADER;
    private final JourneyService journeys;
    private final JourneyReports reports;

    JourneyRoutes(Engine engine) {
        this.journeys = engine.journeys();
        this.reports = engine.journeyReports();
    }

    /**
     * A journey's definition as a person edits it, for a new journey and for a draft alike.
     *
     * @param id          a new journey's, optional, so that a retried create cannot make a second journey
     * @param baseVersion a draft's: the journey's version the edit started from
     */
    record DefinitionInput(String id, Long baseVersion, String name, String property, List<String> eligibilityLists,
                           Boolean enrollEmpty, List<Stage> stages, List<End> ends, JourneyUnenrollment unenrollment) {
        JourneyDefinition definition() {
            return new JourneyDefinition(name, property, eligibilityLists, enrollEmpty, stages, ends, unenrollment);
        }
    }

    /**
     * The two questions publishing asks (R-JRN-10), both to be answered; and, optionally, the
     * version reviewed, so that a draft saved meanwhile is not published unseen.
     */
    record PublishInput(Boolean enrollExisting, Boolean createStageReports, Long draftVersion) {
    }

    Router addTo(Router router) {
        return router
                .add("POST", "/journeys", (r, p) -> create(r))
                .add("GET", "/journeys", (r, p) -> ApiResponse.json(200, journeys.list(r.tenant(),
                        r.queryParam("cursor"), Routes.limit(r))))
                .add("GET", "/journeys/{id}", (r, p) -> ApiResponse.json(200, journeys.view(r.tenant(), p.get("id"))))
                .add("PUT", "/journeys/{id}/draft", this::saveDraft)
                .add("POST", "/journeys/{id}/publish", this::publish)
                .add("GET", "/journeys/{id}/versions", (r, p) -> ApiResponse.json(200, journeys.versions(
                        r.tenant(), p.get("id"), r.queryParam("cursor"), Routes.limit(r))))
                .add("GET", "/journeys/{id}/versions/{n}", (r, p) -> ApiResponse.json(200, journeys.version(
                        r.tenant(), p.get("id"), number(p))))
                .add("POST", "/journeys/{id}/versions/{n}/restore", (r, p) -> ApiResponse.json(200, journeys.restore(
                        r.tenant(), p.get("id"), number(p), user(r))))
                .add("GET", "/journeys/{id}/stages/{stageId}/versions", (r, p) -> ApiResponse.json(200,
                        journeys.stageVersions(r.tenant(), p.get("id"), p.get("stageId"), r.queryParam("cursor"),
                                Routes.limit(r))))
                .add("GET", "/journeys/{id}/metrics", (r, p) -> ApiResponse.json(200, reports.metrics(
                        r.tenant(), p.get("id"))))
                .add("GET", "/journeys/{id}/views", (r, p) -> ApiResponse.json(200, reports.views(
                        r.tenant(), p.get("id"))))
                .add("GET", "/journeys/{id}/stage-reports", (r, p) -> ApiResponse.json(200, reports.stageReports(
                        r.tenant(), p.get("id"))))
                .add("GET", "/journeys/{id}/enrollments", (r, p) -> ApiResponse.json(200, reports.enrollments(
                        r.tenant(), p.get("id"), r.queryParam("cursor"), Routes.limit(r))))
                .add("GET", "/journeys/{id}/contacts/{contactId}", (r, p) -> ApiResponse.json(200, reports.contact(
                        r.tenant(), p.get("id"), p.get("contactId"), r.queryParam("cursor"), Routes.limit(r))));
    }

    /** R-JRN-9: a journey is owned by the user who creates it, so creating one names the user. */
    private ApiResponse create(ApiRequest r) {
        String owner = user(r);
        if (owner == null) {
            throw InvalidInputException.of(OWNER_HEADER, "name the user creating the journey, who will own it, in the "
                    + Routes.USER_HEADER + " header");
        }
        DefinitionInput in = Routes.body(r, DefinitionInput.class);
        if (in.baseVersion() != null) {
            throw InvalidInputException.of("/baseVersion", "a new journey has no version to start from");
        }
        if (in.id() != null) {
            guard("/id", () -> io.crmflow.model.Names.requireValid(in.id(), "journey id"));
        }
        return ApiResponse.json(201, journeys.create(r.tenant(), owner, OWNER_HEADER, in.id(), in.definition()));
    }

    private ApiResponse saveDraft(ApiRequest r, Map<String, String> p) {
        DefinitionInput in = Routes.body(r, DefinitionInput.class);
        if (in.id() != null) {
            throw InvalidInputException.of("/id", "the journey is the one in the path; a draft does not change its id");
        }
        if (in.baseVersion() == null) {
            throw InvalidInputException.of("/baseVersion", "say which version of the journey the edit started from"
                    + " (its \"version\" when it was read), so an edit made meanwhile is not overwritten");
        }
        return ApiResponse.json(200, journeys.saveDraft(r.tenant(), p.get("id"), in.definition(), in.baseVersion(),
                user(r)));
    }

    private ApiResponse publish(ApiRequest r, Map<String, String> p) {
        PublishInput in = Routes.body(r, PublishInput.class);
        if (in.enrollExisting() == null || in.createStageReports() == null) {
            throw InvalidInputException.of(in.enrollExisting() == null ? "/enrollExisting" : "/createStageReports",
                    "publishing asks two questions; answer both: {\"enrollExisting\": true|false,"
                            + " \"createStageReports\": true|false}");
        }
        return ApiResponse.json(200, journeys.publish(r.tenant(), p.get("id"), in.enrollExisting(),
                in.createStageReports(), in.draftVersion(), user(r)));
    }

    private static long number(Map<String, String> p) {
        try {
            long n = Long.parseLong(p.get("n"));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw InvalidInputException.of("/path/n", "a version is a whole number from 1 (got '" + p.get("n") + "')");
    }

    /** The user the request is made for, or null when it names none (the API's own change). */
    private static String user(ApiRequest r) {
        Origin origin = Routes.origin(r);
        return origin.kind() == Origin.Kind.USER ? origin.id() : null;
    }
}
