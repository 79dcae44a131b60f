package io.crmflow.cli.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of definition a file may hold, in the order they are applied: what others name comes
 * first — pipelines (a stage's workflow names its pipeline) and lists (workflows and journeys name
 * them) before workflows and journeys.
 */
public enum Kind {
    PIPELINE("pipelines"),
    LIST("lists"),
    WORKFLOW("workflows"),
    JOURNEY("journeys");

    private final String folder;

    Kind(String folder) {
        this.folder = folder;
    }

    /** As files and messages write it: {@code workflow}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where {@code export} writes definitions of this kind, under the folder given. */
    public String folder() {
        return folder;
    }

    public static Optional<Kind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
