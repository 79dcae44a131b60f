package io.crmflow.journey;

/**
 * A journey as a person opens it: the journey, its draft, and what is published (R-JRN-10).
 *
 * @param published          null while never published
 * @param unpublishedChanges whether the draft differs from what is published (always, before the first publish)
 */
public record JourneyView(Journey journey, JourneyDefinition draft, JourneyDefinition published,
                          boolean unpublishedChanges) {

    public static JourneyView of(Journey journey, JourneyDefinition draft, JourneyDefinition published) {
        return new JourneyView(journey, draft, published, !draft.equals(published));
    }
}
