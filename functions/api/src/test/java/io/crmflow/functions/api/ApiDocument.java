package io.crmflow.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The API document, {@code docs/openapi.yaml}, read as a tree: its operations, with the parameters
 * of their path and their own, and its {@code $ref}s followed within the document.
 */
final class ApiDocument {
    static final Path FILE = Path.of("..", "..", "docs", "openapi.yaml");
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "patch", "delete", "head", "options", "trace");
    final JsonNode root;

    /** One operation: a method on a path, as the document names them. */
    record Operation(String method, String path, JsonNode node, List<JsonNode> parameters) {
        /** {@code POST /records/{type}}, as the router names a route. */
        String name() {
            return method + " " + path;
        }
    }

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument read() {
        try {
            return new ApiDocument(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template with its parameters' names left out, so {@code /a/{id}} and {@code /a/{name}} compare equal. */
    static String normalised(String template) {
        return template.replaceAll("\\{[^}]+}", "{}");
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                entry.getValue().path("parameters").forEach(parameters::add);
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue(),
                        parameters));
            }
        }));
        return operations;
    }

    /** The node {@code node} stands for: itself, or what its {@code $ref} points at, followed to the end. */
    JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at.has("$ref"); hops++) {
            if (hops == 20) {
                throw new IllegalStateException("$ref loop at " + node);
            }
            at = target(at.get("$ref").asText());
        }
        return at;
    }

    /** What a local {@code $ref} ({@code #/components/…}) points at; a missing node when nothing. */
    JsonNode target(String ref) {
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : MissingNode.getInstance();
    }

    /** Every {@code $ref} in the document, wherever it is. */
    List<String> refs() {
        List<String> refs = new ArrayList<>();
        walk(root, node -> {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
        });
        return refs;
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        if (node.isContainerNode()) {
            visit.accept(node);
            node.forEach(child -> walk(child, visit));
        }
    }
}
