package io.crmflow.simulate;

import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.RecordRef;
import io.crmflow.outbound.WebhookPayload;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * What would have gone out, each with the record and the action that sent it: an email's or a
 * text's history line names the id the recorder gave it; a webhook's payload names its step.
 */
final class SentByRecords {
    private record Sender(RecordRef record, String actionId) {
    }

    private final OutgoingRecorder outgoing;
    private final Map<String, Sender> byId = new HashMap<>();
    private final UnaryOperator<String> reportedAction;

    /** @param reportedAction the action a history line names, as the report shows it */
    SentByRecords(OutgoingRecorder outgoing, List<EnrollmentLog> logs, UnaryOperator<String> reportedAction) {
        this.outgoing = outgoing;
        this.reportedAction = reportedAction;
        for (EnrollmentLog log : logs) {
            for (HistoryEntry line : log.lines()) {
                if (line.detail() == null) {
                    continue;
                }
                Matcher ids = OutgoingRecorder.IDS.matcher(line.detail());
                while (ids.find()) {
                    byId.put(ids.group(), new Sender(log.enrollment().record(), reportedAction.apply(line.actionId())));
                }
            }
        }
    }

    List<SimulationReport.Email> emails() {
        return outgoing.emails().stream().map(sent -> {
            Sender by = byId.getOrDefault(sent.id(), new Sender(null, null));
            return new SimulationReport.Email(sent.at(), sent.email().recipients(), sent.email().subject(), by.record(),
                    by.actionId());
        }).toList();
    }

    List<SimulationReport.Text> texts() {
        return outgoing.texts().stream().map(sent -> {
            Sender by = byId.getOrDefault(sent.id(), new Sender(null, null));
            return new SimulationReport.Text(sent.at(), sent.text().channel().name().toLowerCase(Locale.ROOT),
                    sent.text().to(), sent.text().body(), by.record(), by.actionId());
        }).toList();
    }

    List<SimulationReport.Webhook> webhooks() {
        return outgoing.posts().stream().map(post -> {
            WebhookPayload payload = post.post().payload();
            return new SimulationReport.Webhook(post.at(), post.post().url(),
                    new RecordRef(payload.record().objectType(), payload.record().id()),
                    reportedAction.apply(payload.step().actionId()));
        }).toList();
    }
}
