package io.crmflow.engine;

import io.crmflow.model.InputProblem;
import io.crmflow.model.RecordRef;
import io.crmflow.store.RecordStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The associations a record is created with, checked before anything is written, so that a
 * record and what it belongs to are committed together: a workflow the creation triggers (a
 * ticket's "ticket received" email) already finds them. Thread-safe.
 */
final class NewRecordAssociations {
    private NewRecordAssociations() {
    }

    /**
     * What is wrong with {@code targets}, each at {@code /associations/{i}}: a null, a bad
     * type or id, a record listed twice, one that does not exist; or too many at all.
     */
    static List<InputProblem> problems(RecordStore records, String tenantId, List<RecordService.NewAssociation> targets) {
        List<InputProblem> problems = new ArrayList<>();
        if (targets.size() > RecordActions.MOST_ASSOCIATED) {
            problems.add(new InputProblem("/associations", "at most " + RecordActions.MOST_ASSOCIATED
                    + " associations when creating a record (they are written in one transaction with it); add the others with "
                    + "POST /records/{type}/{id}/associations"));
            return problems;
        }
        Map<RecordRef, Integer> first = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            String at = "/associations/" + i;
            RecordService.NewAssociation t = targets.get(i);
            if (t == null) {
                problems.add(new InputProblem(at, "an association is {\"objectType\", \"id\", \"label\"?}, not null"));
                continue;
            }
            RecordRef ref;
            try {
                ref = new RecordRef(t.objectType(), t.id());
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new InputProblem(at, "name the record by its objectType and id: " + e.getMessage()));
                continue;
            }
            Integer seen = first.putIfAbsent(ref, i);
            if (seen != null) {
                problems.add(new InputProblem(at, ref.objectType() + " '" + ref.id() + "' is already at /associations/"
                        + seen + "; a record is associated once"));
            }
        }
        Set<RecordRef> existing = new HashSet<>();
        if (!first.isEmpty()) {
            records.records(tenantId, List.copyOf(first.keySet())).forEach(r -> existing.add(r.ref()));
        }
        first.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> problems.add(new InputProblem("/associations/" + e.getValue(), e.getKey().objectType()
                        + " '" + e.getKey().id() + "' does not exist")));
        return problems;
    }
}
