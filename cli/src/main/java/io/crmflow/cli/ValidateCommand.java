package io.crmflow.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crmflow validate DIR}: every problem of every definition file, with where it is, without a deployment. */
@Command(name = "validate", description = {
    "Checks a folder of definitions without a deployment.",
    "Every file under DIR (YAML or JSON) is checked against the published JSON Schema and the engine's own rules;"
            + " every problem is printed as FILE:LINE:COLUMN: /json/pointer: what.",
    "A list, workflow, pipeline, user or team that no file defines is a warning: the target may have it.",
    "Exit codes: 0 no errors (warnings allowed), 1 errors."})
final class ValidateCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "DIR", description = "The folder of definition files.")
    Path folder;

    @Option(names = "--publish", description = "Check journeys as for publishing (every stage's value chosen),"
            + " also those whose file does not say publish: true.")
    boolean publish;

    ValidateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return FolderRun.read(console, folder).check(Optional.empty(), publish).hasErrors() ? ExitCodes.ERROR
                : ExitCodes.OK;
    }
}
