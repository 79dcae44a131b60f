package io.crmflow.definition;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What may advance a lead in the default lead pipeline (R-LEAD-3, R-LEAD-4): a user's outreach,
 * which the "attempting" automation takes, or the lead's engagement, which the "connected" one
 * takes. Each is read off a logged activity: its type, who did it, and its {@code outcome}
 * attribute.
 */
public enum LeadEvent {
    /** A user sent the lead an email ({@code email_sent}, actor USER). */
    EMAIL_SENT(Kind.OUTREACH),
    /** A user sent a LinkedIn message ({@code linkedin_message_sent}, actor USER). */
    LINKEDIN_MESSAGE_SENT(Kind.OUTREACH),
    /** A user logged a call, whatever its outcome ({@code call_logged}, actor USER). */
    CALL_LOGGED(Kind.OUTREACH),
    /** A user booked a meeting ({@code meeting_booked}, actor USER). */
    MEETING_BOOKED(Kind.OUTREACH),
    /** The contact replied to an email ({@code email_replied}, actor RECORD). */
    EMAIL_REPLIED(Kind.ENGAGEMENT),
    /** A meeting's outcome was set to completed ({@code meeting_outcome_set} with {@code outcome=completed}). */
    MEETING_COMPLETED(Kind.ENGAGEMENT),
    /** A user logged a call as connected ({@code call_logged} with {@code outcome=connected}, actor USER). */
    CALL_CONNECTED(Kind.ENGAGEMENT);

    /** The activity attribute read by the events that depend on how something ended. */
    public static final String OUTCOME = "outcome";

    public enum Kind {
        OUTREACH,
        ENGAGEMENT
    }

    private final Kind kind;

    LeadEvent(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Set<LeadEvent> ofKind(Kind kind) {
        Set<LeadEvent> all = EnumSet.noneOf(LeadEvent.class);
        for (LeadEvent e : values()) {
            if (e.kind == kind) {
                all.add(e);
            }
        }
        return all;
    }

    /**
     * The events an activity amounts to: a call logged as connected is both a call logged and a
     * connected call; an email a user replies with is an email sent; the contact's reply is engagement.
     */
    public static Set<LeadEvent> of(Activity activity) {
        boolean byUser = activity.actor().kind() == Activity.ActorKind.USER;
        String outcome = activity.attributes().getOrDefault(OUTCOME, "").trim();
        Set<LeadEvent> events = EnumSet.noneOf(LeadEvent.class);
        ActivityType type = activity.type();
        // A user's reply is an email the user sent: outreach, as the ticket rules also read it.
        if (byUser && (type == ActivityType.EMAIL_SENT || type == ActivityType.EMAIL_REPLIED)) {
            events.add(EMAIL_SENT);
        } else if (byUser && type == ActivityType.LINKEDIN_MESSAGE_SENT) {
            events.add(LINKEDIN_MESSAGE_SENT);
        } else if (byUser && type == ActivityType.MEETING_BOOKED) {
            events.add(MEETING_BOOKED);
        } else if (byUser && type == ActivityType.CALL_LOGGED) {
            events.add(CALL_LOGGED);
            if (outcome.equalsIgnoreCase("connected")) {
                events.add(CALL_CONNECTED);
            }
        } else if (!byUser && type == ActivityType.EMAIL_REPLIED) {
            events.add(EMAIL_REPLIED);
        } else if (type == ActivityType.MEETING_OUTCOME_SET && outcome.equalsIgnoreCase("completed")) {
            events.add(MEETING_COMPLETED);
        }
        return events;
    }
}
