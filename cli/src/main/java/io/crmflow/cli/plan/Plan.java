package io.crmflow.cli.plan;

import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.definition.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What applying a folder would do to a target: per definition, create, update (with where),
 * leave unchanged, or leave alone what only the target has. Definitions are compared in
 * canonical form, so only a difference in meaning is a change. Changes come in the order they
 * are to be made ({@link ApplyOrder}); what only the target has, after them. Immutable.
 */
public record Plan(List<Change> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    public static Plan of(List<Definition> folder, List<Definition> target) {
        Map<DefinitionKey, Definition> current = target.stream()
                .collect(Collectors.toMap(Definition::key, Function.identity(), (a, b) -> a));
        List<Change> changes = new ArrayList<>();
        for (Definition wanted : folder) {
            Definition now = current.remove(wanted.key());
            changes.add(now == null ? new Change.Create(wanted) : compare(wanted, now));
        }
        List<Change> ordered = new ArrayList<>(ApplyOrder.sort(changes));
        current.values().stream().sorted(java.util.Comparator.comparing(Definition::key))
                .forEach(d -> ordered.add(new Change.OnlyOnTarget(d)));
        return new Plan(ordered);
    }

    private static Change compare(Definition wanted, Definition now) {
        List<String> pointers = new ArrayList<>(TreeDiff.between(now.body(), wanted.body()).stream()
                .map(p -> FileForm.filePointer(wanted.kind(), p)).toList());
        if (wanted.kind() == Kind.JOURNEY && wanted.publish() && (!now.publish() || !pointers.isEmpty())) {
            pointers.add("/" + FileForm.PUBLISH);
        }
        return pointers.isEmpty() ? new Change.Unchanged(wanted) : new Change.Update(wanted, now, pointers);
    }

    public boolean changesTarget() {
        return changes.stream().anyMatch(Change::changesTarget);
    }

    public long count(Class<? extends Change> type) {
        return changes.stream().filter(type::isInstance).count();
    }
}
