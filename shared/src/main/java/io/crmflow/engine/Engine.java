package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The engine's entry points over one set of ports: what a handler, the local stack or a test
 * builds once and calls. Immutable and thread-safe.
 *
 * @param clock the only source of "now" for handlers; tests pass a clock they move
 */
public record Engine(Ports ports, Clock clock, TriggerEngine trigger, StepEngine step, DueSweeper sweeper,
                     RecordService records, DefinitionService definitions, Backfills backfills,
                     Automations automations, JourneyService journeys, JourneyReports journeyReports) {

    public static Engine create(Ports ports, Clock clock, EngineSettings settings) {
        StepEngine step = new StepEngine(ports, settings);
        DefinitionService definitions = new DefinitionService(ports, settings, clock);
        Backfills backfills = new Backfills(ports, settings, definitions);
        return new Engine(ports, clock, new TriggerEngine(ports, settings), step, new DueSweeper(ports, settings, step),
                new RecordService(ports, settings), definitions, backfills,
                new Automations(automations(ports, settings)), new JourneyService(ports, clock, backfills),
                new JourneyReports(ports, clock));
    }

    /**
     * What a CRM event sets off, as the trigger handler runs it: enrollment, unenrollment, goals
     * and journey moves, then the templated automations on the record as that read it. The
     * handler, the simulation and the tests deliver events through this one path.
     */
    public void onEvent(CrmEvent event, Instant now) {
        onEvent(event, now, TriggerReads.eachEvent());
    }

    /** The same, for an event that came in a batch whose events share their trigger reads ({@link TriggerReads}). */
    public void onEvent(CrmEvent event, Instant now, TriggerReads reads) {
        TriggerEngine.Triggered triggered = trigger.onEvent(event, now, reads);
        automations.onEvent(event, triggered.viewAsRead(), reads, now);
    }

    /** Every templated automation, in the order they see each event. */
    private static List<EventAutomation> automations(Ports ports, EngineSettings settings) {
        List<EventAutomation> all = new java.util.ArrayList<>();
        all.add(new TicketStatusFromEmails(ports, settings));
        all.addAll(leadAutomations(ports, settings));
        return all;
    }

    /** The default lead pipeline's templated automations (R-LEAD-1..5). */
    private static List<EventAutomation> leadAutomations(Ports ports, EngineSettings settings) {
        NewLeads leads = new NewLeads(ports, settings);
        return List.of(new LeadCreation(ports, leads), new LeadFollowUp(ports, leads), new LeadProgression(ports, settings));
    }
}
