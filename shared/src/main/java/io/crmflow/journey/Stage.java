package io.crmflow.journey;

import java.util.List;

/**
 * One stage of a journey (R-JRN-4): when a contact's journey property takes {@code value}, the
 * contact enters this stage and runs its flow of actions, one after the other.
 *
 * @param value   the option of the journey property this stage maps to; null while a draft leaves it to be
 *                chosen (a journey whose property changed keeps its stages, their values chosen later); a
 *                journey is published only with every value chosen
 * @param actions 1 to 50, run in order
 */
public record Stage(String id, String name, String value, List<StageAction> actions) {
    public Stage {
        actions = actions == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(actions));
    }
}
