package io.crmflow.cli.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The definition files anywhere under a folder: every {@code .yaml}, {@code .yml} and
 * {@code .json} outside hidden folders, in path order so that every run reports in the same order. Each is read, or
 * refused with what broke its syntax and where.
 */
public final class SourceFolder {
    private final LocatedTreeReader reader = new LocatedTreeReader();

    /** A file read, or the syntax error that kept it from being read. */
    public sealed interface Read permits Parsed, Broken {
        String name();
    }

    public record Parsed(SourceFile file) implements Read {
        @Override
        public String name() {
            return file.name();
        }
    }

    public record Broken(String name, Position position, String message) implements Read {
    }

    /** @throws IllegalArgumentException when {@code folder} is not a folder */
    public List<Read> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        List<Read> reads = new ArrayList<>();
        for (Path file : definitionFiles(folder)) {
            String name = file.toString(); // under the folder as the person named it
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                reads.add(new Parsed(reader.read(name, text, !name.toLowerCase(Locale.ROOT).endsWith(".json"))));
            } catch (LocatedTreeReader.SyntaxException e) {
                reads.add(new Broken(name, e.position(), e.getMessage()));
            } catch (IOException e) {
                reads.add(new Broken(name, Position.START, "cannot be read: " + e.getMessage()));
            }
        }
        return reads;
    }

    private static List<Path> definitionFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> isDefinitionFile(folder.relativize(file))).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A YAML or JSON file outside hidden folders: an editor's settings ({@code .vscode/settings.json})
     * or a CI's ({@code .github/…}) beside the definitions are not definitions.
     */
    static boolean isDefinitionFile(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
