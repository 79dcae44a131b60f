package io.crmflow.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.definition.Canonical;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.definition.Kind;
import io.crmflow.cli.remote.Target;
import io.crmflow.cli.source.SourceFile;
import io.crmflow.cli.source.SourceFolder;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.StandardObjectTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a folder of definition files, every file and every problem at once: syntax, then the
 * JSON Schema, then the engine's own checks ({@link EngineCheck}), then what spans files (a
 * definition defined twice, two journeys on the same lists and property). Without a target,
 * what only the target could settle — a list, workflow, pipeline, user or team that no file
 * defines — is a warning; against a target, an error, since the target was asked.
 */
public final class FolderCheck {
    private final SchemaCheck schema;
    private final Clock clock;

    public FolderCheck(SchemaCheck schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * What was found, and the folder's definitions in canonical form (those that could be read).
     */
    public record Result(List<Finding> findings, List<Definition> definitions) {
        public Result {
            findings = findings.stream().sorted(Finding.ORDER).toList();
            definitions = List.copyOf(definitions);
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    /** @param publishAll whether every journey is to be published, whatever its file says */
    public Result check(List<SourceFolder.Read> reads, Optional<Target> target, boolean publishAll) {
        List<Finding> findings = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        Map<DefinitionKey, String> seen = new HashMap<>();
        for (SourceFolder.Read read : reads) {
            if (read instanceof SourceFolder.Broken broken) {
                findings.add(Finding.syntax(broken.name(), broken.position(), broken.message()));
            } else if (read instanceof SourceFolder.Parsed parsed) {
                definition(parsed.file(), publishAll, findings).ifPresent(d -> {
                    String first = seen.putIfAbsent(d.key(), d.origin());
                    if (first != null) {
                        findings.add(Finding.at(d.source(), "/" + FileForm.ID, Finding.Severity.ERROR,
                                d.key() + " is defined in " + first + " already"));
                    } else {
                        definitions.add(d);
                    }
                });
            }
        }
        References.Known known = Knowledge.of(definitions, target);
        for (Definition d : definitions) {
            findings.addAll(engineFindings(d, known, target.isPresent()));
        }
        findings.addAll(JourneyClaims.conflicts(definitions, target));
        return new Result(findings, definitions);
    }

    /** The file's definition in canonical form, or nothing when its structure or its model is refused. */
    private Optional<Definition> definition(SourceFile file, boolean publishAll, List<Finding> findings) {
        List<Finding> structure = schema.check(file);
        if (!structure.isEmpty()) {
            findings.addAll(structure); // the engine cannot make sense of what is not even shaped right
            return Optional.empty();
        }
        Kind kind = FileForm.kind(file.tree()).orElseThrow();
        DefinitionKey key = FileForm.key(kind, file.tree());
        try {
            JsonNode body = Canonical.of(key, FileForm.body(kind, file.tree()));
            return Optional.of(new Definition(key, body, publishAll || FileForm.publish(file.tree()), file));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> findings.add(finding(file, kind, p, Finding.Severity.ERROR)));
            return Optional.empty();
        }
    }

    private List<Finding> engineFindings(Definition d, References.Known known, boolean againstTarget) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> custom = customType(d.body());
        if (custom.isPresent()) {
            findings.add(Finding.at(d.source(), "/objectType", Finding.Severity.WARNING, "object type '" + custom.get()
                    + "' is not a standard one, so this definition is checked only by the target, when it is applied"));
            return findings;
        }
        Set<InputProblem> lenient = new LinkedHashSet<>(EngineCheck.problems(d, d.publish(), References.lenient(known)));
        Set<InputProblem> strict = new LinkedHashSet<>(EngineCheck.problems(d, d.publish(),
                References.strict(known, clock.instant())));
        lenient.forEach(p -> findings.add(finding(d.source(), d.kind(), p, Finding.Severity.ERROR)));
        strict.removeAll(lenient);
        for (InputProblem p : strict) {
            findings.add(againstTarget ? finding(d.source(), d.kind(), p, Finding.Severity.ERROR)
                    : finding(d.source(), d.kind(), new InputProblem(p.pointer(), p.message()
                            + " (unless the target has what this names)"), Finding.Severity.WARNING));
        }
        return findings;
    }

    private static Finding finding(SourceFile file, Kind kind, InputProblem p, Finding.Severity severity) {
        String pointer = p.pointer().equals("/") ? "" : p.pointer();
        return Finding.at(file, FileForm.filePointer(kind, pointer), severity, p.message());
    }

    /** The first object type the definition names (its own, a created record's, an action's "on") that is not standard. */
    private static Optional<String> customType(JsonNode node) {
        if (node.isObject()) {
            for (String field : List.of("objectType", "on")) {
                JsonNode type = node.get(field);
                if (type != null && type.isTextual() && !StandardObjectTypes.isStandard(type.asText())) {
                    return Optional.of(type.asText());
                }
            }
        }
        for (JsonNode child : node) {
            Optional<String> found = customType(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
