package io.crmflow.engine;

import io.crmflow.model.InvalidInputException;

/**
 * How much of a workflow deleting an action takes (R-WF-9), the two choices a HubSpot user is
 * offered; {@link ActionDeletion} says what each does. The wire names are the API's
 * {@code mode} query parameter.
 */
public enum DeletionMode {
    /** "Only this action": what came before it goes on to what follows it. */
    ONLY("only"),
    /** "This action and all actions below it". */
    BELOW("below");

    private final String wireName;

    DeletionMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws InvalidInputException at {@code /query/mode} for a missing or unknown mode, naming both */
    public static DeletionMode fromQuery(String raw) {
        for (DeletionMode m : values()) {
            if (m.wireName.equals(raw)) {
                return m;
            }
        }
        throw InvalidInputException.of("/query/mode", (raw == null || raw.isBlank() ? "say what to delete"
                : "'" + raw + "' is not a way to delete an action")
                + ": mode=only (only this action; what came before it goes on to what follows it)"
                + " or mode=below (this action and all actions below it)");
    }
}
