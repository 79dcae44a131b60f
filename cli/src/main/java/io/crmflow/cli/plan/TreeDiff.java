package io.crmflow.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.source.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two canonical trees differ, as JSON pointers: the deepest members that differ, and an
 * array whose length changed as a whole (its elements shifted, so naming each would say less).
 * Stateless.
 */
public final class TreeDiff {
    private TreeDiff() {
    }

    public static List<String> between(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String at, JsonNode before, JsonNode after, List<String> out) {
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> walk(Pointers.child(at, name), before.get(name), after.get(name), out));
        } else if (before != null && after != null && before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                walk(Pointers.child(at, i), before.get(i), after.get(i), out);
            }
        } else {
            out.add(Pointers.display(at));
        }
    }
}
