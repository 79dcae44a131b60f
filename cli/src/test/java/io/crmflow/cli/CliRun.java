package io.crmflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code crmflow} command run in-process, as a shell would run it, its output kept. */
public record CliRun(int exitCode, String out, String err) {
    /** The tests' "now": a delay until a date is judged against it. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    public static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crmflow.run(new Console(new PrintWriter(out, true), new PrintWriter(err, true), env, CLOCK), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return of(Map.of(), args);
    }

    public List<String> outLines() {
        return Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
