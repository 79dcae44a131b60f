package io.crmflow.bench.coldstart;

import io.crmflow.local.FunctionSpec;
import io.crmflow.local.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** Each function of the template with the jar that deploys it: the built {@code *-lambda.jar} holding its handler. */
final class DeployableJars {
    record Deployable(String logicalId, String handlerClass, Path jar) {
        long bytes() {
            try {
                return Files.size(jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private DeployableJars() {
    }

    static List<Deployable> of(Path root) throws IOException {
        List<Path> jars;
        try (Stream<Path> found = Files.find(root.resolve("functions"), 3,
                (path, attributes) -> path.getFileName().toString().endsWith("-lambda.jar"))) {
            jars = found.sorted().toList();
        }
        List<Deployable> deployables = new ArrayList<>();
        for (FunctionSpec function : SamTemplate.load(root.resolve("template.yaml")).functions()) {
            String handlerClass = function.handler().split("::")[0];
            deployables.add(new Deployable(function.logicalId(), handlerClass, jarHolding(handlerClass, jars)));
        }
        return deployables;
    }

    private static Path jarHolding(String handlerClass, List<Path> jars) throws IOException {
        String entry = handlerClass.replace('.', '/') + ".class";
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(entry) != null) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no built *-lambda.jar under functions/ holds " + handlerClass
                + "; build them first (mvn -B package -DskipTests)");
    }

    /** The checkout's root: the nearest folder up from here that holds template.yaml. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
    }
}
