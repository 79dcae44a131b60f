package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.crmflow.aws.AwsClients;
import io.crmflow.aws.AwsSettings;
import io.crmflow.functions.common.Wiring;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds every function the template declares, from its {@code Handler} string, the way the
 * Lambda runtime would — but through the handler's {@code (Wiring)} constructor, with settings
 * resolved from the provisioned resources instead of read from a process environment.
 */
final class LocalFunctions {
    /** The pseudo parameter a {@code !Sub} may name, as a key of the parameters given. */
    static final String STACK_NAME = "AWS::StackName";

    private LocalFunctions() {
    }

    /**
     * What each function is built with: its settings resolved from its environment in the
     * template, by function logical id.
     *
     * @param parameters values of the template's parameters (e.g. {@code SenderAddress}) and
     *                   pseudo parameters ({@link #STACK_NAME}), which the environment may
     *                   reference, or name in a {@code !Sub}
     */
    static Map<String, Wiring> wirings(SamTemplate template, ProvisionedResources resources,
                                       Map<String, String> parameters, AwsClients clients, String region,
                                       Clock clock, PrintStream out) {
        Map<String, Wiring> wirings = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions()) {
            Map<String, String> env = environment(spec, resources, parameters, region);
            wirings.put(spec.logicalId(), wiring(env, clients, clock, out));
        }
        return wirings;
    }

    /** A function's environment as Lambda would set it: the template's variables, resolved, and its region. */
    static Map<String, String> environment(FunctionSpec spec, ProvisionedResources resources,
                                           Map<String, String> parameters, String region) {
        Map<String, String> env = new LinkedHashMap<>();
        spec.environment().forEach((name, value) -> env.put(name, resolve(value, resources, parameters)));
        env.put("AWS_REGION", region);
        return env;
    }

    /** What one function is built with, from its environment as {@link #environment} resolves it. */
    static Wiring wiring(Map<String, String> env, AwsClients clients, Clock clock, PrintStream out) {
        AwsSettings settings = AwsSettings.fromEnvironment(env);
        int attempts = Integer.parseInt(env.getOrDefault(Wiring.MAX_ATTEMPTS,
                Integer.toString(Wiring.DEFAULT_MAX_ATTEMPTS)));
        return Wiring.create(settings, clients, clock, env.get(Wiring.DEAD_LETTER_QUEUE_URL), attempts, out);
    }

    private static String resolve(TemplateValue value, ProvisionedResources resources, Map<String, String> parameters) {
        if (value instanceof TemplateValue.Reference ref && parameters.containsKey(ref.logicalId())) {
            return parameters.get(ref.logicalId());
        }
        if (value instanceof TemplateValue.Literal literal) {
            // A !Sub with more than one part stays a literal; fill in the parameters it names.
            String text = literal.text();
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                text = text.replace("${" + parameter.getKey() + "}", parameter.getValue());
            }
            return text;
        }
        return resources.resolve(value);
    }

    /** Each function's handler, built on its wiring. */
    static Map<String, RequestHandler<?, ?>> handlers(SamTemplate template, Map<String, Wiring> wirings) {
        Map<String, RequestHandler<?, ?>> handlers = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions()) {
            handlers.put(spec.logicalId(), instantiate(spec.handler(), wirings.get(spec.logicalId())));
        }
        return handlers;
    }

    static RequestHandler<?, ?> instantiate(String handler, Wiring wiring) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            return (RequestHandler<?, ?>) Class.forName(className).getConstructor(Wiring.class).newInstance(wiring);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot build handler " + handler + " with a (Wiring) constructor", e);
        }
    }
}
