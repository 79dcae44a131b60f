package io.crmflow.functions.api;

import java.util.Locale;
import java.util.Set;

/**
 * The role each route needs. Reading is open to agents; so are the changes that working the
 * records takes. Every other change shapes how the tenant's automation behaves, and needs an admin.
 */
final class Permissions {
    private static final Set<String> AGENT_CHANGES = Set.of(
            "POST /records/{type}",
            "PATCH /records/{type}/{id}",
            "POST /records/{type}/{id}/associations",
            "POST /events",
            "PUT /lists/{id}/members/{type}/{recordId}",
            "DELETE /lists/{id}/members/{type}/{recordId}",
            "POST /workflows/{id}/enrollments",
            "POST /workflows/{id}/actions/{actionId}/comments",
            // A stage's actions are its workflow's (R-PIPE-1): commenting is the same act either way.
            "POST /pipelines/{type}/{pipelineId}/stages/{stageId}/actions/{actionId}/comments");
    /** Reads that show how the tenant's outside calls are secured. */
    private static final Set<String> ADMIN_READS = Set.of("GET /settings/webhooks");

    /** Refuses (403) a caller whose role may not use the matched route, before anything is read. */
    static final Router.Filter CHECK = (request, template, route) -> {
        Role required = required(request.method(), template);
        if (!request.caller().role().mayDo(required)) {
            throw new ForbiddenException(request.method() + " " + template + " needs the "
                    + required.name().toLowerCase(Locale.ROOT) + " role");
        }
        return route.get();
    };

    private Permissions() {
    }

    /** The routes named here rather than decided by the rule for their method. */
    static Set<String> namedRoutes() {
        Set<String> named = new java.util.TreeSet<>(AGENT_CHANGES);
        named.addAll(ADMIN_READS);
        return named;
    }

    static Role required(String method, String template) {
        String route = method + " " + template;
        if (method.equals("GET")) {
            return ADMIN_READS.contains(route) ? Role.ADMIN : Role.AGENT;
        }
        return AGENT_CHANGES.contains(route) ? Role.AGENT : Role.ADMIN;
    }
}
