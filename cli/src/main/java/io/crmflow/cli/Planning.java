package io.crmflow.cli;

import io.crmflow.cli.check.Finding;
import io.crmflow.cli.check.FolderCheck;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.plan.Change;
import io.crmflow.cli.plan.Plan;
import io.crmflow.cli.remote.ApiClient;
import io.crmflow.cli.remote.ApiException;
import io.crmflow.cli.remote.Target;
import io.crmflow.cli.remote.TargetReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder compared with a target: the folder read, the target read, the folder checked against
 * it (nothing is planned while a file is wrong), and what applying would change. Shared by diff
 * and apply, so apply does exactly what diff showed.
 */
final class Planning {
    private Planning() {
    }

    /**
     * The plan, or nothing when the target could not be read or the folder is wrong (either said:
     * the failure, or the folder's findings).
     */
    static Optional<Plan> plan(Console console, ApiClient api, Path folder, boolean publishAll) {
        FolderRun run = FolderRun.read(console, folder);
        Target target;
        try {
            target = new TargetReader(api).read(run.pipelineTypes());
        } catch (ApiClient.UnreachableException | ApiException e) {
            targetFailure(console, e);
            return Optional.empty();
        }
        FolderCheck.Result checked = run.check(Optional.of(target), publishAll);
        return checked.hasErrors() ? Optional.empty() : Optional.of(Plan.of(checked.definitions(), target.definitions()));
    }

    static void print(Console console, Plan plan) {
        for (Change change : plan.changes()) {
            console.out().println(line(change));
        }
        console.out().println(plan.count(Change.Create.class) + " to create, " + plan.count(Change.Update.class)
                + " to update, " + plan.count(Change.Unchanged.class) + " unchanged, "
                + plan.count(Change.OnlyOnTarget.class) + " only on the target");
    }

    private static String line(Change change) {
        if (change instanceof Change.Create create) {
            return "+ create " + create.key() + from(create.wanted());
        }
        if (change instanceof Change.Update update) {
            return "~ update " + update.key() + from(update.wanted()) + ": " + String.join(", ", update.pointers());
        }
        if (change instanceof Change.Unchanged unchanged) {
            return "= unchanged " + unchanged.key() + from(unchanged.wanted());
        }
        return "- only on target: " + change.key();
    }

    static String from(Definition d) {
        return d.source() == null ? "" : " (" + d.source().name() + ")";
    }

    /**
     * A refusal of the API, with the file it came from: each problem the API pointed at is shown
     * at its line in the file, since the file's fields are the body's.
     */
    static void printRefusal(Console console, Definition d, ApiException e) {
        console.err().println(d.origin() + ": the target refused " + d.key() + ": " + e.getMessage());
        if (d.source() == null) {
            return;
        }
        for (ApiException.Error error : e.errors()) {
            String pointer = FileForm.filePointer(d.kind(), error.pointer().equals("/") ? "" : error.pointer());
            console.err().println(Finding.at(d.source(), pointer, Finding.Severity.ERROR, error.detail()));
        }
    }

    /** A target that could not be read or reached, said plainly. */
    static int targetFailure(Console console, RuntimeException e) {
        if (e instanceof ApiClient.UnreachableException) {
            console.err().println(e.getMessage() + "; is the deployment running? (--endpoint, env CRMFLOW_ENDPOINT)");
        } else if (e instanceof ApiException refused && (refused.status() == 401 || refused.status() == 403)) {
            console.err().println("the target refused the credentials: " + e.getMessage()
                    + "; give a token with --token (env CRMFLOW_TOKEN)");
        } else {
            console.err().println("the target could not be read: " + e.getMessage());
        }
        return ExitCodes.ERROR;
    }
}
