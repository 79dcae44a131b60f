package io.crmflow.bench;

import java.lang.management.ManagementFactory;

/** The machine a run measured on, in one line: figures mean little without it. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(memory / 1e9) + " GB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
