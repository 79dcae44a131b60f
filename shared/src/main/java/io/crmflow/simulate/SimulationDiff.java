package io.crmflow.simulate;

import io.crmflow.model.RecordRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changes between two versions run over the same events: every figure that differs (see
 * {@link ReportFigures} for their names), every record whose way through changed, and what
 * would be sent that the other would not. Something sent by both at different times shows as
 * removed at the one time and added at the other. Immutable; written as JSON by the project's
 * one mapping, and as text by {@link ReportText}.
 */
public record SimulationDiff(SimulationReport.Tested before, SimulationReport.Tested after,
                             List<FigureChange> figures, List<PathChange> paths,
                             Changes<SimulationReport.Email> emails, Changes<SimulationReport.Webhook> webhooks,
                             Changes<SimulationReport.Text> texts) {

    public SimulationDiff {
        figures = List.copyOf(figures);
        paths = List.copyOf(paths);
    }

    public record FigureChange(String figure, long before, long after) {
    }

    /**
     * One record whose enrollments went differently: each enrollment as {@code STATUS: a → b → c};
     * empty when it never enrolled.
     */
    public record PathChange(RecordRef record, List<String> before, List<String> after) {
        public PathChange {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /** What only the version after sends ({@code added}), and what only the one before sends ({@code removed}). */
    public record Changes<T>(List<T> added, List<T> removed) {
        public Changes {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /** Whether the two runs came to exactly the same. */
    public boolean isEmpty() {
        return figures.isEmpty() && paths.isEmpty() && emails.added().isEmpty() && emails.removed().isEmpty()
                && webhooks.added().isEmpty() && webhooks.removed().isEmpty() && texts.added().isEmpty()
                && texts.removed().isEmpty();
    }

    static SimulationDiff between(SimulationReport before, SimulationReport after) {
        return new SimulationDiff(before.tested(), after.tested(), figures(before, after), paths(before, after),
                changes(before.emails(), after.emails()), changes(before.webhooks(), after.webhooks()),
                changes(before.texts(), after.texts()));
    }

    private static List<FigureChange> figures(SimulationReport before, SimulationReport after) {
        Map<String, Long> was = ReportFigures.of(before);
        Map<String, Long> is = ReportFigures.of(after);
        Set<String> names = new LinkedHashSet<>(was.keySet());
        names.addAll(is.keySet());
        List<FigureChange> changed = new ArrayList<>();
        for (String name : names) {
            long a = was.getOrDefault(name, 0L);
            long b = is.getOrDefault(name, 0L);
            if (a != b) {
                changed.add(new FigureChange(name, a, b));
            }
        }
        return changed;
    }

    private static List<PathChange> paths(SimulationReport before, SimulationReport after) {
        Map<RecordRef, List<String>> was = pathsByRecord(before);
        Map<RecordRef, List<String>> is = pathsByRecord(after);
        Set<RecordRef> records = new LinkedHashSet<>(was.keySet());
        records.addAll(is.keySet());
        List<PathChange> changed = new ArrayList<>();
        for (RecordRef record : records) {
            List<String> a = was.getOrDefault(record, List.of());
            List<String> b = is.getOrDefault(record, List.of());
            if (!a.equals(b)) {
                changed.add(new PathChange(record, a, b));
            }
        }
        return changed;
    }

    private static Map<RecordRef, List<String>> pathsByRecord(SimulationReport report) {
        Map<RecordRef, List<String>> paths = new LinkedHashMap<>();
        report.enrolled().forEach(e -> paths.computeIfAbsent(e.record(), r -> new ArrayList<>())
                .add(e.status() + ": " + String.join(" → ", e.path())));
        return paths;
    }

    /** Pairs what each sent, time and all, one for one; what pairs with nothing changed. */
    private static <T> Changes<T> changes(List<T> before, List<T> after) {
        Map<T, Integer> unpaired = new HashMap<>();
        before.forEach(item -> unpaired.merge(item, 1, Integer::sum));
        List<T> added = new ArrayList<>();
        for (T item : after) {
            if (!takeOne(unpaired, item)) {
                added.add(item);
            }
        }
        List<T> removed = new ArrayList<>();
        for (T item : before) {
            if (takeOne(unpaired, item)) {
                removed.add(item);
            }
        }
        return new Changes<>(added, removed);
    }

    private static <T> boolean takeOne(Map<T, Integer> counts, T item) {
        Integer n = counts.get(item);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            counts.remove(item);
        } else {
            counts.put(item, n - 1);
        }
        return true;
    }
}
