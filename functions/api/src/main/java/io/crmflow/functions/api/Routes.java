package io.crmflow.functions.api;

import static io.crmflow.model.InvalidInputException.guard;

import io.crmflow.definition.DefinitionInputs.ListInput;
import io.crmflow.definition.DefinitionInputs.PipelineInput;
import io.crmflow.definition.DefinitionInputs.WorkflowInput;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.DeletionMode;
import io.crmflow.engine.Engine;
import io.crmflow.engine.RecordService;
import io.crmflow.engine.WorkflowCounters;
import io.crmflow.functions.api.Inputs.ActivityInput;
import io.crmflow.functions.api.Inputs.AssociationInput;
import io.crmflow.functions.api.Inputs.EnabledInput;
import io.crmflow.functions.api.Inputs.ObjectTypeInput;
import io.crmflow.functions.api.Inputs.PropertiesInput;
import io.crmflow.functions.api.Inputs.RecordInput;
import io.crmflow.functions.api.Inputs.TenantInput;
import io.crmflow.json.Json;
import io.crmflow.json.WellFormedText;
import io.crmflow.model.Association;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Tenant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The API's routes (R-RUN-6): each decodes its body, makes one engine call and encodes the
 * answer. The tenant is the one the caller's verified token names ({@link Caller}).
 */
final class Routes {
    /** Names the user a change is made for, by hand; without it a change is the API's own. */
    static final String USER_HEADER = "x-crmflow-user";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;
    /** The one route that acts for a tenant that does not exist yet: the one its token names, which it creates. */
    private static final String TENANT_CREATION = "/tenants";
    private final Engine engine;

    Routes(Engine engine) {
        this.engine = engine;
    }

