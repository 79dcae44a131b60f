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
     * What every matched request goes through around its route, for what all routes share (the
     * caller's role, the tenant's existence, idempotency keys on every POST), so that no route
     * has to remember it. A filter answers in the route's stead or runs it.
     */
    interface Filter {
        /** @param template the matched route's path template, e.g. {@code /records/{type}} */
        ApiResponse apply(ApiRequest request, String template, Supplier<ApiResponse> route);

        /** This filter, then {@code next} inside it, around the route. */
        default Filter then(Filter next) {
            return (request, template, route) -> apply(request, template, () -> next.apply(request, template, route));
        }
    }

    private record Route(String method, String template, String[] segments,
                         BiFunction<ApiRequest, Map<String, String>, ApiResponse> action) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Filter filter;

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

    /** Answers the request: 404 when no route has its path, 405 when none there takes its method. */
    ApiResponse route(ApiRequest request) {
        String[] path = split(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
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
