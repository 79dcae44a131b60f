package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Function} of the template, with the template's
 * {@code Globals.Function} already applied. Immutable.
 *
 * @param handler     the handler string, e.g. {@code io.crmflow.trigger.TriggerHandler::handleRequest}
 * @param environment the environment variables as written, references unresolved
 * @param events      the event sources, in template order
 * @param memorySize  megabytes, as {@code MemorySize} says (128, Lambda's default, when it says nothing):
 *                    what an invocation is billed by, with its duration
 * @param architecture {@code x86_64} (the default) or {@code arm64}, the first of {@code Architectures}
 */
public record FunctionSpec(String logicalId, String handler, Map<String, TemplateValue> environment,
                           List<EventSource> events, int memorySize, String architecture) {
    private static final int LAMBDA_DEFAULT_MEMORY = 128;
    private static final String LAMBDA_DEFAULT_ARCHITECTURE = "x86_64";

    /** What invokes a function. */
    public sealed interface EventSource permits SqsSource, ScheduleSource, HttpApiSource, OtherSource {
        /** The event's key under {@code Events}. */
        String name();
    }

    /** A queue feeding the function through an event source mapping. */
    public record SqsSource(String name, String queueLogicalId, int batchSize, boolean reportBatchItemFailures)
            implements EventSource {
    }

    /** A {@code Schedule} / {@code ScheduleV2} event, e.g. {@code rate(1 minute)}. */
    public record ScheduleSource(String name, String expression, boolean enabled) implements EventSource {
    }

    /** An {@code HttpApi} event; without method and path it is the catch-all route. */
    public record HttpApiSource(String name, Optional<String> method, Optional<String> path) implements EventSource {
    }

    /** An event type the local stack does not run, kept so that nothing is dropped silently. */
    public record OtherSource(String name, String type) implements EventSource {
    }

    public FunctionSpec {
        environment = Map.copyOf(environment);
        events = List.copyOf(events);
    }

    static FunctionSpec from(String logicalId, JsonNode properties, JsonNode globals) {
        String handler = TemplateNodes.optionalText(properties, "Handler")
                .or(() -> TemplateNodes.optionalText(globals, "Handler"))
                .orElseThrow(() -> new IllegalArgumentException("function " + logicalId + " has no Handler"));
        Map<String, TemplateValue> environment = new LinkedHashMap<>();
        // The function's own variables override the globals of the same name, as in SAM.
        globals.path("Environment").path("Variables").properties()
                .forEach(e -> environment.put(e.getKey(), Intrinsics.value(e.getValue())));
        properties.path("Environment").path("Variables").properties()
                .forEach(e -> environment.put(e.getKey(), Intrinsics.value(e.getValue())));
        List<EventSource> events = new ArrayList<>();
        properties.path("Events").properties().forEach(e -> events.add(event(e.getKey(), e.getValue())));
        int memory = properties.path("MemorySize").asInt(globals.path("MemorySize").asInt(LAMBDA_DEFAULT_MEMORY));
        JsonNode architectures = properties.has("Architectures") ? properties.path("Architectures")
                : globals.path("Architectures");
        String architecture = architectures.path(0).asText(LAMBDA_DEFAULT_ARCHITECTURE);
        return new FunctionSpec(logicalId, handler, environment, events, memory, architecture);
    }

    private static EventSource event(String name, JsonNode event) {
        String type = TemplateNodes.text(event, "Type");
        JsonNode p = event.path("Properties");
        return switch (type) {
            case "SQS" -> new SqsSource(name, Intrinsics.logicalId(TemplateNodes.required(p, "Queue")),
                    p.path("BatchSize").asInt(10), reportsBatchItemFailures(p));
            case "Schedule" -> new ScheduleSource(name, TemplateNodes.text(p, "Schedule"), p.path("Enabled").asBoolean(true));
            case "ScheduleV2" -> new ScheduleSource(name, TemplateNodes.text(p, "ScheduleExpression"),
                    !"DISABLED".equals(p.path("State").asText("ENABLED")));
            case "HttpApi" -> new HttpApiSource(name, TemplateNodes.optionalText(p, "Method"),
                    TemplateNodes.optionalText(p, "Path"));
            default -> new OtherSource(name, type);
        };
    }

    private static boolean reportsBatchItemFailures(JsonNode properties) {
        for (JsonNode type : properties.path("FunctionResponseTypes")) {
            if ("ReportBatchItemFailures".equals(type.asText())) {
                return true;
            }
        }
        return false;
    }
}
