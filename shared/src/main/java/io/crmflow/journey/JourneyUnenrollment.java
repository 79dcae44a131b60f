package io.crmflow.journey;

import java.util.List;

/**
 * When contacts leave a journey before an end (R-JRN-7). Without any of these a contact stays
 * in the journey once enrolled, also when it later leaves the eligibility lists (R-JRN-2).
 *
 * @param suppressionLists                contacts on one of these, or joining one, leave
 * @param whenRemovedFromEligibilityLists a contact on none of the eligibility lists any more leaves
 * @param whenEndMatchedEarly             a contact whose property takes an end's value before a flow leads it
 *                                        there leaves, and that end's actions (its list) are skipped
 *                                        <p>Both options are never null once built: left out, they are off.
 */
public record JourneyUnenrollment(List<String> suppressionLists, Boolean whenRemovedFromEligibilityLists,
                                  Boolean whenEndMatchedEarly) {
    public static final JourneyUnenrollment NONE = new JourneyUnenrollment(List.of(), false, false);

    public JourneyUnenrollment {
        suppressionLists = suppressionLists == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(suppressionLists));
        whenRemovedFromEligibilityLists = Boolean.TRUE.equals(whenRemovedFromEligibilityLists);
        whenEndMatchedEarly = Boolean.TRUE.equals(whenEndMatchedEarly);
    }
}
