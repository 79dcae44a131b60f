package io.crmflow.cli.definition;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which definition a file or the target holds: its kind and id, and for a pipeline its object type
 * too, since pipeline ids are unique only within a type.
 *
 * @param objectType a pipeline's; null for the other kinds
 */
public record DefinitionKey(Kind kind, String objectType, String id) implements Comparable<DefinitionKey> {
    private static final Comparator<DefinitionKey> ORDER = Comparator.comparing(DefinitionKey::kind)
            .thenComparing(k -> Objects.requireNonNullElse(k.objectType(), ""))
            .thenComparing(DefinitionKey::id);

    public DefinitionKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if ((kind == Kind.PIPELINE) != (objectType != null)) {
            throw new IllegalArgumentException("a pipeline, and only a pipeline, is keyed by its object type too");
        }
    }

    public static DefinitionKey of(Kind kind, String id) {
        return new DefinitionKey(kind, null, id);
    }

    public static DefinitionKey pipeline(String objectType, String id) {
        return new DefinitionKey(Kind.PIPELINE, objectType, id);
    }

    @Override
    public int compareTo(DefinitionKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code workflow welcome}, {@code pipeline deal/sales}. */
    @Override
    public String toString() {
        return kind.wireName() + " " + (objectType == null ? id : objectType + "/" + id);
    }
}
