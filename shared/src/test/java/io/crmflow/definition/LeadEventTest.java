package io.crmflow.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadEventTest {
    private static Activity by(Activity.ActorKind actor, ActivityType type, Map<String, String> attributes) {
        return new Activity(type, new Activity.Actor(actor, "x"), attributes);
    }

    @Test
    void aUsersReply_isOutreach_theContactsReply_isEngagement() {
        assertThat(LeadEvent.of(by(Activity.ActorKind.USER, ActivityType.EMAIL_REPLIED, Map.of())))
                .containsExactly(LeadEvent.EMAIL_SENT);
        assertThat(LeadEvent.of(by(Activity.ActorKind.RECORD, ActivityType.EMAIL_REPLIED, Map.of())))
                .containsExactly(LeadEvent.EMAIL_REPLIED);
    }

    @Test
    void aCallLoggedAsConnected_isBothEvents_andAnEmailTheContactStarted_isNeither() {
        assertThat(LeadEvent.of(by(Activity.ActorKind.USER, ActivityType.CALL_LOGGED, Map.of("outcome", "Connected"))))
                .containsExactlyInAnyOrder(LeadEvent.CALL_LOGGED, LeadEvent.CALL_CONNECTED);
        assertThat(LeadEvent.of(by(Activity.ActorKind.RECORD, ActivityType.EMAIL_SENT, Map.of()))).isEmpty();
    }
}
