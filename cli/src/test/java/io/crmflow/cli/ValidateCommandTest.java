package io.crmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("crmflow validate: every problem of every file, with where it is, without a deployment")
class ValidateCommandTest {
    private static final String BROKEN = Path.of("src", "test", "resources", "folders", "broken").toString();
    private static final String VALID = Path.of("src", "test", "resources", "folders", "valid").toString();

    @Test
    void threeBrokenDefinitions_eachIsPrintedWithItsFileLineAndPointer_andTheExitCodeIsOne() {
        CliRun run = CliRun.of("validate", BROKEN);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                BROKEN + "/rules.yaml:15:5: /actions/1/next: there is no action 'nowhere'",
                BROKEN + "/schema.yaml:7:5: /actions/1/type: does not have a value in the enumeration [\"set_property\","
                        + " \"copy_property\", \"clear_property\", \"create_task\", \"create_record\", \"send_email\","
                        + " \"notify\", \"delay\", \"delay_until_date\", \"delay_until_property\","
                        + " \"delay_until_day_and_time\", \"branch\", \"value_branch\", \"go_to\", \"add_to_list\","
                        + " \"remove_from_list\", \"wait_for_event\", \"enroll_in_workflow\", \"unenroll_from_workflows\","
                        + " \"webhook\"]",
                BROKEN + "/syntax.yaml:7:4: expected <block end>, but found '<block mapping start>' (while parsing a"
                        + " block collection from line 5)",
                "3 errors, 0 warnings in 3 files");
    }

    @Test
    void aValidFolder_exitsZero_andWhatOnlyTheTargetCanHave_isAWarning() {
        CliRun run = CliRun.of("validate", VALID);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(VALID + "/workflows/welcome.yaml:40:26: /actions/4/recipients/users/0:"
                + " warning: there is no user 'ana' (unless the target has what this names)",
                "0 errors, 1 warning in 10 files");
    }

    @Test
    void aListNoFileDefines_isAWarningOffline_andAListOfTheWrongKind_anError(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("lists.yaml"), "kind: list\nid: members\nobjectType: contact\nlistKind: active\n"
                + "filter: {groups: [{conditions: [{type: list, listId: elsewhere, member: true}]}]}\n");
        Files.writeString(folder.resolve("journey.yaml"), """
                kind: journey
                id: j
                name: J
                property: lifecyclestage
                eligibilityLists: [members]
                stages: [{id: s, name: S, value: lead, actions: [{type: wait, id: w, duration: P1D}]}]
                ends: [{id: e, name: E, kind: goal, value: customer, addToList: members}]
                """);

        CliRun run = CliRun.of("validate", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(folder + "/journey.yaml:7:54: /ends/0/addToList: list 'members' is"
                + " not a static list of contacts: an end adds contacts only to one",
                folder + "/lists.yaml:5:46: /filter/groups/0/conditions/0/listId: warning: list 'elsewhere' does not"
                + " exist; pick an existing list or create it first (unless the target has what this names)",
                "1 error, 1 warning in 2 files");
    }

    @Test
    void onlyYamlAndJsonFilesOutsideHiddenFolders_areDefinitions(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve(".vscode"));
        Files.writeString(folder.resolve(".vscode/settings.json"), "{\"yaml.schemas\": {}}");
        Files.writeString(folder.resolve("README.md"), "# Our definitions");
        Files.writeString(folder.resolve("vip.yml"), "kind: list\nid: vip\nobjectType: contact\nlistKind: static\n");

        CliRun run = CliRun.of("validate", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("1 file, no problems");
    }

    @Test
    void twoFilesDefiningOneDefinition_andAFolderThatIsNone_areErrors(@TempDir Path folder) throws Exception {
        String list = "kind: list\nid: vip\nobjectType: contact\nlistKind: static\n";
        Files.writeString(folder.resolve("a.yaml"), list);
        Files.writeString(folder.resolve("b.yaml"), list);

        CliRun twice = CliRun.of("validate", folder.toString());
        CliRun none = CliRun.of("validate", folder.resolve("missing").toString());

        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.outLines()).contains(folder + "/b.yaml:2:1: /id: list vip is defined in " + folder
                + "/a.yaml already");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("is not a folder");
    }
}
