package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/simulate.md's setup and events are what a run takes, so the page cannot drift from the code. */
class SimulateDocsTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDocumentedSetupAndEvents_areReadAndRun() throws IOException {
        List<String> blocks = jsonBlocks();
        SimulationSetup setup = SimulationSetup.read(blocks.get(0));
        List<InputEvent> events = Simulator.readEvents(setup, new BufferedReader(new StringReader(blocks.get(1))));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Create", "Membership", "ActivityLogged", "Update");
        SimulationReport report = Simulator.run(setup, Subject.workflow(SimulatorWorkflowTest.ONBOARDING), events,
                Simulator.Options.DEFAULTS);
        assertThat(report.enrolled()).extracting(e -> e.record().id()).containsExactly("c-1");
        assertThat(report.refused()).isEmpty();
    }

    private static List<String> jsonBlocks() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/simulate.md"))) {
            dir = dir.getParent();
        }
        Matcher m = JSON_BLOCK.matcher(Files.readString(dir.resolve("docs/simulate.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
