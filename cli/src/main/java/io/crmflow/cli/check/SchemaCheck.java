package io.crmflow.cli.check;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.crmflow.cli.source.Pointers;
import io.crmflow.cli.source.SourceFile;
import io.crmflow.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first layer of checking: a file against the published JSON Schema of definitions
 * ({@code docs/schemas/definition.schema.json}, which the tool carries), so the structure is
 * judged by the very document editors use. Thread-safe.
 */
public final class SchemaCheck {
    /** Where the schemas say they live; the tool reads them from its own jar instead. */
    public static final String SCHEMAS = "https://crmflow.io/schemas/";
    private static final String BUNDLED = "io/crmflow/cli/schemas/";
    private final JsonSchema schema;
    private final Map<String, JsonNode> files = new ConcurrentHashMap<>();

    public SchemaCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMAS, "classpath:" + BUNDLED)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = factory.getSchema(SchemaLocation.of(SCHEMAS + "definition.schema.json"), config);
    }

    /** Every place the file departs from the schema, in the order they appear in the file. */
    public List<Finding> check(SourceFile file) {
        return schema.validate(file.tree()).stream()
                .map(message -> Finding.at(file, pointer(message), Finding.Severity.ERROR, sentence(message)))
                .distinct().sorted(Finding.ORDER).toList();
    }

    /** A field that should not be there is reported at the field itself, not at the object holding it. */
    private static String pointer(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        at = at.equals("/") ? "" : at;
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return Pointers.child(at, message.getProperty());
        }
        return at;
    }

    /**
     * The validator's message without the location it starts with, which the finding states
     * already; for a pattern, the schema's {@code patternErrorMessage} (which editors show too),
     * since a regular expression is no sentence.
     */
    private String sentence(ValidationMessage message) {
        if ("pattern".equals(message.getType())) {
            Optional<String> said = patternErrorMessage(message.getSchemaLocation());
            if (said.isPresent()) {
                return said.get();
            }
        }
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private Optional<String> patternErrorMessage(SchemaLocation location) {
        String iri = location.getAbsoluteIri().toString();
        if (!iri.startsWith(SCHEMAS)) {
            return Optional.empty();
        }
        String keyword = location.getFragment().toString();
        JsonNode owner = schemaFile(iri.substring(SCHEMAS.length())).at(JsonPointer.compile(Pointers.parent(keyword)));
        JsonNode said = owner.get("patternErrorMessage");
        return said != null && said.isTextual() ? Optional.of(said.asText()) : Optional.empty();
    }

    private JsonNode schemaFile(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(BUNDLED + n)) {
                return in == null ? Json.mapper().missingNode() : Json.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
