package io.crmflow.functions.common;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends what the engine logs through {@code System.Logger} (java.util.logging, unless a process
 * chooses otherwise) to the function's {@link StructuredLog}, so those lines are JSON and
 * redacted like the handlers' own, instead of the JDK's two-line text on standard error. The
 * engine logs ids, but some of its lines carry an exception's text. Thread-safe.
 */
public final class EngineLogs extends Handler {
    private final StructuredLog log;
    private final Formatter messages = new SimpleFormatter();

    EngineLogs(StructuredLog log) {
        this.log = log;
        setLevel(Level.INFO);
    }

    /** Makes {@code log} the only destination of the process's java.util.logging: once per Lambda container. */
    public static void routeTo(StructuredLog log) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new EngineLogs(log));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        log.write(level(record.getLevel()), messages.formatMessage(record),
                LogIds.NONE.with("logger", record.getLoggerName()), record.getThrown());
    }

    private static String level(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        return level.intValue() >= Level.WARNING.intValue() ? "WARN" : "INFO";
    }

    @Override
    public void flush() {
        // Each line is printed whole as it comes.
    }

    @Override
    public void close() {
        // The stream is the function's standard output, which is not this handler's to close.
    }
}
