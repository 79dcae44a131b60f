package io.crmflow.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocatedTreeReaderTest {
    private final LocatedTreeReader reader = new LocatedTreeReader();

    @Test
    void yaml_eachMemberAndElement_isPlacedAtItsLine_andAMissingOneAtItsParent() throws Exception {
        SourceFile file = reader.read("w.yaml", """
                kind: workflow
                id: welcome
                actions:
                  - type: delay
                    id: wait
                  - {type: go_to, id: back, next: wait}
                """, true);

        assertThat(file.positionOf("/id")).isEqualTo(new Position(2, 1));
        assertThat(file.positionOf("/actions/0")).isEqualTo(new Position(4, 5));
        assertThat(file.positionOf("/actions/0/id")).isEqualTo(new Position(5, 5));
        assertThat(file.positionOf("/actions/1/next")).isEqualTo(new Position(6, 29));
        assertThat(file.positionOf("/actions/0/duration")).as("left out: where its action is")
                .isEqualTo(new Position(4, 5));
        assertThat(file.tree().at("/actions/1/next").asText()).isEqualTo("wait");
    }

    @Test
    void json_membersArePlaced_keysWithSlashesAreEscaped_andDecimalsKeepTheirDigits() throws Exception {
        SourceFile file = reader.read("l.json", """
                {"kind": "list",
                 "properties": {"a/b": 1.50}}
                """, false);

        assertThat(file.positionOf("/properties/a~1b")).isEqualTo(new Position(2, 17));
        assertThat(file.tree().at("/properties/a~1b").toString()).isEqualTo("1.50");
    }

    @Test
    void brokenSyntax_saysWhatWasExpected_whereItBroke() {
        assertThatThrownBy(() -> reader.read("s.yaml", "kind: workflow\nactions:\n  - id: a\n   next: b\n", true))
                .isInstanceOfSatisfying(LocatedTreeReader.SyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(4, 4));
                    assertThat(e.getMessage()).contains("expected <block end>").contains("from line 3");
                });
        assertThatThrownBy(() -> reader.read("j.json", "{\"kind\": \"list\",,}", false))
                .isInstanceOfSatisfying(LocatedTreeReader.SyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new Position(1, 17)));
    }

    @Test
    void aFileHoldsOneDefinition_notNoneAndNotTwo() {
        assertThatThrownBy(() -> reader.read("e.yaml", "", true)).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("two.yaml", "kind: list\n---\nkind: list\n", true))
                .isInstanceOfSatisfying(LocatedTreeReader.SyntaxException.class,
                        e -> assertThat(e.position().line()).isEqualTo(3))
                .hasMessageContaining("more than one document");
    }
}
