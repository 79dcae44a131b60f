package io.crmflow.functions.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Matches a method and path against templates such as {@code /records/{type}/{id}}, and runs
 * the matched route through the router's {@link Filter}. Routes are registered once at start-up;
 * matching is read-only and thread-safe.
 */
final class Router {
    /**
     * What every matched request goes through around its route: for what all routes of a kind
     * share (idempotency keys on every POST), so that no route has to remember it.
     */
    interface Filter {
        Filter NONE = (request, template, route) -> route.get();

        /** @param template the matched route's path template, e.g. {@code /records/{type}} */
        ApiResponse apply(ApiRequest request, String template, Supplier<ApiResponse> route);
    }

    private record Route(String method, String template, String[] segments,
                         BiFunction<ApiRequest, Map<String, String>, ApiResponse> action) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Filter filter;

    Router() {
        this(Filter.NONE);
    }

    Router(Filter filter) {
        this.filter = filter;
    }

    Router add(String method, String template, BiFunction<ApiRequest, Map<String, String>, ApiResponse> action) {
        routes.add(new Route(method, template, split(template), action));
        return this;
    }

    /** Every registered route as {@code METHOD /template}, in registration order. */
    List<String> routes() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /**
     * Answers the request: 401 without a verified token (as API Gateway's authorizer would, before
     * any route is looked at), 403 when the caller's role may not use the route.
     */
    ApiResponse route(ApiRequest request) {
        Caller caller = request.caller();
        String[] path = split(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    Role required = Permissions.required(route.method(), route.template());
                    if (!caller.role().mayDo(required)) {
                        throw new ForbiddenException(route.method() + " " + route.template() + " needs the "
                                + required.name().toLowerCase(java.util.Locale.ROOT) + " role");
                    }
                    return filter.apply(request, route.template(), () -> route.action().apply(request, params));
                }
            }
        }
        return pathKnown
                ? Problems.problem(405, "Method not allowed", request.method() + " is not allowed on " + request.path(), null)
                : Problems.problem(404, "Not found", "no route " + request.path(), null);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), java.net.URLDecoder.decode(path[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
