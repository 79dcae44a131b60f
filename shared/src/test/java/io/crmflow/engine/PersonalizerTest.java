package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.CrmRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 send email: personalisation tokens")
class PersonalizerTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final CrmRecord ada = new CrmRecord("acme", "contact", "c1", Map.of("firstname", "Ada", "lastname", ""), 1, T, T);

    @Test
    void render_knownProperty_isReplaced() {
        assertThat(Personalizer.render("Hello {{firstname}}!", ada)).isEqualTo("Hello Ada!");
    }

    @Test
    void render_objectPrefixedToken_readsTheProperty() {
        assertThat(Personalizer.render("Hi {{ contact.firstname }}", ada)).isEqualTo("Hi Ada");
    }

    @Test
    void render_missingPropertyWithFallback_usesFallback() {
        assertThat(Personalizer.render("Dear {{lastname|customer}}", ada)).isEqualTo("Dear customer");
    }

    @Test
    void render_missingPropertyWithoutFallback_leavesNoRawToken() {
        assertThat(Personalizer.render("Hi {{jobtitle}}.", ada)).isEqualTo("Hi .");
    }

    @Test
    void render_valueWithDollarSign_isCopiedLiterally() {
        var rich = new CrmRecord("acme", "contact", "c1", Map.of("firstname", "$1 \\o/"), 1, T, T);
        assertThat(Personalizer.render("{{firstname}}", rich)).isEqualTo("$1 \\o/");
    }
}
