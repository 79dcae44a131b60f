package io.crmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("crmflow simulate: a workflow backtested over past events from files, sending nothing")
class SimulateCommandTest {
    /** A definitions-as-code file: Ada waits two days for her offer, Bob is thanked at once. */
    private static final String WORKFLOW = """
            kind: workflow
            id: onboarding
            name: Onboarding
            objectType: contact
            trigger:
              criteria:
                groups:
                  - conditions:
                      - {type: property, property: lifecyclestage, operator: eq, values: [customer]}
            firstActionId: route
            actions:
              - type: branch
                id: route
                next: thanks
                paths:
                  - name: marketable
                    next: wait
                    criteria:
                      groups:
                        - conditions:
                            - {type: property, property: hs_marketable_status, operator: eq, values: ["true"]}
              - {type: delay, id: wait, duration: P2D, next: offer}
              - {type: send_email, id: offer, kind: marketing, subject: "An offer for {{firstname}}", body: Ten percent off.}
              - {type: send_email, id: thanks, kind: transactional, subject: "Thanks, {{firstname}}", body: Glad to have you.}
            """;

    private static final String EVENTS = """
            {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"email": "ada@example.com", "firstname": "Ada", "lifecyclestage": "customer", "hs_marketable_status": "true"}}
            {"at": "2026-03-02T10:00:00Z", "kind": "create", "objectType": "contact", "id": "c-2", "properties": {"email": "bob@example.com", "firstname": "Bob", "lifecyclestage": "customer"}}
            {"at": "2026-03-02T11:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-2"}}
            """;

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private String[] simulate(String... more) throws IOException {
        write("setup.json", "{\"lists\": [{\"id\": \"newsletter\", \"name\": \"Newsletter\", \"objectType\": \"contact\","
                + " \"kind\": \"static\"}]}");
        write("onboarding.yaml", WORKFLOW);
        write("events.jsonl", EVENTS);
        String[] base = {"simulate", "--setup", folder.resolve("setup.json").toString(), "--workflow",
                folder.resolve("onboarding.yaml").toString(), "--events", folder.resolve("events.jsonl").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void simulate_printsTheReport_whoEnrolledWhatWouldGoOutAndWhen() throws IOException {
        CliRun run = CliRun.of(simulate("--timeline", "c-2"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Workflow 'Onboarding' (onboarding) over 3 events",
                "2026-03-02T10:00:00Z  contact/c-2  thanks  \"Thanks, Bob\" to bob@example.com",
                "2026-03-04T09:00:00Z  contact/c-1  offer  \"An offer for Ada\" to ada@example.com",
                "contact/c-1  2026-03-02T09:00:00Z  COMPLETED  route→marketable → wait → offer",
                "Timeline of contact/c-2");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void simulate_withJson_printsTheReportAsJson() throws IOException {
        CliRun run = CliRun.of(simulate("--json", "--horizon", "P3D"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var report = Json.tree(run.out());
        assertThat(report.at("/counts/enrolled").asLong()).isEqualTo(2);
        assertThat(report.at("/until").asText()).isEqualTo("2026-03-05T11:00:00Z");
        assertThat(report.get("emails")).hasSize(2);
    }

    @Test
    void simulate_againstTheLiveVersion_printsWhatTheDraftWouldChange() throws IOException {
        write("live.yaml", WORKFLOW.replace("duration: P2D", "duration: P5D"));
        CliRun run = CliRun.of(simulate("--against", folder.resolve("live.yaml").toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Emails only after (1)",
                "2026-03-04T09:00:00Z  contact/c-1  offer  \"An offer for Ada\"", "Emails only before (1)",
                "2026-03-07T09:00:00Z  contact/c-1  offer  \"An offer for Ada\"");
    }

    @Test
    void simulate_ofABadEventsFile_printsEveryProblemWithItsLine_andExitsOne() throws IOException {
        String[] args = simulate();
        write("events.jsonl", EVENTS.replace("\"join\"", "\"joined\"").replace("\"firstname\": \"Bob\"",
                "\"firstname\": \"Bob\", \"shoe\": \"42\""));
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        String events = folder.resolve("events.jsonl").toString();
        assertThat(run.err().lines()).containsExactly(
                events + ":2: /properties/shoe: property 'shoe' does not exist on contact",
                events + ":3: /kind: 'joined' is not a kind of event: one of create, update, activity, join, leave,"
                        + " associate, enroll");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void simulate_ofAWorkflowTheApiWouldRefuse_namesItsFileAndPointer_andExitsOne() throws IOException {
        String[] args = simulate();
        write("onboarding.yaml", WORKFLOW.replace("next: offer", "next: nowhere"));
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(folder.resolve("onboarding.yaml") + ": /actions/1/next: ");
    }
}
