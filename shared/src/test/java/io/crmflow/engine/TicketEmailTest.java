package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-PIPE-4 what an email logged on a ticket is to its status rules, and why one never counts")
class TicketEmailTest {
    private static TicketEmail of(ActivityType type, Activity.ActorKind actor, Map<String, String> attributes) {
        return TicketEmail.of(new Activity(type, new Activity.Actor(actor, "x"), attributes));
    }

    private static final Activity.ActorKind USER = Activity.ActorKind.USER;
    private static final Activity.ActorKind CUSTOMER = Activity.ActorKind.RECORD;

    @Test
    void countedEmails_carryTheirThread() {
        assertThat(of(ActivityType.EMAIL_SENT, USER, Map.of("sentFrom", "Ticket", "thread", " th-1 ")))
                .isEqualTo(new TicketEmail(TicketEmail.Kind.TO_CUSTOMER, "th-1", ""));
        assertThat(of(ActivityType.EMAIL_REPLIED, CUSTOMER, Map.of("thread", "th-2")))
                .isEqualTo(new TicketEmail(TicketEmail.Kind.CUSTOMER_REPLY, "th-2", ""));
    }

    @Test
    void eachExclusion_saysWhy() {
        assertThat(of(ActivityType.EMAIL_FORWARDED, USER, Map.of("sentFrom", "ticket")).why()).contains("forwarded");
        assertThat(of(ActivityType.EMAIL_REPLIED, CUSTOMER, Map.of("forwarded", "TRUE")).why()).contains("forwarded");
        assertThat(of(ActivityType.EMAIL_SENT, CUSTOMER, Map.of()).why()).contains("the contact started");
        assertThat(of(ActivityType.EMAIL_REPLIED, USER, Map.of("sentFrom", "personal_inbox")).why())
                .contains("personal inbox");
        assertThat(of(ActivityType.EMAIL_SENT, USER, Map.of("sentFrom", "contact_record")).why())
                .contains("contact's record");
        assertThat(of(ActivityType.EMAIL_SENT, USER, Map.of()).why()).contains("no sentFrom");
        assertThat(of(ActivityType.EMAIL_OPENED, CUSTOMER, Map.of()).why()).contains("not an email sent or received");
        assertThat(of(ActivityType.EMAIL_REPLIED, CUSTOMER, Map.of("thread", " ")).why()).contains("names no thread");
        assertThat(of(ActivityType.EMAIL_SENT, USER, Map.of("sentFrom", "contact_record")).kind())
                .isEqualTo(TicketEmail.Kind.NOT_COUNTED);
    }
}