    /**
     * Every route, behind what they all share, in this order: the caller's role (403), the
     * tenant's existence (404, read once here for the whole request), the Idempotency-Key of a POST.
     */
    Router router() {
        Router.Filter shared = Permissions.CHECK.then(this::inExistingTenant).then(new IdempotentPosts(engine));
        Router router = new PeopleRoutes(engine).addTo(new Router(shared));
        router = new TicketEmailRoutes(engine).addTo(router);
        router = new PipelineAutomationRoutes(engine).addTo(router);
        router = new LeadAutomationRoutes(engine).addTo(router);
        router = new JourneyRoutes(engine).addTo(router);
        return router
                .add("POST", TENANT_CREATION, (r, p) -> createTenant(r))
                .add("PUT", "/object-types/{name}", this::putObjectType)
                .add("GET", "/settings/webhooks", (r, p) -> ApiResponse.json(200,
                        engine.definitions().webhookSettings(r.tenant()).summary()))
                .add("PATCH", "/settings/webhooks", (r, p) -> webhookSettings(r))
                .add("POST", "/records/{type}", this::createRecord)
                .add("GET", "/records/{type}/{id}", (r, p) -> ApiResponse.json(200,
                        engine.records().get(r.tenant(), ref(p.get("type"), p.get("id")))))
                .add("PATCH", "/records/{type}/{id}", this::updateRecord)
                .add("GET", "/records/{type}/{id}/stage-history", (r, p) -> ApiResponse.json(200, ListPages.page(r,
                        "stage-history|" + p.get("type") + "|" + p.get("id"), view(r, p).stageChanges(),
                        c -> String.format("%019d", c.recordVersion()) + "#" + c.eventId() + "#" + c.property())))
                .add("GET", "/records/{type}/{id}/associations", (r, p) -> ApiResponse.json(200, ListPages.page(r,
                        "associations|" + p.get("type") + "|" + p.get("id"), view(r, p).associations(),
                        a -> a.to().objectType() + "#" + a.to().id())))
                .add("POST", "/records/{type}/{id}/associations", this::associate)
                .add("POST", "/events", (r, p) -> logActivity(r))
                .add("PUT", "/pipelines/{type}/{id}", this::putPipeline)
                .add("GET", "/pipelines/{type}", (r, p) -> ApiResponse.json(200, ListPages.page(r,
                        "pipelines|" + p.get("type"), engine.ports().definitions().pipelines(r.tenant(), p.get("type")),
                        Pipeline::id)))
                .add("PUT", "/lists/{id}", this::putList)
                .add("GET", "/lists", (r, p) -> ApiResponse.json(200,
                        engine.ports().definitions().lists(r.tenant(), r.queryParam("cursor"), limit(r))))
                .add("GET", "/lists/{id}", (r, p) -> ApiResponse.json(200, engine.ports().definitions()
                        .list(r.tenant(), p.get("id"))
                        .orElseThrow(() -> new NotFoundException("list '" + p.get("id") + "' does not exist"))))
                .add("PUT", "/lists/{id}/members/{type}/{recordId}", (r, p) -> membership(r, p, true))
                .add("DELETE", "/lists/{id}/members/{type}/{recordId}", (r, p) -> membership(r, p, false))
                .add("GET", "/workflow-templates", (r, p) -> ApiResponse.json(200, ListPages.page(r,
                        "workflow-templates", io.crmflow.engine.WorkflowTemplates.all(), t -> t.id())))
                .add("POST", "/workflow-templates/{id}/workflows", (r, p) -> {
                    Inputs.FromTemplateInput in = r.body() == null || r.body().isBlank()
                            ? new Inputs.FromTemplateInput(null, null) : body(r, Inputs.FromTemplateInput.class);
                    return ApiResponse.json(201, engine.definitions().createFromTemplate(r.tenant(), p.get("id"),
                            in.id(), in.name()));
                })
                .add("POST", "/workflows", (r, p) -> saveWorkflow(r, null))
                .add("PUT", "/workflows/{id}", (r, p) -> saveWorkflow(r, p.get("id")))
                .add("GET", "/workflows", (r, p) -> ApiResponse.json(200,
                        engine.ports().definitions().workflows(r.tenant(), r.queryParam("cursor"), limit(r))))
                .add("GET", "/workflows/{id}", (r, p) -> ApiResponse.json(200, workflow(r, p.get("id"))))
                .add("PATCH", "/workflows/{id}", this::setEnabled)
                .add("POST", "/workflows/{id}/activation", this::activate)
                .add("GET", "/workflows/{id}/activation", (r, p) -> ApiResponse.json(200,
                        engine.backfills().progress(r.tenant(), p.get("id"))))
                .add("DELETE", "/workflows/{id}/actions/{actionId}", (r, p) -> ApiResponse.json(200, engine.definitions()
                        .deleteAction(r.tenant(), p.get("id"), p.get("actionId"),
                                DeletionMode.fromQuery(r.queryParam("mode")), r.queryParam("keep"))))
                .add("GET", "/workflows/{id}/enrollments", (r, p) -> ApiResponse.json(200,
                        engine.ports().enrollments().enrollmentsOf(r.tenant(), workflow(r, p.get("id")).id(),
                                r.queryParam("cursor"), limit(r))))
                .add("POST", "/workflows/{id}/enrollments", (r, p) -> ApiResponse.json(201, engine.trigger()
                        .enrollManually(r.tenant(), p.get("id"), body(r, RecordRef.class), engine.clock().instant())))
                .add("GET", "/workflows/{id}/metrics", (r, p) -> ApiResponse.json(200, WorkflowCounters.summary(
                        engine.ports().enrollments().counters(r.tenant(), workflow(r, p.get("id")).id()))))
                .add("GET", "/workflows/{id}/details", (r, p) -> {
                    WorkflowDefinition wf = workflow(r, p.get("id"));
                    return ApiResponse.json(200, WorkflowCounters.details(wf,
                            engine.ports().enrollments().counters(r.tenant(), wf.id())));
                })
                .add("GET", "/enrollments/{id}", (r, p) -> ApiResponse.json(200, engine.ports().enrollments()
                        .enrollment(r.tenant(), p.get("id"))
                        .orElseThrow(() -> new NotFoundException("enrollment '" + p.get("id") + "' does not exist"))))
                .add("GET", "/enrollments/{id}/history", this::history);
    }

