package io.crmflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JourneyDefinitionTest {
    private final JourneyDefinition nurture = JourneyExamples.nurture();

    @Test
    void indexOf_countsFromTheStartStage_andIsMinusOneForNoSuchStage() {
        String start = nurture.stages().get(0).id();
        String last = nurture.stages().get(nurture.stages().size() - 1).id();

        assertThat(nurture.indexOf(start)).isZero();
        assertThat(nurture.indexOf(last)).isEqualTo(nurture.stages().size() - 1);
        assertThat(nurture.indexOf("nowhere")).isEqualTo(-1);
        assertThat(nurture.indexOf(null)).isEqualTo(-1);
    }
}
