package io.crmflow.journey;

/**
 * One thing a version changed against the version before it (R-JRN-12), as a version history
 * shows it: "stage 'nurture' renamed from 'Nurture' to 'Warm up'".
 *
 * @param stage  the stage it concerns; null for the journey's enrollment settings and ends
 * @param action the action it concerns, within {@code stage}; else null
 * @param end    the end it concerns; else null
 * @param from   the value before, when a value changed (names, property values, positions, settings)
 * @param to     the value after
 */
public record JourneyChange(Kind kind, String stage, String action, String end, String from, String to) {

    public enum Kind {
        NAME_CHANGED,
        /** Enrollment settings: the property, the eligibility lists, enrolling empty values, unenrollment. */
        PROPERTY_CHANGED,
        ELIGIBILITY_LISTS_CHANGED,
        ENROLL_EMPTY_CHANGED,
        UNENROLLMENT_CHANGED,
        STAGE_ADDED,
        STAGE_REMOVED,
        STAGE_RENAMED,
        /** The stage maps to another value of the property. */
        STAGE_REMAPPED,
        /** The stage's place among the stages that stayed changed. */
        STAGE_MOVED,
        ACTION_ADDED,
        ACTION_REMOVED,
        ACTION_CHANGED,
        /** Actions that stayed run in another order. */
        ACTIONS_REORDERED,
        END_ADDED,
        END_REMOVED,
        END_CHANGED
    }

    static JourneyChange setting(Kind kind, String from, String to) {
        return new JourneyChange(kind, null, null, null, from, to);
    }

    static JourneyChange ofStage(Kind kind, String stage, String from, String to) {
        return new JourneyChange(kind, stage, null, null, from, to);
    }

    static JourneyChange ofAction(Kind kind, String stage, String action) {
        return new JourneyChange(kind, stage, action, null, null, null);
    }

    static JourneyChange ofEnd(Kind kind, String end) {
        return new JourneyChange(kind, null, null, end, null, null);
    }
}
