package io.crmflow.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What a command reads from and writes to, given rather than taken from the process so that tests
 * run the commands in-process: where findings and reports go ({@code out}), where failures go
 * ({@code err}), the environment that supplies defaults, and the time.
 */
public record Console(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    public Console {
        env = Map.copyOf(env);
    }
}
