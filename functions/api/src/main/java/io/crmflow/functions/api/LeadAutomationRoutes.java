package io.crmflow.functions.api;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.engine.Engine;
import io.crmflow.engine.LeadAutomationService;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routes of the default lead pipeline's templated automations (R-LEAD-6): read them all, or
 * change some. A PATCH names only the automations it changes, and in each only the fields it
 * changes ({@code {"attempting": {"enabled": false}}} switches one off); the rest keep their
 * value. Decoding and the tenant follow {@link Routes}.
 */
final class LeadAutomationRoutes {
    private final LeadAutomationService service;

    LeadAutomationRoutes(Engine engine) {
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
        void nulls(String at, List<InputProblem> problems) {
            nullsIn(at + "/from", from, problems);
            nullsIn(at + "/events", events, problems);
        }

        LeadAutomations.Progression over(LeadAutomations.Progression current) {
            return new LeadAutomations.Progression(enabled == null ? current.enabled() : enabled,
                    from == null ? current.from() : from, to == null ? current.to() : to,
                    events == null ? current.events() : events);
        }
    }

    record AutomationsInput(CreateLeadInput createLead, FollowUpLeadInput followUpLead, ProgressionInput attempting,
                            ProgressionInput connected) {
        /**
         * The nulls inside its lists, each at its pointer: the settings refuse them when built, and
         * the engine's check of the rest needs them built.
         */
        List<InputProblem> nulls() {
            List<InputProblem> problems = new ArrayList<>();
            if (createLead != null) {
                nullsIn("/createLead/lifecycleStages", createLead.lifecycleStages(), problems);
            }
            if (followUpLead != null) {
                nullsIn("/followUpLead/disqualificationReasons", followUpLead.disqualificationReasons(), problems);
            }
            if (attempting != null) {
                attempting.nulls("/attempting", problems);
            }
            if (connected != null) {
                connected.nulls("/connected", problems);
            }
            return problems;
        }

        LeadAutomations over(LeadAutomations current) {
            return new LeadAutomations(
                    createLead == null ? current.createLead() : createLead.over(current.createLead()),
                    followUpLead == null ? current.followUpLead() : followUpLead.over(current.followUpLead()),
                    attempting == null ? current.attempting() : attempting.over(current.attempting()),
                    connected == null ? current.connected() : connected.over(current.connected()));
        }
    }

    private static void nullsIn(String pointer, List<?> list, List<InputProblem> problems) {
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i) == null) {
                problems.add(new InputProblem(pointer + "/" + i, "cannot be null"));
            }
        }
    }

    Router addTo(Router router) {
        return router
                .add("GET", "/pipelines/lead/{pipelineId}/templated-automations", (r, p) -> ApiResponse.json(200,
                        service.automations(r.tenant(), p.get("pipelineId"))))
                .add("PATCH", "/pipelines/lead/{pipelineId}/templated-automations", this::change);
    }

    private ApiResponse change(ApiRequest r, Map<String, String> p) {
        AutomationsInput in = Routes.body(r, AutomationsInput.class);
        List<InputProblem> nulls = in.nulls();
        if (!nulls.isEmpty()) {
            throw new InvalidInputException(nulls);
        }
        // Not guarded: past the input, a failure is the server's, not a bad request.
        return ApiResponse.json(200, service.update(r.tenant(), p.get("pipelineId"), in::over));
    }
}
