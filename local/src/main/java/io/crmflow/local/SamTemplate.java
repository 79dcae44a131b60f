package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resources of a SAM/CloudFormation template that the local stack provisions and runs:
 * DynamoDB tables, SQS queues, EventBridge buses and rules, and functions with their event
 * sources. Short-form intrinsics are understood ({@link CloudFormationYaml}); a reference reads
 * as the logical id it names. Immutable and thread-safe once loaded.
 */
public final class SamTemplate {

    private final List<TableSpec> tables = new ArrayList<>();
    private final List<QueueSpec> queues = new ArrayList<>();
    private final Set<String> eventBuses = new LinkedHashSet<>();
    private final List<RuleSpec> rules = new ArrayList<>();
    private final List<FunctionSpec> functions = new ArrayList<>();

    private SamTemplate(JsonNode root) {
        JsonNode resources = TemplateNodes.required(root, "Resources");
        JsonNode functionGlobals = root.path("Globals").path("Function");
        // Buses first: a rule may come before the bus it names.
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            if ("AWS::Events::EventBus".equals(resource.getValue().path("Type").asText())) {
                eventBuses.add(resource.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            read(resource.getKey(), resource.getValue(), functionGlobals);
        }
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.read(yaml));
    }

    private void read(String logicalId, JsonNode resource, JsonNode functionGlobals) {
        JsonNode properties = resource.path("Properties");
        switch (resource.path("Type").asText()) {
            case "AWS::DynamoDB::Table" -> tables.add(TableSpec.from(logicalId, properties));
            case "AWS::SQS::Queue" -> queues.add(QueueSpec.from(logicalId, properties));
            case "AWS::Events::Rule" -> rules.add(RuleSpec.from(logicalId, properties, eventBuses));
            case "AWS::Serverless::Function" -> functions.add(FunctionSpec.from(logicalId, properties, functionGlobals));
            default -> {
                // Alarms, policies, APIs and the like have no local counterpart to provision.
            }
        }
    }

    /** The one table of a single-table design; fails if the template has none or several. */
    public TableSpec table() {
        if (tables.size() != 1) {
            throw new IllegalStateException("expected exactly one AWS::DynamoDB::Table, found " + tables.size());
        }
        return tables.get(0);
    }

    public List<TableSpec> tables() {
        return List.copyOf(tables);
    }

    public List<QueueSpec> queues() {
        return List.copyOf(queues);
    }

    public Optional<QueueSpec> queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    /** Logical ids of the {@code AWS::Events::EventBus} resources, in template order. */
    public List<String> eventBuses() {
        return List.copyOf(eventBuses);
    }

    public List<RuleSpec> rules() {
        return List.copyOf(rules);
    }

    public List<FunctionSpec> functions() {
        return List.copyOf(functions);
    }

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }
}
