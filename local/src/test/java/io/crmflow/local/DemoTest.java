package io.crmflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.local.it.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code ./local/run.sh --demo} tells its whole story on a stack of its own, clock moved, nothing slept. */
class DemoTest {

    @Test
    void theDemo_welcomesACustomer_runsAStageWorkflow_andALeadAutomation() throws Exception {
        var clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
        var told = new ByteArrayOutputStream();
        try (LocalStack stack = SharedStack.startOwn(clock, Files.createTempDirectory("demo-mail"))) {
            new Demo(stack, clock, new PrintStream(told, true, StandardCharsets.UTF_8)).run();
        }

        assertThat(told.toString(StandardCharsets.UTF_8)).contains(
                "ada: COMPLETED", "Welcome aboard, Ada!",
                "dealstage changed to 'contract-sent' by user 'sam'", "Task created: \"Follow up on the contract",
                "Stage history: dealstage appointment → contract-sent by USER 'sam'",
                "by LEAD_AUTOMATION 'connected'");
    }
}
