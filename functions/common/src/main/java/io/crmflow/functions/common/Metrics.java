package io.crmflow.functions.common;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Counts events as CloudWatch Embedded Metric Format lines on standard output, which Lambda
 * ships to CloudWatch Logs and CloudWatch turns into metrics, with no API call on the hot path.
 * Thread-safe (one println per metric).
 */
public final class Metrics {
    public static final String NAMESPACE = "crmflow";
    private final String function;
    private final PrintStream out;
    private final Clock clock;

    public Metrics(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    public void count(String metric, int value) {
        if (value == 0) {
            return;
        }
        out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[\"function\"]],\"Metrics\":[{\"Name\":\"" + metric
                + "\",\"Unit\":\"Count\"}]}]},\"function\":\"" + function + "\",\"" + metric + "\":" + value + "}");
    }
}