    /** Creates the caller's own tenant: its id is the token's; a body naming another is refused. */
    private ApiResponse createTenant(ApiRequest r) {
        TenantInput in = body(r, TenantInput.class);
        String id = r.tenant();
        if (in.id() != null && !in.id().equals(id)) {
            throw InvalidInputException.of("/id", "the tenant's id comes from your token, which names '" + id
                    + "'; leave id out or give that one");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(in.timezone() == null ? "UTC" : in.timezone());
        } catch (DateTimeException e) {
            throw InvalidInputException.of("/timezone", "'" + in.timezone() + "' is not a timezone (e.g. Europe/Paris)");
        }
        return ApiResponse.json(201, engine.definitions().createTenant(guard("/id", () -> new Tenant(id,
                in.name() == null ? id : in.name(), zone))));
    }

    /** Answers with the summary: the secret goes in, and never comes out. */
    private ApiResponse webhookSettings(ApiRequest r) {
        Inputs.WebhookSettingsInput in = body(r, Inputs.WebhookSettingsInput.class);
        return ApiResponse.json(200, engine.definitions().putWebhookSettings(r.tenant(), in.signingSecret(),
                in.allowPrivateTargets()).summary());
    }

    private ApiResponse putObjectType(ApiRequest r, Map<String, String> p) {
        ObjectTypeInput in = body(r, ObjectTypeInput.class);
        ObjectType type = guard("/properties", () -> ObjectType.custom(p.get("name"),
                in.properties() == null ? java.util.List.of() : in.properties()));
        return ApiResponse.json(200, engine.definitions().putObjectType(r.tenant(), type));
    }

    private ApiResponse createRecord(ApiRequest r, Map<String, String> p) {
        RecordInput in = body(r, RecordInput.class);
        // Nulls are kept: the engine refuses them at their index.
        java.util.List<RecordService.NewAssociation> associations = in.associations() == null ? java.util.List.of()
                : in.associations().stream().map(a -> a == null ? null
                        : new RecordService.NewAssociation(a.objectType(), a.id(), a.label())).toList();
        return ApiResponse.json(201, engine.records().create(r.tenant(), p.get("type"), in.id(),
                in.properties() == null ? Map.of() : in.properties(), associations, origin(r),
                engine.clock().instant()));
    }

    private ApiResponse updateRecord(ApiRequest r, Map<String, String> p) {
        PropertiesInput in = body(r, PropertiesInput.class);
        if (in.properties() == null) {
            throw InvalidInputException.of("/properties", "give the properties to change");
        }
        return ApiResponse.json(200, engine.records().update(r.tenant(), p.get("type"), p.get("id"), in.properties(),
                origin(r), engine.clock().instant()));
    }

    private ApiResponse associate(ApiRequest r, Map<String, String> p) {
        AssociationInput in = body(r, AssociationInput.class);
        RecordRef to = guard("/", () -> new RecordRef(in.objectType(), in.id()));
        engine.records().associate(r.tenant(), new Association(ref(p.get("type"), p.get("id")), to, in.label()));
        return ApiResponse.noContent();
    }

    private ApiResponse logActivity(ApiRequest r) {
        ActivityInput in = body(r, ActivityInput.class);
        if (in.record() == null || in.activity() == null) {
            throw InvalidInputException.of(in.record() == null ? "/record" : "/activity", "this field is required");
        }
        var now = engine.clock().instant();
        var event = engine.records().logActivity(r.tenant(), in.record(), in.activity(),
                in.occurredAt() == null ? now : in.occurredAt(), origin(r));
        return ApiResponse.json(202, Map.of("eventId", event.eventId()));
    }

    private ApiResponse putPipeline(ApiRequest r, Map<String, String> p) {
        Pipeline pipeline = body(r, PipelineInput.class).toPipeline(p.get("type"), p.get("id"));
        return ApiResponse.json(200, engine.definitions().putPipeline(r.tenant(), pipeline));
    }

    private ApiResponse putList(ApiRequest r, Map<String, String> p) {
        return ApiResponse.json(200, engine.definitions().putList(r.tenant(),
                body(r, ListInput.class).toList(p.get("id"))));
    }

    private ApiResponse membership(ApiRequest r, Map<String, String> p, boolean member) {
        engine.definitions().setListMembership(r.tenant(), p.get("id"), ref(p.get("type"), p.get("recordId")), member,
                engine.clock().instant());
        return ApiResponse.noContent();
    }

