package io.crmflow.cli;

import io.crmflow.cli.definition.Defaults;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.definition.YamlFiles;
import io.crmflow.cli.remote.ApiClient;
import io.crmflow.cli.remote.ApiException;
import io.crmflow.cli.remote.Target;
import io.crmflow.cli.remote.TargetReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code crmflow export DIR}: the target's definitions written as files, the reverse of apply. */
@Command(name = "export", description = {
    "Writes the target's definitions as files.",
    "Writes every workflow, pipeline, list and journey of the tenant under DIR, one YAML file each, named from its"
            + " kind and id (workflows/welcome.yaml, pipelines/deal/sales.yaml). Fields the definition leaves at"
            + " their default are left out; a journey whose draft is what is published says publish: true.",
    "Journeys' own workflows (journey:…) and the unchanged default lead pipeline are not written: nobody writes"
            + " them. A file already there for a definition is replaced; other files are left alone.",
    "Exit codes: 0 written, 1 errors."})
final class ExportCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "DIR", description = "The folder to write into; made if missing.")
    Path folder;

    @Mixin
    TargetOptions target;

    ExportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Target read;
        try {
            read = new TargetReader(target.client(console)).read(List.of());
        } catch (ApiClient.UnreachableException | ApiException e) {
            return Planning.targetFailure(console, e);
        }
        List<Definition> definitions = read.definitions().stream().sorted(Comparator.comparing(Definition::key)).toList();
        try {
            for (Definition d : definitions) {
                Path file = folder.resolve(FileForm.fileName(d.key()));
                Files.createDirectories(file.getParent());
                Files.writeString(file, YamlFiles.write(FileForm.file(d.key(), Defaults.prune(d.key(), d.body()),
                        d.publish())), StandardCharsets.UTF_8);
                console.out().println("wrote " + file);
            }
        } catch (IOException e) {
            console.err().println("cannot write under " + folder + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        console.out().println("exported " + FolderRun.count(definitions.size(), "definition") + " to " + folder);
        return ExitCodes.OK;
    }
}
