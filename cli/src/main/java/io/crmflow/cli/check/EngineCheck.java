package io.crmflow.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.Models;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.DefinitionChecks;
import io.crmflow.engine.JourneyValidator;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.StandardObjectTypes;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The second layer of checking: the engine's own checks, the ones the API makes before it saves a
 * definition, called directly on the definition's model, so a folder is refused exactly where the
 * API would refuse it. Each problem points into the body the API takes. Stateless.
 */
final class EngineCheck {
    private EngineCheck() {
    }

    /** @param publish for a journey, whether it is to be published, which wants every stage's value chosen */
    static List<InputProblem> problems(Definition d, boolean publish, References references) {
        JsonNode body = d.body();
        try {
            return switch (d.kind()) {
                case WORKFLOW -> {
                    WorkflowDefinition wf = Models.workflow(d.id(), body);
                    // The tenant's timezone is the target's; a date is judged in UTC, a few hours' difference at most.
                    yield DefinitionChecks.workflow(wf, references, references.webhooks(), references.people(),
                            references.stored(d.id()), references.pipelines(wf), references.now(), ZoneOffset.UTC);
                }
                case PIPELINE -> DefinitionChecks.pipeline(Models.pipeline(d.id(), body), references);
                case LIST -> DefinitionChecks.list(Models.list(d.id(), body), references);
                case JOURNEY -> JourneyValidator.validate(Models.journey(body),
                        StandardObjectTypes.byName(StandardObjectTypes.CONTACT).orElseThrow(), references::list,
                        references.people(), publish ? JourneyValidator.Purpose.PUBLISH : JourneyValidator.Purpose.DRAFT);
            };
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }
}
