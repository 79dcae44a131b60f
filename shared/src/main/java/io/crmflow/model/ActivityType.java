package io.crmflow.model;

import java.util.Locale;

/** The activities that arrive as events (R-OBJ-6). */
public enum ActivityType {
    EMAIL_SENT,
    EMAIL_REPLIED,
    EMAIL_OPENED,
    EMAIL_CLICKED,
    EMAIL_FORWARDED,
    LINKEDIN_MESSAGE_SENT,
    CALL_LOGGED,
    MEETING_BOOKED,
    MEETING_OUTCOME_SET,
    FORM_SUBMITTED,
    PAGE_VIEWED,
    CONVERSATION_STARTED;

    /** The wire name, e.g. {@code email_sent}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActivityType fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown activity type '" + name + "'; expected one of "
                    + java.util.Arrays.stream(values()).map(ActivityType::wireName).toList());
        }
    }
}
