package io.crmflow.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLoadsTest {

    @Test
    void theJvmsClassLog_isCountedByOrigin_andComparedWithAnother(@TempDir Path dir) throws Exception {
        Path function = dir.resolve("function.log");
        Files.writeString(function, """
                [0.010s][info][class,load] java.lang.Object source: shared objects file
                [0.250s][info][class,load] io.crmflow.engine.Engine source: file:/f.jar
                [0.251s][info][class,load] io.crmflow.engine.Ports source: file:/f.jar
                [0.300s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/f.jar
                [0.400s][info][class,load] software.amazon.awssdk.core.SdkBytes source: file:/f.jar
                [0.500s][info][class,load] org.slf4j.Logger source: file:/f.jar
                [0.004s][warning][cds] a line of another tag, not a class
                """);
        Path minimal = dir.resolve("minimal.log");
        Files.writeString(minimal, """
                [0.010s][info][class,load] java.lang.Object source: shared objects file
                [0.400s][info][class,load] software.amazon.awssdk.core.SdkBytes source: file:/m.jar
                [0.410s][info][class,load] software.amazon.awssdk.core.SdkField source: file:/m.jar
                """);

        ClassLoads loads = ClassLoads.read(function);

        assertThat(loads.total()).isEqualTo(6);
        assertThat(loads.byOrigin()).containsEntry("crmflow", 2).containsEntry("Jackson", 1)
                .containsEntry("AWS SDK", 1).containsEntry("JDK", 1).containsEntry("other", 1);
        assertThat(loads.beyond(ClassLoads.read(minimal)))
                .isEqualTo("crmflow +2, Jackson +1, AWS SDK -1, JDK +0, other +1");
    }
}
