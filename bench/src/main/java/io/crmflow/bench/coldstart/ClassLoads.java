package io.crmflow.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes one start-up loaded, counted by where they come from: the profile that says what
 * a function's start does beyond the minimal handler's. Read from the JVM's own class-loading
 * log ({@code -Xlog:class+load}), written by an extra, untimed start.
 *
 * @param byOrigin classes loaded, by origin
 */
record ClassLoads(Map<String, Integer> byOrigin) {
    /** Package prefixes by origin; the first that fits names a class's origin. */
    private static final List<Map.Entry<String, List<String>>> ORIGINS = List.of(
            Map.entry("crmflow", List.of("io.crmflow.")),
            Map.entry("Jackson", List.of("com.fasterxml.jackson.")),
            Map.entry("AWS SDK", List.of("software.amazon.awssdk.")),
            Map.entry("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")));
    private static final String OTHER = "other";
    private static final String CLASS_LOAD = "[class,load] ";

    ClassLoads {
        byOrigin = Map.copyOf(byOrigin);
    }

    static ClassLoads read(Path log) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            int tag = line.indexOf(CLASS_LOAD);
            if (tag < 0) {
                continue;
            }
            int name = tag + CLASS_LOAD.length();
            int end = line.indexOf(' ', name);
            counts.merge(origin(line.substring(name, end < 0 ? line.length() : end)), 1, Integer::sum);
        }
        return new ClassLoads(counts);
    }

    private static String origin(String className) {
        for (var origin : ORIGINS) {
            if (origin.getValue().stream().anyMatch(className::startsWith)) {
                return origin.getKey();
            }
        }
        return OTHER;
    }

    int total() {
        return byOrigin.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "crmflow +812, Jackson +410, …": what this start loaded beyond {@code base}'s, by origin. */
    String beyond(ClassLoads base) {
        StringBuilder text = new StringBuilder();
        for (String origin : origins()) {
            int more = byOrigin.getOrDefault(origin, 0) - base.byOrigin.getOrDefault(origin, 0);
            text.append(text.isEmpty() ? "" : ", ").append(origin).append(' ').append(more >= 0 ? "+" : "").append(more);
        }
        return text.toString();
    }

    private static List<String> origins() {
        List<String> all = new java.util.ArrayList<>(ORIGINS.stream().map(Map.Entry::getKey).toList());
        all.add(OTHER);
        return all;
    }
}
