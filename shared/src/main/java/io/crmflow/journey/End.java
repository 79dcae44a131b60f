package io.crmflow.journey;

/**
 * One end of a journey (R-JRN-6): a contact whose journey property takes {@code value} has
 * reached it. A journey has exactly one goal end and any number of unsuccessful ones.
 *
 * @param value     an option of the journey property; null while a draft leaves it to be chosen
 * @param addToList a static contact list the contact is added to on reaching this end; null for none
 */
public record End(String id, String name, Kind kind, String value, String addToList) {

    public enum Kind {
        /** The journey's success: at most one per journey. */
        GOAL,
        UNSUCCESSFUL
    }

    public boolean isGoal() {
        return kind == Kind.GOAL;
    }
}
