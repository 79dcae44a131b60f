package io.crmflow.cli.check;

import io.crmflow.cli.source.Pointers;
import io.crmflow.cli.source.Position;
import io.crmflow.cli.source.SourceFile;
import java.util.Comparator;

/**
 * One thing found wrong with a definition file: where (file, line and column, JSON pointer) and
 * what, in a sentence. A file whose syntax is broken has no tree, so its finding has no pointer. An error keeps the folder from being applied; a warning does not: it names
 * what the target must have for the definition to be accepted there. Immutable.
 */
public record Finding(String file, Position position, String pointer, Severity severity, String message) {
    /** A file that could not be read as YAML or JSON: where its syntax broke. */
    public static Finding syntax(String file, Position position, String message) {
        return new Finding(file, position, null, Severity.ERROR, message);
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(f -> f.position().line()).thenComparingInt(f -> f.position().column())
            .thenComparing(Finding::pointer, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    public enum Severity {
        ERROR,
        WARNING
    }

    /** A finding at a pointer of a file's tree, placed at the line it is on. */
    public static Finding at(SourceFile file, String pointer, Severity severity, String message) {
        return new Finding(file.name(), file.positionOf(pointer), pointer, severity, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code defs/welcome.yaml:12:7: /actions/2/next: there is no action 'x'}, warnings marked as such. */
    @Override
    public String toString() {
        return file + ":" + position + ": " + (pointer == null ? "" : Pointers.display(pointer) + ": ")
                + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
