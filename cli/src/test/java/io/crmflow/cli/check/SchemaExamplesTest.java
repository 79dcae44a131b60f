package io.crmflow.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.cli.CliRun;
import io.crmflow.cli.source.LocatedTreeReader;
import io.crmflow.cli.source.SourceFile;
import io.crmflow.cli.source.SourceFolder;
import io.crmflow.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published schemas (docs/schemas) hold every definition the documentation shows, and refuse
 * broken ones where they are broken; the engine's checks, run offline, agree that the documented
 * ones are valid.
 */
@DisplayName("the JSON Schemas accept every documented definition and refuse broken ones where they break")
class SchemaExamplesTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private final SchemaCheck schema = new SchemaCheck();
    private final LocatedTreeReader reader = new LocatedTreeReader();

    @Test
    void everyWorkflowOfTheWorkflowsPage_asAFile_isValid() throws Exception {
        List<String> examples = blocks(DOCS.resolve("workflows.md"), JSON_BLOCK);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            files.add(asFile("workflow", "example-" + i, examples.get(i)));
        }
        assertValid(files);
    }

    @Test
    void theJourneyOfTheJourneysPage_asAFile_isValid() throws Exception {
        assertValid(List.of(asFile("journey", "nurture", blocks(DOCS.resolve("journeys.md"), JSON_BLOCK).get(0))));
    }

    @Test
    void everyFileTheDefinitionsAsCodePageShows_isValid() throws Exception {
        List<String> examples = blocks(DOCS.resolve("definitions-as-code.md"), YAML_BLOCK);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            files.add(reader.read("example-" + i + ".yaml", examples.get(i), true));
        }
        assertValid(files);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown action        | kind: workflow\\nid: w\\nobjectType: contact\\nactions: [{type: send_mail, id: a}] | /actions/0/type
            an unknown field         | kind: workflow\\nid: w\\nobjectType: contact\\nactions: [{type: go_to, id: a, next: a, colour: red}] | /actions/0/colour
            a duration in words      | kind: workflow\\nid: w\\nobjectType: contact\\nactions: [{type: delay, id: a, duration: 2 days}] | /actions/0/duration
            an event a wait cannot await | kind: workflow\\nid: w\\nobjectType: contact\\nactions: [{type: wait_for_event, id: a, timeout: P1D, event: {type: record_created}}] | /actions/0/event/type
            an unknown operator      | kind: workflow\\nid: w\\nobjectType: contact\\ntrigger: {criteria: {groups: [{conditions: [{type: property, property: email, operator: is}]}]}} | /trigger/criteria/groups/0/conditions/0/operator
            an active list without a filter | kind: list\\nid: l\\nobjectType: contact\\nlistKind: active | ''
            a stage without its open | kind: pipeline\\nid: p\\nobjectType: deal\\nstages: [{id: s, label: S}] | /stages/0
            a wait without a duration | kind: journey\\nid: j\\nname: J\\nproperty: lifecyclestage\\neligibilityLists: [l]\\nends: []\\nstages: [{id: s, name: S, actions: [{type: wait, id: w}]}] | /stages/0/actions/0
            an id with a space       | kind: list\\nid: my list\\nobjectType: contact\\nlistKind: static | /id
            an unknown kind          | kind: jurney\\nid: j | /kind
            """)
    void aBrokenDefinition_isRefusedWhereItBreaks(String what, String yaml, String pointer) throws Exception {
        SourceFile file = reader.read(what + ".yaml", yaml.replace("\\n", "\n"), true);

        assertThat(schema.check(file)).as(what).extracting(Finding::pointer).contains(pointer);
    }

    @Test
    void aPatternIsExplainedInWords_asTheSchemaSaysIt_andTheLineIsTheField() throws Exception {
        SourceFile file = reader.read("w.yaml", "kind: workflow\nid: w\nobjectType: contact\nwindow:\n  from: '9:00'\n"
                + "  until: '17:00'\n", true);

        assertThat(schema.check(file)).singleElement().hasToString(
                "w.yaml:5:3: /window/from: should be a time of day, HH:mm or HH:mm:ss");
    }

    private void assertValid(List<SourceFile> files) {
        List<SourceFolder.Read> reads = files.stream().<SourceFolder.Read>map(SourceFolder.Parsed::new).toList();
        FolderCheck.Result result = new FolderCheck(schema, CliRun.CLOCK).check(reads, Optional.empty(), false);
        assertThat(result.findings().stream().filter(Finding::isError).map(Finding::toString)).isEmpty();
        assertThat(result.definitions()).hasSameSizeAs(files);
    }

    private SourceFile asFile(String kind, String id, String json) throws Exception {
        ObjectNode file = Json.mapper().createObjectNode().put("kind", kind).put("id", id);
        file.setAll((ObjectNode) Json.tree(json));
        return reader.read(id + ".json", file.toString(), false);
    }

    private static List<String> blocks(Path doc, Pattern block) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = block.matcher(Files.readString(doc));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
