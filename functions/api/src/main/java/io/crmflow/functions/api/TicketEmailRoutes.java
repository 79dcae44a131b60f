package io.crmflow.functions.api;

import static io.crmflow.model.InvalidInputException.guard;

import io.crmflow.engine.Engine;
import io.crmflow.engine.TicketEmailSettings;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.model.TicketEmailRules.StatusRule;
import java.util.Map;

/**
 * The routes of a ticket pipeline's status-from-email rules (R-PIPE-3): read them, and replace
 * them whole. Decoding, tenant and errors follow {@link Routes}.
 */
final class TicketEmailRoutes {
    private final TicketEmailSettings settings;

    TicketEmailRoutes(Engine engine) {
        this.settings = new TicketEmailSettings(engine.ports());
    }

    /** A rule left out is off. */
    record RulesInput(RuleInput emailSentToCustomer, RuleInput customerReplied) {
    }

    record RuleInput(Boolean enabled, String status) {
    }

    Router addTo(Router router) {
        return router
                .add("GET", "/pipelines/{type}/{id}/email-rules", (r, p) -> ApiResponse.json(200,
                        settings.get(r.tenant(), ticketPipeline(p))))
                .add("PUT", "/pipelines/{type}/{id}/email-rules", this::put);
    }

    private ApiResponse put(ApiRequest r, Map<String, String> p) {
        String pipelineId = ticketPipeline(p);
        RulesInput in = Routes.body(r, RulesInput.class);
        TicketEmailRules rules = new TicketEmailRules(pipelineId, rule(in.emailSentToCustomer(), "/emailSentToCustomer"),
                rule(in.customerReplied(), "/customerReplied"));
        return ApiResponse.json(200, settings.put(r.tenant(), rules));
    }

    private static StatusRule rule(RuleInput in, String pointer) {
        if (in == null) {
            return StatusRule.OFF;
        }
        return guard(pointer + "/status", () -> new StatusRule(Boolean.TRUE.equals(in.enabled()), in.status()));
    }

    /** Only ticket pipelines have these rules: another type is refused before the body is read. */
    private static String ticketPipeline(Map<String, String> p) {
        if (!StandardObjectTypes.TICKET.equals(p.get("type"))) {
            throw InvalidInputException.of("/path/type", "status-from-email rules belong to ticket pipelines, not to '"
                    + p.get("type") + "' pipelines; use /pipelines/ticket/{id}/email-rules");
        }
        return guard("/path/pipelineId", () -> io.crmflow.model.Names.requireValid(p.get("id"), "pipeline id"));
    }
}
