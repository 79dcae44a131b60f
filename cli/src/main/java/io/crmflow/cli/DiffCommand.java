package io.crmflow.cli;

import io.crmflow.cli.plan.Plan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crmflow diff DIR}: what applying the folder would change on the target, changing nothing. */
@Command(name = "diff", description = {
    "Shows what applying a folder would change on the target.",
    "The folder is checked against the target, then each definition is shown with what applying would do:",
    "  + create, ~ update (with the JSON pointers that change), = unchanged, - only on target (left alone).",
    "Definitions are compared by meaning: what the server adds (versions, timestamps) and defaults left out do"
            + " not count.",
    "Exit codes: 0 nothing to change, 2 changes to make, 1 errors."})
final class DiffCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "DIR", description = "The folder of definition files.")
    Path folder;

    @Option(names = "--publish", description = "Publish every journey, as apply --publish would.")
    boolean publish;

    @Mixin
    TargetOptions target;

    DiffCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Plan> plan = Planning.plan(console, target.client(console), folder, publish);
        if (plan.isEmpty()) {
            return ExitCodes.ERROR;
        }
        Planning.print(console, plan.get());
        return plan.get().changesTarget() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
