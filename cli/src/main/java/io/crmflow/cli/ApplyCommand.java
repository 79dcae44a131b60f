package io.crmflow.cli;

import io.crmflow.cli.plan.Applier;
import io.crmflow.cli.plan.Change;
import io.crmflow.cli.plan.Plan;
import io.crmflow.cli.remote.ApiClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crmflow apply DIR}: makes the target hold what the folder says. */
@Command(name = "apply", description = {
    "Makes the target hold what a folder defines.",
    "The folder is checked against the target (nothing is applied while a file is wrong), then creates and updates"
            + " what differs, in dependency order: pipelines and lists, then workflows and journeys.",
    "Workflows are saved on or off as their files say; journeys are saved as drafts, and published when their"
            + " file says publish: true or with --publish. Unchanged definitions are not touched, so applying"
            + " twice changes nothing the second time; nothing is ever deleted.",
    "Exit codes: 0 applied (or nothing to do), 1 errors."})
final class ApplyCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "DIR", description = "The folder of definition files.")
    Path folder;

    @Option(names = "--publish", description = "Publish every journey, whatever its file says.")
    boolean publish;

    @Mixin
    TargetOptions target;

    ApplyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ApiClient api = target.client(console);
        Optional<Plan> plan = Planning.plan(console, api, folder, publish);
        if (plan.isEmpty()) {
            console.err().println("nothing was applied");
            return ExitCodes.ERROR;
        }
        return apply(api, plan.get());
    }

    private int apply(ApiClient api, Plan plan) {
        int[] made = {0};
        try {
            new Applier(api).apply(plan, done -> {
                made[0]++;
                console.out().println(String.join(", ", done.actions()) + " " + done.change().key()
                        + Planning.from(done.change().wanted()));
            });
        } catch (Applier.RefusedException e) {
            Planning.printRefusal(console, e.definition(), e.refusal());
            console.err().println("stopped: " + FolderRun.count(made[0], "change") + " made before it");
            return ExitCodes.ERROR;
        } catch (ApiClient.UnreachableException e) {
            console.err().println(e.getMessage() + "; stopped: " + FolderRun.count(made[0], "change") + " made before it");
            return ExitCodes.ERROR;
        }
        long unchanged = plan.count(Change.Unchanged.class);
        console.out().println(made[0] == 0 ? "nothing to change; " + FolderRun.count(unchanged, "definition")
                + " already as the files say" : FolderRun.count(made[0], "definition") + " changed, " + unchanged
                + " unchanged");
        return ExitCodes.OK;
    }
}
