package io.crmflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    @Test
    void text_withWholeCharactersOnly_passes_escapedOrNot() {
        assertThatCode(() -> WellFormedText.require("{\"name\": \"Zoë ✓ 🚀\", \"escaped\": \"\\ud83d\\ude80\\u00e9\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void loneSurrogates_areRefusedAtEveryPlaceTheyStand_valuesAndFieldNames() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> WellFormedText.require(
                "{\"name\": \"\\ud800\", \"tags\": [\"ok\", \"x\\udfff\"], \"a/b\": {\"\\udbffz\": 1}, \"fine\": \"\\ud83d\\ude80\"}"));

        assertThat(refused.problems()).extracting(InputProblem::pointer)
                .containsExactly("/name", "/tags/1", "/a~1b/\udbffz");
        assertThat(refused.problems().get(0).message()).contains("half of a surrogate pair");
    }

    @Test
    void aHighSurrogateFollowedByAnotherHighOne_isRefused() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> WellFormedText.require("[\"\\ud83d\\ud83d\"]"));

        assertThat(refused.problems()).extracting(InputProblem::pointer).containsExactly("/0");
    }

    @Test
    void aRawLoneSurrogateInTheBody_isRefusedToo() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> WellFormedText.require("{\"name\": \"a\udc00\"}"));

        assertThat(refused.problems()).extracting(InputProblem::pointer).containsExactly("/name");
    }
}
