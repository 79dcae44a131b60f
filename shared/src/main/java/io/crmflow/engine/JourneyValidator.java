package io.crmflow.engine;

import io.crmflow.definition.CrmList;
import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ListKind;
import io.crmflow.model.Names;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.StandardObjectTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a journey's definition when it is saved (R-JRN-1..7): every problem at once, each with
 * a JSON pointer into the definition as submitted, so nothing invalid is stored or discovered
 * while contacts follow it. What depends on other journeys (R-JRN-3, R-JRN-9) is the service's
 * to check, in the commit. Stateless.
 */
public final class JourneyValidator {
    public static final int MAX_LISTS = 5;
    public static final int MAX_STAGES = 10;
    public static final int MAX_ACTIONS = 50;
    /**
     * A journey's definition, each of its versions, and the workflow it runs as are stored as
     * single table items, which hold at most 400 KB; the workflow repeats the texts and adds its
     * routes, so the definition is held to well under half of that.
     */
    public static final int MAX_DEFINITION_BYTES = 150_000;

    /** Saving a draft lets stage and end values wait to be chosen; publishing does not. */
    public enum Purpose {
        DRAFT,
        PUBLISH
    }

    private JourneyValidator() {
    }

    /**
     * @param contact the contact object type, whose properties the journey reads and sets
     * @param lists   the tenant's lists by id
     * @param people  the tenant's users and teams, whom notifications name
     */
    public static List<InputProblem> validate(JourneyDefinition d, ObjectType contact,
                                              Function<String, Optional<CrmList>> lists, People people,
                                              Purpose purpose) {
        var check = new JourneyValidator.Run(d, contact, lists, purpose);
        check.settings();
        check.stages(people);
        check.ends();
        check.loops();
        check.size();
        return check.problems;
    }

    /** One validation: the definition, and what was learnt about it along the way. */
    private static final class Run {
        private final JourneyDefinition d;
        private final ObjectType contact;
        private final Function<String, Optional<CrmList>> lists;
        private final Purpose purpose;
        private final List<InputProblem> problems = new ArrayList<>();
        /** The property's options, when it is an enumeration of contacts; else null and values go unchecked. */
        private List<String> options;
        /** Stage and end ids seen, and values with who used them first. */
        private final Set<String> ids = new HashSet<>();
        private final Map<String, String> valueUsers = new HashMap<>();
        private final Set<String> actionIds = new HashSet<>();

        Run(JourneyDefinition d, ObjectType contact, Function<String, Optional<CrmList>> lists, Purpose purpose) {
            this.d = d;
            this.contact = contact;
            this.lists = lists;
            this.purpose = purpose;
        }

        void settings() {
            text(d.name(), "/name", "name the journey");
            property();
            if (d.eligibilityLists().isEmpty() || d.eligibilityLists().size() > MAX_LISTS) {
                add("/eligibilityLists", "choose 1 to " + MAX_LISTS + " lists whose contacts may enroll (got "
                        + d.eligibilityLists().size() + ")");
            }
            contactLists(d.eligibilityLists(), "/eligibilityLists/");
            contactLists(d.unenrollment().suppressionLists(), "/unenrollment/suppressionLists/");
        }

        void size() {
            int bytes = io.crmflow.json.Json.write(d).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > MAX_DEFINITION_BYTES) {
                add("/", "the journey's definition is " + bytes / 1000 + " KB of JSON; at most "
                        + MAX_DEFINITION_BYTES / 1000 + " KB is kept: shorten its texts or split it into two journeys");
            }
        }

        private void property() {
            if (d.property() == null || d.property().isBlank()) {
                add("/property", "choose the enumeration property of contacts the journey is centred on");
                return;
            }
            Optional<PropertyDefinition> p = contact.property(d.property());
            if (p.isEmpty()) {
                add("/property", "contacts have no property '" + d.property() + "'");
            } else if (!p.get().type().hasOptions()) {
                add("/property", "property '" + d.property() + "' is a " + p.get().type().name().toLowerCase()
                        + "; a journey is centred on an enumeration property, each stage mapped to one of its options");
            } else {
                options = p.get().options();
            }
        }

