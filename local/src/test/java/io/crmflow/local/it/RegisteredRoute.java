package io.crmflow.local.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.crmflow.functions.api.ApiHandler;
import io.crmflow.local.LocalStack;
import java.util.List;

/**
 * A route the API function answers, as its router registered it: a check over all of them
 * covers a route added later without a list kept by hand.
 *
 * @param template e.g. {@code /records/{type}/{id}}
 */
record RegisteredRoute(String method, String template) {
    static List<RegisteredRoute> of(LocalStack stack) {
        ApiHandler api = (ApiHandler) stack.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>handler("ApiFunction");
        return api.routes().stream().map(route -> {
            int space = route.indexOf(' ');
            return new RegisteredRoute(route.substring(0, space), route.substring(space + 1));
        }).toList();
    }
}
