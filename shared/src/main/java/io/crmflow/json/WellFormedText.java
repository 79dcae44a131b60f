package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses JSON whose strings hold half of a surrogate pair. An escape such as {@code "\ud800"}
 * parses into a Java string that has no UTF-8 form, so no store can keep it as sent: one table
 * writes it mangled, another fails the write. Refused at the door, it is the caller's 400 at the
 * field rather than a 500 or a value that changed on the way in.
 */
public final class WellFormedText {
    private WellFormedText() {
    }

    /** @throws InvalidInputException at every field (or field name) holding a lone surrogate */
    public static void require(String json) {
        if (json == null || !mayHoldLoneSurrogate(json)) {
            return;
        }
        List<InputProblem> problems = new ArrayList<>();
        collect(Json.tree(json), "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Cheap test so that a body without any surrogate, escaped or not, is never parsed twice. */
    private static boolean mayHoldLoneSurrogate(String json) {
        for (int at = json.indexOf("\\u"); at >= 0; at = json.indexOf("\\u", at + 2)) {
            if (at + 3 < json.length() && (json.charAt(at + 2) == 'd' || json.charAt(at + 2) == 'D')
                    && "89abcdefABCDEF".indexOf(json.charAt(at + 3)) >= 0) {
                return true;
            }
        }
        return !isWellFormed(json);
    }

    private static void collect(JsonNode node, String pointer, List<InputProblem> problems) {
        if (node.isTextual() && !isWellFormed(node.textValue())) {
            problems.add(problem(pointer));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = pointer + "/" + escape(field.getKey());
                if (!isWellFormed(field.getKey())) {
                    problems.add(problem(at));
                }
                collect(field.getValue(), at, problems);
            }
        }
    }

    private static InputProblem problem(String pointer) {
        return new InputProblem(pointer.isEmpty() ? "/" : pointer,
                "holds half of a surrogate pair (an escape from \\ud800 to \\udfff without its other half),"
                        + " which is not text; send the whole character or leave it out");
    }

    /** RFC 6901: a field name's own "~" and "/" must not read as pointer syntax. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
