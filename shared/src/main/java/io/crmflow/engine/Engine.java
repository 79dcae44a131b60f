package io.crmflow.engine;

import java.time.Clock;
import java.util.List;

/**
 * The engine's entry points over one set of ports: what a handler, the local stack or a test
 * builds once and calls. Immutable and thread-safe.
 *
 * @param clock the only source of "now" for handlers; tests pass a clock they move
 */
public record Engine(Ports ports, Clock clock, TriggerEngine trigger, StepEngine step, DueSweeper sweeper,
                     RecordService records, DefinitionService definitions, Backfills backfills,
                     Automations automations) {

    public static Engine create(Ports ports, Clock clock, EngineSettings settings) {
        StepEngine step = new StepEngine(ports, settings);
        DefinitionService definitions = new DefinitionService(ports, settings, clock);
        return new Engine(ports, clock, new TriggerEngine(ports, settings), step, new DueSweeper(ports, settings, step),
                new RecordService(ports, settings), definitions, new Backfills(ports, settings, definitions),
                new Automations(List.of(new TicketStatusFromEmails(ports, settings))));
    }
}
