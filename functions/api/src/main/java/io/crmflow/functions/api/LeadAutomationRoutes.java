package io.crmflow.functions.api;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.engine.Engine;
import io.crmflow.engine.LeadAutomationService;
import java.util.List;
import java.util.Map;

/**
 * The routes of the default lead pipeline's templated automations (R-LEAD-6): read them all, or
 * change some. A PATCH names only the automations it changes, and in each only the fields it
 * changes ({@code {"attempting": {"enabled": false}}} switches one off); the rest keep their
 * value. Decoding and the tenant follow {@link Routes}.
 */
final class LeadAutomationRoutes {
    private final Routes routes;
    private final LeadAutomationService service;

    LeadAutomationRoutes(Routes routes, Engine engine) {
        this.routes = routes;
        this.service = new LeadAutomationService(engine.ports());
    }

    record CreateLeadInput(Boolean enabled, List<String> lifecycleStages) {
        LeadAutomations.CreateLead over(LeadAutomations.CreateLead current) {
            return new LeadAutomations.CreateLead(enabled == null ? current.enabled() : enabled,
                    lifecycleStages == null ? current.lifecycleStages() : lifecycleStages);
        }
    }

    record FollowUpLeadInput(Boolean enabled, String leadType, List<String> disqualificationReasons) {
        LeadAutomations.FollowUpLead over(LeadAutomations.FollowUpLead current) {
            return new LeadAutomations.FollowUpLead(enabled == null ? current.enabled() : enabled,
                    leadType == null ? current.leadType() : leadType,
                    disqualificationReasons == null ? current.disqualificationReasons() : disqualificationReasons);
        }
    }

    record ProgressionInput(Boolean enabled, List<String> from, String to, List<LeadEvent> events) {
        LeadAutomations.Progression over(LeadAutomations.Progression current) {
            return new LeadAutomations.Progression(enabled == null ? current.enabled() : enabled,
                    from == null ? current.from() : from, to == null ? current.to() : to,
                    events == null ? current.events() : events);
        }
    }

    record AutomationsInput(CreateLeadInput createLead, FollowUpLeadInput followUpLead, ProgressionInput attempting,
                            ProgressionInput connected) {
        LeadAutomations over(LeadAutomations current) {
            return new LeadAutomations(
                    createLead == null ? current.createLead() : createLead.over(current.createLead()),
                    followUpLead == null ? current.followUpLead() : followUpLead.over(current.followUpLead()),
                    attempting == null ? current.attempting() : attempting.over(current.attempting()),
                    connected == null ? current.connected() : connected.over(current.connected()));
        }
    }

    Router addTo(Router router) {
        return router
                .add("GET", "/pipelines/lead/{pipelineId}/templated-automations", (r, p) -> ApiResponse.json(200,
                        service.automations(routes.tenant(r), p.get("pipelineId"))))
                .add("PATCH", "/pipelines/lead/{pipelineId}/templated-automations", this::change);
    }

    private ApiResponse change(ApiRequest r, Map<String, String> p) {
        String tenant = routes.tenant(r);
        AutomationsInput in = Routes.body(r, AutomationsInput.class);
        return ApiResponse.json(200, Routes.guard("/", () -> service.update(tenant, p.get("pipelineId"), in::over)));
    }
}
