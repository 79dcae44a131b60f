package io.crmflow.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionEdgesTest {

    /**
     * Every action type, its components filled in, rewired: only the edges change. Catches a
     * component added to an action that the rewiring would silently drop.
     */
    @Test
    void retarget_ofEveryActionType_changesItsEdgesAndKeepsEveryOtherComponent() throws Exception {
        for (Class<?> type : Action.class.getPermittedSubclasses()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i]);
            }
            Action action = (Action) type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);

            Action rewired = ActionEdges.retarget(action, id -> "moved-" + id);

            for (int i = 0; i < components.length; i++) {
                Object now = components[i].getAccessor().invoke(rewired);
                String name = components[i].getName();
                assertThat(now).as(type.getSimpleName() + "." + name)
                        .isEqualTo(name.equals("next") || name.endsWith("Next") ? "moved-" + values[i] : values[i]);
            }
        }
    }

    private static Object sample(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return "s-" + c.getName();
        } else if (t == Duration.class) {
            return Duration.ofHours(1);
        } else if (t == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2030, 1, 7);
        } else if (t == java.time.LocalTime.class) {
            return java.time.LocalTime.of(9, 0);
        } else if (t == List.class) {
            return List.of();
        } else if (t == java.util.Set.class) {
            return java.util.Set.of();
        } else if (t == Map.class) {
            return Map.of();
        } else if (t == Boolean.class) {
            return Boolean.TRUE;
        } else if (t.isEnum()) {
            return t.getEnumConstants()[0];
        } else if (t == Action.Recipients.class) {
            return new Action.Recipients(List.of("s-user"), List.of("s-team"), true);
        }
        return null;
    }

    @Test
    void retarget_changesEveryEdgeOfABranch_andKeepsTheRest() {
        var which = new Action.Branch("which", List.of(
                new Action.BranchPath("customers", Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), "x"),
                new Action.BranchPath("leads", Filter.allOf(Filters.where("lifecyclestage").equalTo("lead")), "y")), "x");
        Map<String, String> moved = new java.util.HashMap<>(Map.of("y", "z"));
        moved.put("x", null);

        Action rewired = ActionEdges.retarget(which, id -> moved.containsKey(id) ? moved.get(id) : id);

        assertThat(rewired).isEqualTo(new Action.Branch("which", List.of(
                new Action.BranchPath("customers", which.paths().get(0).criteria(), null),
                new Action.BranchPath("leads", which.paths().get(1).criteria(), "z")), null));
    }

    @Test
    void retarget_withNothingToChange_returnsTheSameAction() {
        var wait = new Action.Delay("wait", Duration.ofDays(1), "next");

        assertThat(ActionEdges.retarget(wait, id -> id)).isSameAs(wait);
        assertThat(ActionEdges.retarget(wait, id -> "other")).isEqualTo(new Action.Delay("wait", Duration.ofDays(1), "other"));
    }
}