    private ApiResponse saveWorkflow(ApiRequest r, String pathId) {
        WorkflowInput in = body(r, WorkflowInput.class);
        String id = pathId != null ? pathId : engine.ports().ids().get();
        return ApiResponse.json(pathId == null ? 201 : 200,
                engine.definitions().saveWorkflow(in.toWorkflow(r.tenant(), id)));
    }

    private ApiResponse setEnabled(ApiRequest r, Map<String, String> p) {
        EnabledInput in = body(r, EnabledInput.class);
        return ApiResponse.json(200, engine.backfills().setEnabled(r.tenant(), p.get("id"), in.required()));
    }

    private ApiResponse history(ApiRequest r, Map<String, String> p) {
        engine.ports().enrollments().enrollment(r.tenant(), p.get("id"))
                .orElseThrow(() -> new NotFoundException("enrollment '" + p.get("id") + "' does not exist"));
        return ApiResponse.json(200, engine.ports().enrollments().history(r.tenant(), p.get("id"),
                r.queryParam("cursor"), limit(r)));
    }

    private WorkflowDefinition workflow(ApiRequest r, String id) {
        return engine.ports().definitions().workflow(r.tenant(), id)
                .orElseThrow(() -> new NotFoundException("workflow '" + id + "' does not exist"));
    }

    /** The record with what is stored beside it: its stage history, its associations. */
    private io.crmflow.store.RecordView view(ApiRequest r, Map<String, String> p) {
        RecordRef ref = ref(p.get("type"), p.get("id"));
        return engine.ports().records().view(r.tenant(), ref)
                .orElseThrow(() -> new NotFoundException(ref.objectType() + " '" + ref.id() + "' does not exist"));
    }

    /** Who the change is made for: the user the caller names (a person, by hand), else the API itself. */
    static Origin origin(ApiRequest r) {
        String user = r.header(USER_HEADER);
        if (user == null || user.isBlank()) {
            return Origin.api();
        }
        return Origin.user(guard("/headers/" + USER_HEADER, () -> io.crmflow.model.Names.requireValid(user, "user id")));
    }

    /**
     * Runs the route once the caller's tenant exists; until {@code POST /tenants} creates it, every
     * other route answers 404. The routes take the tenant from {@link ApiRequest#tenant()} and need
     * not look again.
     */
    private ApiResponse inExistingTenant(ApiRequest r, String template, Supplier<ApiResponse> route) {
        if (!TENANT_CREATION.equals(template) && engine.ports().definitions().tenant(r.tenant()).isEmpty()) {
            throw new NotFoundException("tenant '" + r.tenant() + "' does not exist; create it with POST /tenants");
        }
        return route.get();
    }

    static int limit(ApiRequest r) {
        String raw = r.queryParam("limit");
        if (raw == null) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw InvalidInputException.of("/query/limit", "limit must be a whole number from 1 to " + MAX_PAGE);
    }

    private static RecordRef ref(String type, String id) {
        return guard("/", () -> new RecordRef(type, id));
    }

    static <T> T body(ApiRequest r, Class<T> type) {
        if (r.body() == null || r.body().isBlank()) {
            throw InvalidInputException.of("/", "the request needs a JSON body");
        }
        WellFormedText.require(r.body());
        T value = Json.read(r.body(), type);
        if (value == null) {
            throw InvalidInputException.of("/", "the request body must be a JSON object, not null");
        }
        return value;
    }

    /** R-WF-8: switches the workflow on; 202 while its existing records are being enrolled. */
    private ApiResponse activate(ApiRequest r, Map<String, String> p) {
        Inputs.ActivationInput in = r.body() == null || r.body().isBlank() ? new Inputs.ActivationInput(null)
                : body(r, Inputs.ActivationInput.class);
        var activation = engine.backfills().activate(r.tenant(), p.get("id"), Boolean.TRUE.equals(in.enrollExisting()),
                engine.clock().instant());
        return ApiResponse.json(activation.underWay() ? 202 : 200, activation);
    }
}
