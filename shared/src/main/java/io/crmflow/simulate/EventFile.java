package io.crmflow.simulate;

import io.crmflow.engine.TenantSchemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation's events: JSON Lines, one event per line, in time order (docs/simulate.md). Blank
 * lines are skipped. The whole file is read before anything runs, and refused with every problem
 * of every line at once — so a run never stops halfway on a typo.
 */
public final class EventFile {
    private EventFile() {
    }

    /**
     * @param schemas the tenant's object types and lists, which the lines must name
     * @throws EventFileException with every problem found, each naming its line and field
     */
    public static List<InputEvent> read(BufferedReader reader, TenantSchemas schemas) {
        EventLines lines = new EventLines(schemas);
        List<InputEvent> events = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        Instant latest = null;
        long latestLine = 0;
        long number = 0;
        try {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                EventLines.Read read = lines.read(number, text, problems);
                if (read.at() == null) {
                    continue;
                }
                if (latest != null && read.at().isBefore(latest)) {
                    problems.add(new LineProblem(number, "/at", read.at() + " comes before " + latest + " of line "
                            + latestLine + ": the lines must be in time order"));
                    continue;
                }
                latest = read.at();
                latestLine = number;
                if (read.event() != null) {
                    events.add(read.event());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the events file, after line " + number, e);
        }
        if (!problems.isEmpty()) {
            throw new EventFileException(problems);
        }
        return events;
    }
}
