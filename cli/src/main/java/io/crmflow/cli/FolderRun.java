package io.crmflow.cli;

import io.crmflow.cli.check.Finding;
import io.crmflow.cli.check.FolderCheck;
import io.crmflow.cli.check.SchemaCheck;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.definition.Kind;
import io.crmflow.cli.remote.Target;
import io.crmflow.cli.source.SourceFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A folder read and checked, its findings printed: the first step of validate, diff and apply. */
final class FolderRun {
    private final Console console;
    private final List<SourceFolder.Read> reads;

    private FolderRun(Console console, List<SourceFolder.Read> reads) {
        this.console = console;
        this.reads = reads;
    }

    /** @throws IllegalArgumentException when {@code folder} is not a folder */
    static FolderRun read(Console console, Path folder) {
        return new FolderRun(console, new SourceFolder().read(folder));
    }

    /** The object types the folder's pipelines are on, whose pipelines the target is asked for too. */
    Set<String> pipelineTypes() {
        Set<String> types = new TreeSet<>();
        for (SourceFolder.Read read : reads) {
            if (read instanceof SourceFolder.Parsed parsed
                    && FileForm.kind(parsed.file().tree()).filter(k -> k == Kind.PIPELINE).isPresent()
                    && parsed.file().tree().path("objectType").isTextual()) {
                types.add(parsed.file().tree().get("objectType").asText());
            }
        }
        return types;
    }

    /** Checks the folder, against the target when there is one, and prints every finding and a summary. */
    FolderCheck.Result check(Optional<Target> target, boolean publishAll) {
        FolderCheck.Result result = new FolderCheck(new SchemaCheck(), console.clock()).check(reads, target, publishAll);
        result.findings().forEach(f -> console.out().println(f));
        long errors = result.findings().stream().filter(Finding::isError).count();
        long warnings = result.findings().size() - errors;
        if (result.findings().isEmpty()) {
            console.out().println(count(reads.size(), "file") + ", no problems");
        } else {
            console.out().println(count(errors, "error") + ", " + count(warnings, "warning") + " in "
                    + count(reads.size(), "file"));
        }
        return result;
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
