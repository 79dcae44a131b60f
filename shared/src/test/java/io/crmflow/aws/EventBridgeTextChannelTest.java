package io.crmflow.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.JourneyNodes.TextKind;
import io.crmflow.json.Json;
import io.crmflow.outbound.OutgoingText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgeTextChannelTest {
    private static final OutgoingText TEXT = new OutgoingText("acme", TextKind.SMS, "+15550100", "Hi Ann", "step-1");

    /** Answers every PutEvents with the one result entry given, and keeps the requests. */
    private static final class Bus implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        final PutEventsResultEntry answer;

        Bus(PutEventsResultEntry answer) {
            this.answer = answer;
        }

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            requests.add(request);
            return PutEventsResponse.builder().entries(answer)
                    .failedEntryCount(answer.errorCode() == null ? 0 : 1).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void send_putsOneTextRequestedEventOnTheBus_andReturnsItsEventId() {
        Bus bus = new Bus(PutEventsResultEntry.builder().eventId("ev-1").build());

        String id = new EventBridgeTextChannel(bus, "crm-bus", "crmflow").send(TEXT);

        assertThat(id).isEqualTo("ev-1");
        assertThat(bus.requests).singleElement().satisfies(r -> assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.eventBusName()).isEqualTo("crm-bus");
            assertThat(e.source()).isEqualTo("crmflow");
            assertThat(e.detailType()).isEqualTo("text.requested");
            assertThat(Json.tree(e.detail()).get("channel").asText()).isEqualTo("sms");
            assertThat(Json.tree(e.detail()).get("idempotencyKey").asText()).isEqualTo("step-1");
        }));
    }

    @Test
    void send_whenTheBusRefusesTheEntry_failsSoTheStepIsRetried_ratherThanRecordingARefusal() {
        Bus bus = new Bus(PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("try again").build());

        assertThatThrownBy(() -> new EventBridgeTextChannel(bus, "crm-bus", "crmflow").send(TEXT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("InternalFailure");
    }
}
