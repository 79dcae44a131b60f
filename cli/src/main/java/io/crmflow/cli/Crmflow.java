package io.crmflow.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code crmflow} command: definitions as code. Workflows, pipelines, lists and journeys kept
 * as YAML or JSON files are validated offline, compared with a deployment, applied to it, and
 * exported from it (docs/definitions-as-code.md).
 */
@Command(name = "crmflow", mixinStandardHelpOptions = true, version = "crmflow 0.1.0",
        description = "Definitions as code for crmflow: validate, diff, apply and export workflows, pipelines, lists"
                + " and journeys kept as YAML or JSON files; simulate one over past events.")
public final class Crmflow implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(new Console(out, err, System.getenv(), Clock.systemUTC()), args));
    }

    /** Runs one command line; the exit code it ends with. */
    public static int run(Console console, String... args) {
        return commandLine(console).execute(args);
    }

    /** The command with its subcommands, for {@link #run} and for those that add a subcommand of their own. */
    public static CommandLine commandLine(Console console) {
        CommandLine line = new CommandLine(new Crmflow())
                .addSubcommand(new ValidateCommand(console))
                .addSubcommand(new DiffCommand(console))
                .addSubcommand(new ApplyCommand(console))
                .addSubcommand(new ExportCommand(console))
                .addSubcommand(new SimulateCommand(console));
        line.setOut(console.out()).setErr(console.err());
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof IllegalArgumentException) { // a folder that is not one, an endpoint that is no URL
                console.err().println(e.getMessage());
                return ExitCodes.ERROR;
            }
            throw e;
        });
        // A wrong command line is an error (1): 2 is diff's "changes to make", which scripts test for.
        line.setParameterExceptionHandler((e, args) -> {
            console.err().println(e.getMessage());
            e.getCommandLine().usage(console.err());
            return ExitCodes.ERROR;
        });
        return line;
    }

    /** Without a subcommand, says what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
