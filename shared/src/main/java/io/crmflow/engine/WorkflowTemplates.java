package io.crmflow.engine;

import io.crmflow.definition.WorkflowTemplate;
import io.crmflow.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The workflow templates crmflow ships with (R-WF-1), read once from the classpath
 * ({@code io/crmflow/templates/}). A test checks that each one saves as a valid workflow on a
 * fresh tenant, so a template can never hand a user something broken. Immutable.
 */
public final class WorkflowTemplates {
    private static final String FOLDER = "/io/crmflow/templates/";
    private static final List<WorkflowTemplate> ALL = load();

    private WorkflowTemplates() {
    }

    public static List<WorkflowTemplate> all() {
        return ALL;
    }

    public static Optional<WorkflowTemplate> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static List<WorkflowTemplate> load() {
        return read("index.txt").lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(id -> Json.read(read(id + ".json"), WorkflowTemplate.class).withId(id))
                .toList();
    }

    private static String read(String name) {
        try (InputStream in = WorkflowTemplates.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + FOLDER + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
