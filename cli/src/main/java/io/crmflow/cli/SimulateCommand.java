package io.crmflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.json.Json;
import io.crmflow.simulate.EventFileException;
import io.crmflow.simulate.InputEvent;
import io.crmflow.simulate.ReportText;
import io.crmflow.simulate.SimulationInputException;
import io.crmflow.simulate.SimulationSetup;
import io.crmflow.simulate.Simulator;
import io.crmflow.simulate.Subject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crmflow simulate}: a workflow or a journey backtested over past events, sending nothing (docs/simulate.md). */
@Command(name = "simulate", description = {
    "Backtests a workflow or a journey over a file of past events, sending nothing.",
    "The engine itself runs in memory with the clock moved through the events, and the report says who would have"
            + " enrolled, the way each took, what would have been sent and when, who met the goal, and a journey's"
            + " figures. With --against, both versions run over the same events and the difference is printed.",
    "A definition file is the API's body or a definitions-as-code file (YAML or JSON); the events are JSON Lines.",
    "Exit codes: 0 done, 1 the setup, a definition or the events are refused (every problem printed)."})
final class SimulateCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Console console;

    @ArgGroup(multiplicity = "1")
    Tested tested;

    static final class Tested {
        @Option(names = "--workflow", paramLabel = "FILE", description = "The workflow to run.")
        Path workflow;

        @Option(names = "--journey", paramLabel = "FILE", description = "The journey to run.")
        Path journey;
    }

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "The records and timestamped events, one JSON object a line, in time order.")
    Path events;

    @Option(names = "--setup", paramLabel = "FILE",
            description = "What the definition needs: timezone, object types, pipelines, lists, users, teams.")
    Path setup;

    @Option(names = "--against", paramLabel = "FILE",
            description = "Another version of the same workflow or journey, the live one say: prints what the first"
                    + " would change.")
    Path against;

    @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "P30D",
            description = "How long the clock runs on after the last event, so that waits finish (default ${DEFAULT-VALUE}).")
    Duration horizon;

    @Option(names = "--timeline", paramLabel = "ID", split = ",",
            description = "Records whose whole history the report shows.")
    List<String> timeline = List.of();

    @Option(names = "--json", description = "Prints the report or the difference as JSON.")
    boolean json;

    @Option(names = "--list", paramLabel = "N", defaultValue = "20",
            description = "How many of each list the text shows (default ${DEFAULT-VALUE}).")
    int listed;

    SimulateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path subjectFile = tested.workflow != null ? tested.workflow : tested.journey;
        try {
            SimulationSetup s = setup == null ? SimulationSetup.NONE : SimulationSetup.read(json(setup));
            List<InputEvent> read = readEvents(s);
            Instant start = read.isEmpty() ? Instant.EPOCH : read.get(0).at();
            Subject subject = checked(s, subjectFile, start);
            var options = new Simulator.Options(horizon, Set.copyOf(timeline));
            if (against == null) {
                var report = Simulator.run(s, subject, read, options);
                console.out().print(json ? Json.write(report) + "\n" : ReportText.of(report, listed));
            } else {
                var diff = Simulator.compare(s, checked(s, against, start), subject, read, options);
                console.out().print(json ? Json.write(diff) + "\n" : ReportText.of(diff, listed));
            }
            console.out().flush();
            return ExitCodes.OK;
        } catch (Refused refused) {
            return ExitCodes.ERROR;
        }
    }

    private List<InputEvent> readEvents(SimulationSetup s) {
        try (BufferedReader lines = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            return Simulator.readEvents(s, lines);
        } catch (EventFileException e) {
            e.problems().forEach(p -> console.err().println(events + ":" + p.line() + ": " + p.pointer() + ": "
                    + p.message()));
            throw new Refused();
        } catch (SimulationInputException e) {
            throw refused(setup, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + events + ": " + e.getMessage(), e);
        }
    }

    /** The subject in {@code file}, once the API would take it with the setup. */
    private Subject checked(SimulationSetup s, Path file, Instant start) {
        try {
            Subject subject = tested.workflow != null ? Subject.workflow(json(file)) : Subject.journey(json(file));
            Simulator.check(s, subject, start);
            return subject;
        } catch (SimulationInputException e) {
            throw refused(e.document().equals("setup") ? setup : file, e);
        }
    }

    private Refused refused(Path file, SimulationInputException e) {
        e.problems().forEach(p -> console.err().println(file + ": " + p.pointer() + ": " + p.message()));
        return new Refused();
    }

    /**
     * The file as the JSON the simulator reads: a definitions-as-code file (with its {@code kind})
     * becomes the API's body with its id; YAML becomes JSON.
     */
    private static String json(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (file.toString().endsWith(".json")) {
                return withoutFileForm(Json.tree(text));
            }
            return withoutFileForm(YAML.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String withoutFileForm(JsonNode tree) {
        var kind = tree == null ? java.util.Optional.<io.crmflow.cli.definition.Kind>empty() : FileForm.kind(tree);
        if (kind.isEmpty()) {
            return Json.write(tree);
        }
        ObjectNode body = FileForm.body(kind.get(), tree);
        if (tree.hasNonNull(FileForm.ID)) {
            body.set(FileForm.ID, tree.get(FileForm.ID));
        }
        body.remove(FileForm.PUBLISH);
        return body.toString();
    }

    /** The input was refused and every problem printed; nothing else to say. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }
}