        private void contactLists(List<String> listIds, String at) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < listIds.size(); i++) {
                String id = listIds.get(i);
                Optional<CrmList> list = id == null ? Optional.empty() : lists.apply(id);
                if (list.isEmpty()) {
                    add(at + i, "there is no list '" + id + "'");
                } else if (!StandardObjectTypes.CONTACT.equals(list.get().objectType())) {
                    add(at + i, "list '" + id + "' holds " + list.get().objectType() + " records, not contacts");
                } else if (!seen.add(id)) {
                    add(at + i, "list '" + id + "' is named twice");
                }
            }
        }

        void stages(People people) {
            if (d.stages().isEmpty() || d.stages().size() > MAX_STAGES) {
                add("/stages", "a journey has 1 to " + MAX_STAGES + " stages (got " + d.stages().size() + ")");
            }
            for (int i = 0; i < d.stages().size(); i++) {
                Stage stage = d.stages().get(i);
                String at = "/stages/" + i;
                if (stage == null) {
                    add(at, "a stage cannot be null");
                    continue;
                }
                id(stage.id(), at + "/id", "stage");
                text(stage.name(), at + "/name", "name the stage");
                value(stage.value(), at + "/value", "stage '" + stage.id() + "'");
                actions(stage, i, at, people);
            }
        }

        private void actions(Stage stage, int index, String at, People people) {
            if (stage.actions().isEmpty() || stage.actions().size() > MAX_ACTIONS) {
                add(at + "/actions", "a stage has 1 to " + MAX_ACTIONS + " actions (got " + stage.actions().size() + ")");
            }
            for (int j = 0; j < stage.actions().size(); j++) {
                StageAction action = stage.actions().get(j);
                String actionAt = at + "/actions/" + j;
                if (action == null) {
                    add(actionAt, "an action cannot be null");
                    continue;
                }
                if (validId(action.id(), actionAt + "/id", "action") && !actionIds.add(action.id())) {
                    add(actionAt + "/id", "action id '" + action.id() + "' is used twice in the journey");
                }
                if (action.endsFlow() && j < stage.actions().size() - 1) {
                    add(actionAt, "nothing after a go-to ever runs; make it the stage's last action");
                } else if (movesElsewhere(action, stage) != null && j < stage.actions().size() - 1) {
                    add(actionAt, "setting " + d.property() + " to '" + ((StageAction.SetProperty) action).value()
                            + "' takes the contact to " + movesElsewhere(action, stage) + ", so nothing after it"
                            + " would run; make it the stage's last action");
                }
                StageActionValidation.check(action, actionAt, contact, people, problems);
                goTo(action, index, actionAt);
            }
        }

        /**
         * Where a {@code set_property} of the journey property takes the contact, as a go-to would:
         * "stage 'x'" or "end 'y'"; null for any other action, or a value of its own stage or of none.
         */
        private String movesElsewhere(StageAction action, Stage stage) {
            if (!(action instanceof StageAction.SetProperty set) || d.property() == null
                    || !d.property().equals(set.property()) || set.value() == null) {
                return null;
            }
            for (Stage other : d.stages()) {
                if (other != null && set.value().equals(other.value()) && !java.util.Objects.equals(other.id(), stage.id())) {
                    return "stage '" + other.id() + "'";
                }
            }
            for (End end : d.ends()) {
                if (end != null && set.value().equals(end.value())) {
                    return "end '" + end.id() + "'";
                }
            }
            return null;
        }

        /**
         * Stages whose flows send contacts to one another with no wait on the way would move a
         * contact round for ever, a step after another; a wait (or a wait for an activity) in one of
         * them breaks the loop.
         */
        void loops() {
            Map<Integer, Integer> immediate = new HashMap<>();
            Map<Integer, String> at = new HashMap<>();
            for (int i = 0; i < d.stages().size(); i++) {
                Stage stage = d.stages().get(i);
                if (stage == null || stage.actions().isEmpty()) {
                    continue;
                }
                boolean waits = stage.actions().stream().anyMatch(a -> a instanceof StageAction.Wait
                        || a instanceof StageAction.WaitForActivity);
                int last = stage.actions().size() - 1;
                StageAction move = stage.actions().get(last);
                // A go-to that is not to an earlier stage is reported as such already.
                int target = move instanceof StageAction.GoToStage go ? (d.indexOf(go.stageId()) < i ? d.indexOf(go.stageId()) : -1)
                        : move != null && movesElsewhere(move, stage) != null && movesElsewhere(move, stage).startsWith("stage")
                        ? indexOfValue(((StageAction.SetProperty) move).value()) : -1;
                if (!waits && target >= 0) {
                    immediate.put(i, target);
                    at.put(i, "/stages/" + i + "/actions/" + last);
                }
            }
            for (Integer start : immediate.keySet()) {
                Set<Integer> seen = new HashSet<>();
                for (Integer s = start; s != null && seen.add(s); s = immediate.get(s)) {
                    if (start.equals(immediate.get(s))) {
                        add(at.get(start), "stage '" + d.stages().get(start).id() + "' leads back to itself through"
                                + " stages with no wait: a contact would go round for ever; add a wait on the way");
                        break;
                    }
                }
            }
        }

        private int indexOfValue(String value) {
            for (int i = 0; i < d.stages().size(); i++) {
                if (d.stages().get(i) != null && value.equals(d.stages().get(i).value())) {
                    return i;
                }
            }
            return -1;
        }

        /** A go-to leads to an end of the journey, or back to a stage before this one (R-JRN-5). */
        private void goTo(StageAction action, int stageIndex, String at) {
            if (action instanceof StageAction.GoToEnd go && (go.endId() == null || d.end(go.endId()).isEmpty())) {
                add(at + "/endId", "there is no end '" + go.endId() + "'");
            } else if (action instanceof StageAction.GoToStage go) {
                int target = d.indexOf(go.stageId());
                if (target < 0) {
                    add(at + "/stageId", "there is no stage '" + go.stageId() + "'");
                } else if (target >= stageIndex) {
                    add(at + "/stageId", "a go-to leads back to an earlier stage; stage '" + go.stageId()
                            + "' does not come before this one");
                }
            }
        }

        void ends() {
            long goals = d.ends().stream().filter(e -> e != null && e.isGoal()).count();
            if (goals != 1) {
                add("/ends", "a journey has exactly one goal end (got " + goals + ")");
            }
            for (int k = 0; k < d.ends().size(); k++) {
                End end = d.ends().get(k);
                String at = "/ends/" + k;
                if (end == null) {
                    add(at, "an end cannot be null");
                    continue;
                }
                id(end.id(), at + "/id", "end");
                text(end.name(), at + "/name", "name the end");
                if (end.kind() == null) {
                    add(at + "/kind", "say whether the end is the \"goal\" or \"unsuccessful\"");
                }
                value(end.value(), at + "/value", "end '" + end.id() + "'");
                if (end.addToList() != null) {
                    staticContactList(end.addToList(), at + "/addToList");
                }
            }
        }

        private void staticContactList(String listId, String at) {
            Optional<CrmList> list = lists.apply(listId);
            if (list.isEmpty()) {
                add(at, "there is no list '" + listId + "'");
            } else if (list.get().kind() != ListKind.STATIC || !StandardObjectTypes.CONTACT.equals(list.get().objectType())) {
                add(at, "list '" + listId + "' is not a static list of contacts: an end adds contacts only to one");
            }
        }

        /** Stage and end ids share one space: a go-to, a history or a metric names either by it alone. */
        private void id(String id, String at, String what) {
            if (validId(id, at, what) && !ids.add(id)) {
                add(at, "id '" + id + "' is used twice among the stages and ends");
            }
        }

        private boolean validId(String id, String at, String what) {
            try {
                Names.requireValid(id, what + " id");
                return true;
            } catch (IllegalArgumentException e) {
                add(at, e.getMessage());
                return false;
            }
        }

        /** Each stage and end is one value of the property, used once (R-JRN-1, R-JRN-6). */
        private void value(String value, String at, String who) {
            if (value == null || value.isEmpty()) {
                if (purpose == Purpose.PUBLISH) {
                    add(at, "choose the value of '" + d.property() + "' for " + who + " before publishing");
                }
                return;
            }
            if (options == null) {
                return;
            }
            if (!options.contains(value)) {
                add(at, "'" + value + "' is not an option of property '" + d.property() + "' (options: "
                        + String.join(", ", options) + ")");
            } else {
                String first = valueUsers.putIfAbsent(value, who);
                if (first != null) {
                    add(at, "value '" + value + "' is already used by " + first + "; each stage and end has its own");
                }
            }
        }

        private void text(String value, String at, String message) {
            if (value == null || value.isBlank()) {
                add(at, message);
            }
        }

        private void add(String at, String message) {
            problems.add(new InputProblem(at, message));
        }
    }
}
