package io.crmflow.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.crmflow.functions.common.LogIds;
import io.crmflow.functions.common.Priming;
import io.crmflow.functions.common.StructuredLog;
import io.crmflow.functions.common.Wiring;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTTP API behind API Gateway: decodes the request, routes it, encodes the answer. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;
    private final StructuredLog log;

    public ApiHandler() {
        this(Wiring.fromEnv());
        // A request without a token goes through decoding, routing and a problem document, and
        // is refused before it reads or writes anything.
        Priming.register(() -> handleRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/records/contact/priming")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/records/contact/priming").build()).build()).build(), null));
    }

    public ApiHandler(Wiring wiring) {
        this.router = new Routes(wiring.engine()).router();
        this.log = wiring.log("api");
    }

    /** Every route the API answers, as {@code METHOD /template}: what its contract documents. */
    public List<String> routes() {
        return router.routes();
    }

    /** Refuses (401) a request without a verified token before any path is looked at, as API Gateway would. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = decode(event);
            response = router.route(request);
        } catch (RuntimeException e) {
            response = answer(e, request);
        }
        var builder = APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers());
        if (response.contentType() != null) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    /** @param request as decoded, or null when it could not be */
    private ApiResponse answer(RuntimeException e, ApiRequest request) {
        try {
            return Problems.from(e);
        } catch (RuntimeException unexpected) {
            log.warn("request failed", ids(request), unexpected);
            return Problems.problem(500, "Internal error", "the request could not be completed; it is safe to retry", null);
        }
    }

    /** What finds a failed request: whose it was and what it asked; its path holds ids, not values. */
    private static LogIds ids(ApiRequest request) {
        if (request == null) {
            return LogIds.NONE;
        }
        return LogIds.NONE.with("tenantId", request.tenant()).with("subject", request.caller().subject())
                .with("method", request.method()).with("path", request.path());
    }

    private static ApiRequest decode(APIGatewayV2HTTPEvent event) {
        Caller caller = Caller.fromClaims(claims(event));
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return new ApiRequest(method.toUpperCase(Locale.ROOT), event.getRawPath() == null ? "/" : event.getRawPath(),
                headers, query, body, caller);
    }

    /** The claims API Gateway's JWT authorizer verified; the function trusts nothing else to name a tenant. */
    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }
}
