package io.crmflow.journey;

import java.util.List;
import java.util.Optional;

/**
 * What a person edits in a customer journey: the contact property it is centred on (R-JRN-1),
 * who may enroll (R-JRN-2), its stages (R-JRN-4), its ends (R-JRN-6) and when contacts leave
 * early (R-JRN-7). Every saved draft and every publish keeps one of these as a version
 * (R-JRN-10, R-JRN-12); who owns the journey and which version is live is the {@link Journey}'s.
 * Immutable; checked at save time by the engine's {@code JourneyValidator}, not here, so that
 * every problem can be reported at once with where it is.
 *
 * @param property         an enumeration property of contacts; each stage and end maps to one of its options
 * @param eligibilityLists contact lists whose members may enroll (1 to 5); being on one enrolls nobody by itself
 * @param enrollEmpty      whether a contact whose property is empty enrolls into the start stage; never null once
 *                         built (left out, it is off)
 * @param stages           in order; the first is the start stage, and "earlier" means before in this list
 * @param ends             exactly one goal end and any number of unsuccessful ones
 * @param unenrollment     never null once built
 */
public record JourneyDefinition(String name, String property, List<String> eligibilityLists, Boolean enrollEmpty,
                                List<Stage> stages, List<End> ends, JourneyUnenrollment unenrollment) {

    public JourneyDefinition {
        eligibilityLists = copy(eligibilityLists);
        stages = copy(stages);
        ends = copy(ends);
        unenrollment = unenrollment == null ? JourneyUnenrollment.NONE : unenrollment;
        enrollEmpty = Boolean.TRUE.equals(enrollEmpty);
    }

    /** Nothing at all: what a journey is compared with before its first version. */
    public static final JourneyDefinition EMPTY = new JourneyDefinition(null, null, null, false, null, null, null);

    /**
     * Where the stage is in the order, from 0 (the start stage); -1 when there is none. "Earlier"
     * is by this index, which is what a go-to and a moved stage are judged by.
     */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) != null && stages.get(i).id() != null && stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<End> end(String endId) {
        return ends.stream().filter(e -> e != null && endId.equals(e.id())).findFirst();
    }

    /** Lists may hold nulls as submitted: the validator reports each at its index rather than failing here. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
