package io.crmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.check.FolderCheck;
import io.crmflow.cli.check.SchemaCheck;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.source.SourceFolder;
import io.crmflow.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder of test definitions — a pipeline with a stage's workflow, static and active lists, workflows
 * that name each other and lists, a journey to publish — applied to the local stack, compared with it
 * and exported from it through the HTTP API.
 */
@DisplayName("R-RUN-6 crmflow apply, diff and export against a deployment")
class ApplyExportRoundTripTest {
    private static final Path VALID = Path.of("src", "test", "resources", "folders", "valid");
    private static LocalTarget target;

    @BeforeAll
    static void start() {
        target = new LocalTarget();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void applyThenExport_roundTripsTheFolder_andASecondApplyChangesNothing(@TempDir Path exported) {
        Map<String, String> env = target.newTenant();

        CliRun before = CliRun.of(env, "diff", VALID.toString());
        CliRun apply = CliRun.of(env, "apply", VALID.toString());
        CliRun after = CliRun.of(env, "diff", VALID.toString());
        CliRun again = CliRun.of(env, "apply", VALID.toString());
        CliRun export = CliRun.of(env, "export", exported.toString());

        assertThat(before.exitCode()).as(before.toString()).isEqualTo(2);
        assertThat(before.outLines()).filteredOn(l -> l.startsWith("+ create")).hasSize(10);
        assertThat(before.outLines()).contains("10 to create, 0 to update, 0 unchanged, 0 only on the target");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.outLines()).containsSubsequence(
                "created pipeline deal/sales (" + VALID.resolve("pipelines/deal-sales.yaml") + ")",
                "created workflow stage:deal:sales:won (" + VALID.resolve("workflows/stage-won.yaml") + ")");
        assertThat(apply.outLines()).containsSubsequence(
                "created workflow welcome (" + VALID.resolve("workflows/welcome.yaml") + ")",
                "created workflow hand-over (" + VALID.resolve("workflows/hand-over.yaml") + ")");
        assertThat(apply.outLines()).contains("created, published journey nurture ("
                + VALID.resolve("journeys/nurture.yaml") + ")", "10 definitions changed, 0 unchanged");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.outLines()).filteredOn(l -> l.startsWith("= unchanged")).hasSize(10);
        assertThat(again.exitCode()).isZero();
        assertThat(again.outLines()).endsWith("nothing to change; 10 definitions already as the files say");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(exported.resolve("workflows/stage~deal~sales~won.yaml")).exists();
        assertThat(exported.resolve("pipelines/deal/sales.yaml")).exists();
        assertThat(exported.resolve("journeys/nurture.yaml")).content().startsWith("kind: journey\nid: nurture\npublish: true\n");
        assertThat(definitions(exported)).as("the same definitions, equal in meaning").isEqualTo(definitions(VALID));
        assertThat(CliRun.of(env, "diff", exported.toString()).exitCode()).as("the export, applied, changes nothing")
                .isZero();
    }

    @Test
    void diff_namesWhatChanged_andWhatOnlyTheTargetHas_changingNothing(@TempDir Path edited) throws Exception {
        Map<String, String> env = target.newTenant();
        assertThat(CliRun.of(env, "apply", VALID.toString()).exitCode()).isZero();
        LocalTarget.client(env).put("/lists/legacy", Json.tree("{\"name\": \"Legacy\", \"objectType\": \"company\","
                + " \"kind\": \"static\"}"));
        copy(VALID, edited);
        replace(edited.resolve("lists/vip.yaml"), "name: VIP", "name: Very important");
        replace(edited.resolve("workflows/welcome.yaml"), "duration: P2D", "duration: P3D");
        replace(edited.resolve("journeys/nurture.yaml"), "name: Nurture subscribers", "name: Nurture");

        CliRun diff = CliRun.of(env, "diff", edited.toString());
        CliRun again = CliRun.of(env, "diff", edited.toString());

        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(2);
        assertThat(diff.outLines()).contains(
                "~ update list vip (" + edited.resolve("lists/vip.yaml") + "): /name",
                "~ update workflow welcome (" + edited.resolve("workflows/welcome.yaml") + "): /actions/1/duration",
                "~ update journey nurture (" + edited.resolve("journeys/nurture.yaml") + "): /name, /publish",
                "- only on target: list legacy",
                "0 to create, 3 to update, 7 unchanged, 1 only on the target");
        assertThat(again.outLines()).as("a diff changes nothing").isEqualTo(diff.outLines());
    }

    @Test
    void aRefusalOfTheTarget_isShownWithTheFileItCameFrom_andStopsTheApply(@TempDir Path folder) throws Exception {
        Map<String, String> env = target.newTenant();
        env.remove("CRMFLOW_USER"); // a journey is owned by the user who creates it
        copy(VALID.resolve("lists"), folder.resolve("lists"));
        copy(VALID.resolve("journeys"), folder.resolve("journeys"));

        CliRun apply = CliRun.of(env, "apply", folder.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.outLines()).filteredOn(l -> l.startsWith("created list")).hasSize(5);
        assertThat(apply.err()).contains(folder.resolve("journeys/nurture.yaml") + ": the target refused journey nurture",
                folder.resolve("journeys/nurture.yaml") + ":1:1: /headers/x-crmflow-user: name the user creating the"
                        + " journey", "stopped: 5 changes made before it");
    }

    @Test
    void aFolderWithErrors_isNotApplied_andAnUnreachableTargetIsSaidPlainly() {
        Map<String, String> env = target.newTenant();

        CliRun broken = CliRun.of(env, "apply", Path.of("src", "test", "resources", "folders", "broken").toString());
        CliRun nowhere = CliRun.of(Map.of("CRMFLOW_ENDPOINT", "http://127.0.0.1:9"), "diff", VALID.toString());
        CliRun applyNowhere = CliRun.of(Map.of("CRMFLOW_ENDPOINT", "http://127.0.0.1:9"), "apply", VALID.toString());

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("nothing was applied");
        assertThat(LocalTarget.client(env).items("/workflows")).isEmpty();
        assertThat(nowhere.exitCode()).isEqualTo(1);
        assertThat(nowhere.err()).contains("cannot reach http://127.0.0.1:9/");
        assertThat(applyNowhere.exitCode()).isEqualTo(1);
        assertThat(applyNowhere.err()).contains("cannot reach http://127.0.0.1:9/", "nothing was applied");
    }

    @Test
    void export_writesEveryPipelineOfAType_pastTheFirstPageOfTheListing(@TempDir Path exported) throws Exception {
        Map<String, String> env = target.newTenant();
        int pipelines = 51; // one more than the API lists on a page when not asked for more
        for (int i = 0; i < pipelines; i++) {
            LocalTarget.client(env).put("/pipelines/deal/p" + i, Json.tree("{\"stages\": [{\"id\": \"open\","
                    + " \"label\": \"Open\", \"open\": true}]}"));
        }

        CliRun export = CliRun.of(env, "export", exported.toString());

        assertThat(export.exitCode()).as(export.toString()).isZero();
        try (var files = Files.list(exported.resolve("pipelines/deal"))) {
            assertThat(files).hasSize(pipelines);
        }
    }

    private static Map<DefinitionKey, Map.Entry<JsonNode, Boolean>> definitions(Path folder) {
        FolderCheck.Result read = new FolderCheck(new SchemaCheck(), CliRun.CLOCK)
                .check(new SourceFolder().read(folder), Optional.empty(), false);
        assertThat(read.hasErrors()).as(read.findings().toString()).isFalse();
        return read.definitions().stream().collect(Collectors.toMap(Definition::key,
                d -> Map.entry(d.body(), d.publish())));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
