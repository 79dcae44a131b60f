package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.source.SourceFile;
import java.util.Objects;

/**
 * One definition in its canonical form ({@link Canonical}): what a file says, or what the target
 * holds, as the engine's model reads it, with what the server adds left out — so two definitions
 * mean the same exactly when their trees are equal. Immutable.
 *
 * @param body    the canonical tree, which is also the body the API takes for it
 * @param publish for a journey: from a file, that it is to be published; from the target, that it is
 *                published and its draft is what is published. False for the other kinds
 * @param source  the file it was read from; null for one read from the target
 */
public record Definition(DefinitionKey key, JsonNode body, boolean publish, SourceFile source) {
    public Definition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
    }

    public Kind kind() {
        return key.kind();
    }

    public String id() {
        return key.id();
    }

    /** Where it came from, for messages: the file, or the target. */
    public String origin() {
        return source == null ? "the target" : source.name();
    }

    public Definition withPublish(boolean value) {
        return new Definition(key, body, value, source);
    }
}
