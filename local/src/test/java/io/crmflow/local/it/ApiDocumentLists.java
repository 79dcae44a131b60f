package io.crmflow.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The list routes the API document ({@code docs/openapi.yaml}) names: the operations that take a cursor. */
final class ApiDocumentLists {
    private static final Path FILE = Path.of("..", "docs", "openapi.yaml");
    private static final String CURSOR = "#/components/parameters/Cursor";

    private ApiDocumentLists() {
    }

    /** Each as {@code GET /path/{}}: its parameters' names left out, as {@link #normalised} leaves them. */
    static Set<String> routes() {
        JsonNode paths;
        try {
            paths = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> lists = new TreeSet<>();
        paths.fields().forEachRemaining(path -> {
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if (parameter.path("$ref").asText().equals(CURSOR)) {
                    lists.add(normalised("GET " + path.getKey()));
                }
            }
        });
        return lists;
    }

    /** A route with its parameters' names left out, so {@code /a/{id}} and {@code /a/{name}} compare equal. */
    static String normalised(String route) {
        return route.replaceAll("\\{[^}]+}", "{}");
    }
}
