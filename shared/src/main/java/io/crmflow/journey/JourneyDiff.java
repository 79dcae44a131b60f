package io.crmflow.journey;

import io.crmflow.journey.JourneyChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two definitions of a journey (R-JRN-12). Stages, actions and ends are
 * matched by id, so a renamed stage is a rename, not a removal and an addition. Stateless.
 */
public final class JourneyDiff {
    private JourneyDiff() {
    }

    /** @param before null before the first version: everything in {@code after} is new */
    public static List<JourneyChange> between(JourneyDefinition before, JourneyDefinition after) {
        JourneyDefinition was = before == null ? JourneyDefinition.EMPTY : before;
        List<JourneyChange> changes = new ArrayList<>();
        settings(was, after, changes);
        stages(was, after, changes);
        ends(was, after, changes);
        return changes;
    }

    private static void settings(JourneyDefinition was, JourneyDefinition now, List<JourneyChange> out) {
        changed(Kind.NAME_CHANGED, was.name(), now.name(), out);
        changed(Kind.PROPERTY_CHANGED, was.property(), now.property(), out);
        if (!new java.util.HashSet<>(was.eligibilityLists()).equals(new java.util.HashSet<>(now.eligibilityLists()))) {
            out.add(JourneyChange.setting(Kind.ELIGIBILITY_LISTS_CHANGED, String.join(",", was.eligibilityLists()),
                    String.join(",", now.eligibilityLists())));
        }
        if (!was.enrollEmpty().equals(now.enrollEmpty())) {
            out.add(JourneyChange.setting(Kind.ENROLL_EMPTY_CHANGED, Boolean.toString(was.enrollEmpty()),
                    Boolean.toString(now.enrollEmpty())));
        }
        if (!was.unenrollment().equals(now.unenrollment())) {
            out.add(JourneyChange.setting(Kind.UNENROLLMENT_CHANGED, null, null));
        }
    }

    private static void changed(Kind kind, String from, String to, List<JourneyChange> out) {
        if (!Objects.equals(from, to)) {
            out.add(JourneyChange.setting(kind, from, to));
        }
    }

    private static void stages(JourneyDefinition was, JourneyDefinition now, List<JourneyChange> out) {
        Map<String, Stage> before = byId(was.stages(), Stage::id);
        Map<String, Stage> after = byId(now.stages(), Stage::id);
        List<String> keptBefore = before.keySet().stream().filter(after::containsKey).toList();
        List<String> keptAfter = after.keySet().stream().filter(before::containsKey).toList();
        for (Stage stage : after.values()) {
            Stage old = before.get(stage.id());
            if (old == null) {
                out.add(JourneyChange.ofStage(Kind.STAGE_ADDED, stage.id(), null, stage.name()));
                continue;
            }
            if (keptBefore.indexOf(stage.id()) != keptAfter.indexOf(stage.id())) {
                out.add(JourneyChange.ofStage(Kind.STAGE_MOVED, stage.id(), position(was, stage.id()),
                        position(now, stage.id())));
            }
            if (!Objects.equals(old.name(), stage.name())) {
                out.add(JourneyChange.ofStage(Kind.STAGE_RENAMED, stage.id(), old.name(), stage.name()));
            }
            if (!Objects.equals(old.value(), stage.value())) {
                out.add(JourneyChange.ofStage(Kind.STAGE_REMAPPED, stage.id(), old.value(), stage.value()));
            }
            actions(stage.id(), old, stage, out);
        }
        before.values().stream().filter(s -> !after.containsKey(s.id()))
                .forEach(s -> out.add(JourneyChange.ofStage(Kind.STAGE_REMOVED, s.id(), s.name(), null)));
    }

    /** The stage's place as a person counts it, from 1. */
    private static String position(JourneyDefinition d, String stageId) {
        return Integer.toString(d.indexOf(stageId) + 1);
    }

    private static void actions(String stageId, Stage was, Stage now, List<JourneyChange> out) {
        Map<String, StageAction> before = byId(was.actions(), StageAction::id);
        Map<String, StageAction> after = byId(now.actions(), StageAction::id);
        for (StageAction action : after.values()) {
            StageAction old = before.get(action.id());
            if (old == null) {
                out.add(JourneyChange.ofAction(Kind.ACTION_ADDED, stageId, action.id()));
            } else if (!old.equals(action)) {
                out.add(JourneyChange.ofAction(Kind.ACTION_CHANGED, stageId, action.id()));
            }
        }
        before.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> out.add(JourneyChange.ofAction(Kind.ACTION_REMOVED, stageId, id)));
        List<String> keptBefore = before.keySet().stream().filter(after::containsKey).toList();
        List<String> keptAfter = after.keySet().stream().filter(before::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            out.add(JourneyChange.ofStage(Kind.ACTIONS_REORDERED, stageId, null, null));
        }
    }

    private static void ends(JourneyDefinition was, JourneyDefinition now, List<JourneyChange> out) {
        Map<String, End> before = byId(was.ends(), End::id);
        Map<String, End> after = byId(now.ends(), End::id);
        for (End end : after.values()) {
            End old = before.get(end.id());
            if (old == null) {
                out.add(JourneyChange.ofEnd(Kind.END_ADDED, end.id()));
            } else if (!old.equals(end)) {
                out.add(JourneyChange.ofEnd(Kind.END_CHANGED, end.id()));
            }
        }
        before.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> out.add(JourneyChange.ofEnd(Kind.END_REMOVED, id)));
    }

    /** In order; a saved definition has unique ids, so nothing is lost but what validation refuses. */
    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        items.stream().filter(Objects::nonNull).forEach(item -> out.putIfAbsent(id.apply(item), item));
        return out;
    }
}
