package io.crmflow.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One definition file as read: its tree, and where in the file each of the tree's values was, so
 * that a problem found at a JSON pointer is reported at its line. Immutable.
 *
 * @param name      the file as the person named it: relative to the folder given
 * @param positions by JSON pointer: where each member's name, or each array element, starts
 */
public record SourceFile(String name, JsonNode tree, Map<String, Position> positions) {
    public SourceFile {
        positions = Map.copyOf(positions);
    }

    /**
     * Where the value at {@code pointer} is; a value the file leaves out (a field the engine found
     * missing) is reported where its nearest present parent is.
     */
    public Position positionOf(String pointer) {
        for (String at = pointer; ; at = Pointers.parent(at)) {
            Position found = positions.get(at);
            if (found != null) {
                return found;
            }
            if (at.isEmpty()) {
                return Position.START;
            }
        }
    }
}
