package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.json.Json;
import java.util.Optional;

/**
 * How a definition is written in a file: {@code kind} and {@code id} first, then the body the API
 * takes for it — with a list's own kind written {@code listKind}, since {@code kind} says what the
 * file holds, and a journey's {@code publish}. An editor's {@code $schema} is allowed and ignored.
 * Stateless.
 */
public final class FileForm {
    public static final String KIND = "kind";
    public static final String ID = "id";
    public static final String PUBLISH = "publish";
    public static final String SCHEMA = "$schema";
    static final String LIST_KIND = "listKind";
    private static final String OBJECT_TYPE = "objectType";

    private FileForm() {
    }

    /** What the file says it holds; empty when it does not say, or says something unknown. */
    public static Optional<Kind> kind(JsonNode file) {
        JsonNode kind = file.get(KIND);
        return kind != null && kind.isTextual() ? Kind.fromWire(kind.asText()) : Optional.empty();
    }

    /** Which definition a well-formed file holds (its schema checked: it has its kind, id and, for a pipeline, type). */
    public static DefinitionKey key(Kind kind, JsonNode file) {
        String id = file.get(ID).asText();
        return kind == Kind.PIPELINE ? DefinitionKey.pipeline(file.get(OBJECT_TYPE).asText(), id)
                : DefinitionKey.of(kind, id);
    }

    /** Whether a journey's file asks for it to be published. */
    public static boolean publish(JsonNode file) {
        return file.path(PUBLISH).asBoolean(false);
    }

    /** The file's body: what the API takes, field for field, in the file's order. */
    public static ObjectNode body(Kind kind, JsonNode file) {
        ObjectNode body = Json.mapper().createObjectNode();
        file.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case KIND, ID, SCHEMA -> { }
                case PUBLISH -> {
                    if (kind != Kind.JOURNEY) {
                        body.set(field.getKey(), field.getValue()); // refused where the API would refuse it
                    }
                }
                case LIST_KIND -> body.set(kind == Kind.LIST ? KIND : LIST_KIND, field.getValue());
                default -> body.set(field.getKey(), field.getValue());
            }
        });
        return body;
    }

    /** Where a pointer into the body points in the file. */
    public static String filePointer(Kind kind, String bodyPointer) {
        if (kind == Kind.LIST && (bodyPointer.equals("/" + KIND) || bodyPointer.startsWith("/" + KIND + "/"))) {
            return "/" + LIST_KIND + bodyPointer.substring(KIND.length() + 1);
        }
        return bodyPointer;
    }

    /** The file for a definition: kind and id, a journey's publish when set, then its body as given. */
    public static ObjectNode file(DefinitionKey key, JsonNode body, boolean publish) {
        ObjectNode file = Json.mapper().createObjectNode();
        file.put(KIND, key.kind().wireName());
        file.put(ID, key.id());
        if (key.kind() == Kind.JOURNEY && publish) {
            file.put(PUBLISH, true);
        }
        body.fields().forEachRemaining(field -> file.set(
                key.kind() == Kind.LIST && field.getKey().equals(KIND) ? LIST_KIND : field.getKey(), field.getValue()));
        return file;
    }

    /**
     * Where {@code export} writes a definition, under the folder: {@code workflows/welcome.yaml},
     * {@code pipelines/deal/sales.yaml}. An id's ':' becomes '~', which no id holds, so two ids
     * never share a file and every system can name it.
     */
    public static String fileName(DefinitionKey key) {
        String name = key.id().replace(':', '~') + ".yaml";
        return key.kind().folder() + "/" + (key.objectType() == null ? "" : key.objectType().replace(':', '~') + "/")
                + name;
    }
}
