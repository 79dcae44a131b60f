package io.crmflow.functions.api;

import io.crmflow.definition.Action;
import io.crmflow.engine.DeletionMode;
import io.crmflow.engine.EmailTemplates;
import io.crmflow.engine.Engine;
import io.crmflow.engine.StageAutomation;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.model.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * The routes of stage automation (R-PIPE-1, R-PIPE-2): a pipeline's actions per stage, each
 * stage's workflow switched on and off, comments on actions; and the default ticket emails'
 * texts (R-PIPE-6). Decoding, tenant and errors follow {@link Routes}.
 */
final class PipelineAutomationRoutes {
    private static final String STAGE = "/pipelines/{type}/{pipelineId}/stages/{stageId}";
    private final Engine engine;
    private final StageAutomation stages;
    private final EmailTemplates templates;

    PipelineAutomationRoutes(Engine engine) {
        this.engine = engine;
        this.stages = new StageAutomation(engine.ports(), engine.definitions());
        this.templates = new EmailTemplates(engine.ports());
    }

    record StageActionsInput(String firstActionId, List<Action> actions) {
    }

    record CommentInput(String text) {
    }

    record TemplateInput(String subject, String body) {
    }

    Router addTo(Router router) {
        return router
                .add("GET", "/pipelines/{type}/{pipelineId}/automation", (r, p) -> ApiResponse.json(200,
                        stages.view(r.tenant(), p.get("type"), p.get("pipelineId"))))
                .add("PUT", STAGE + "/actions", this::setActions)
                .add("POST", STAGE + "/actions", (r, p) -> ApiResponse.json(201, stages.addAction(r.tenant(),
                        p.get("type"), p.get("pipelineId"), p.get("stageId"), Routes.body(r, Action.class),
                        r.queryParam("after"))))
                .add("PUT", STAGE + "/actions/{actionId}", (r, p) -> ApiResponse.json(200, stages.editAction(
                        r.tenant(), p.get("type"), p.get("pipelineId"), p.get("stageId"), p.get("actionId"),
                        Routes.body(r, Action.class))))
                .add("DELETE", STAGE + "/actions/{actionId}", (r, p) -> ApiResponse.json(200, engine.definitions()
                        .deleteAction(r.tenant(), stageWorkflowId(p), p.get("actionId"),
                                DeletionMode.fromQuery(r.queryParam("mode")), r.queryParam("keep"))))
                .add("PATCH", STAGE, (r, p) -> ApiResponse.json(200, engine.backfills().setEnabled(r.tenant(),
                        stageWorkflowId(p), Routes.body(r, Inputs.EnabledInput.class).required())))
                .add("POST", STAGE + "/actions/{actionId}/comments", (r, p) -> comment(r, stageWorkflowId(p),
                        p.get("actionId")))
                .add("POST", "/workflows/{id}/actions/{actionId}/comments", (r, p) -> comment(r, p.get("id"),
                        p.get("actionId")))
                .add("GET", "/workflows/{id}/comments", (r, p) -> ApiResponse.json(200, ListPages.page(r,
                        "comments|" + p.get("id"), engine.ports().definitions().actionComments(r.tenant(),
                                existingWorkflow(r, p.get("id"))), c -> ListPages.timeKey(c.at()) + "#" + c.id())))
                .add("GET", "/email-templates", (r, p) -> ApiResponse.json(200, ListPages.page(r, "email-templates",
                        templates.all(r.tenant()), t -> t.template().id())))
                .add("GET", "/email-templates/{id}", (r, p) -> ApiResponse.json(200,
                        templates.get(r.tenant(), p.get("id"))))
                .add("PUT", "/email-templates/{id}", (r, p) -> {
                    TemplateInput in = Routes.body(r, TemplateInput.class);
                    return ApiResponse.json(200, templates.put(r.tenant(), p.get("id"), in.subject(), in.body()));
                });
    }

    private ApiResponse setActions(ApiRequest r, Map<String, String> p) {
        StageActionsInput in = Routes.body(r, StageActionsInput.class);
        if (in.actions() == null) {
            throw InvalidInputException.of("/actions", "give the stage's actions (an empty list for none)");
        }
        return ApiResponse.json(200, stages.setActions(r.tenant(), p.get("type"), p.get("pipelineId"),
                p.get("stageId"), in.firstActionId(), in.actions()));
    }

    private ApiResponse comment(ApiRequest r, String workflowId, String actionId) {
        CommentInput in = Routes.body(r, CommentInput.class);
        return ApiResponse.json(201, stages.comment(r.tenant(), workflowId, actionId,
                r.header(Routes.USER_HEADER), in.text(), engine.clock().instant()));
    }

    /**
     * Derived, not read: the engine call reads the workflow anyway, and a stage without one (or a
     * pipeline or stage that does not exist) is its 404.
     */
    private static String stageWorkflowId(Map<String, String> p) {
        return StageWorkflows.idFor(p.get("type"), p.get("pipelineId"), p.get("stageId"));
    }

    /** The id of a workflow the caller's tenant has; 404 otherwise, so an empty answer never stands for "not yours". */
    private String existingWorkflow(ApiRequest r, String id) {
        return engine.ports().definitions().workflow(r.tenant(), id)
                .orElseThrow(() -> new io.crmflow.model.NotFoundException("workflow '" + id + "' does not exist")).id();
    }
}
