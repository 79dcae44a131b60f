package io.crmflow.bench.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.bench.Figure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both engines at the small size: what they did, not how fast (the figures say that). */
class FlowableThroughputTest {
    private static final int CONTACTS = FlowableThroughput.Batches.of(io.crmflow.bench.Size.SMALL).measured();
    private final List<Contact> contacts = Contact.batch("contact", CONTACTS);

    @Test
    void crmflow_completesEveryEnrollment_titlingByBranch_oneTaskAndOneEmailEach() {
        Tally tally = new CrmflowContender().run(contacts).tally();

        assertThat(tally).isEqualTo(new Tally(CONTACTS, CONTACTS, CONTACTS, CONTACTS, CONTACTS, CONTACTS));
        assertThat(tally.problems(CONTACTS)).isEmpty();
    }

    @Test
    void flowable_completesEveryInstance_eachDelegateRunningOncePerContact_titlingByBranch() {
        Tally tally = new FlowableContender().run(contacts).tally();

        assertThat(tally).isEqualTo(new Tally(CONTACTS, CONTACTS, CONTACTS, CONTACTS, CONTACTS, CONTACTS));
    }

    @Test
    void batch_isHalfCustomers_andEveryContactEnrolls() {
        assertThat(contacts).allMatch(Contact::enrolls);
        assertThat(contacts.stream().filter(Contact::isCustomer)).hasSize(CONTACTS / 2);
        assertThat(contacts.stream().map(Contact::expectedJobTitle).distinct()).containsExactlyInAnyOrder("Customer",
                "Prospect");
    }

    @Test
    void checked_refusesARunThatLostWork_sayingWhat() {
        Contender lossy = new Contender() {
            @Override
            public String name() {
                return "lossy";
            }

            @Override
            public Run run(List<Contact> all) {
                int n = all.size();
                return new Run(n, new Took(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                        new Tally(n, n, n, n, n + 1, n - 2));
            }
        };

        assertThatThrownBy(() -> FlowableThroughput.checked(lossy, contacts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lossy")
                .hasMessageContaining("emails sent: " + (CONTACTS + 1))
                .hasMessageContaining("contacts emailed exactly once: " + (CONTACTS - 2));
    }

    @Test
    void figures_giveTheRatioAgainstItsTarget_andEachEnginesRateForContext() {
        Tally all = new Tally(10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        var outcome = new FlowableThroughput.Outcome(
                new Contender.Run(10_000, new Contender.Took(Duration.ofSeconds(2), Duration.ofSeconds(1)), all),
                new Contender.Run(10_000, new Contender.Took(Duration.ofSeconds(8), Duration.ofSeconds(6)), all));

        List<Figure> figures = FlowableThroughput.figures(outcome, new FlowableThroughput.Batches(1_000, 10_000));

        assertThat(figures).hasSize(4);
        assertThat(figures.get(0).value()).isEqualTo("4.0×");
        assertThat(figures.get(0).target()).isEqualTo("≥ 5×");
        assertThat(figures.get(0).verdict()).isEqualTo(Figure.Verdict.MISSED);
        assertThat(figures.get(1).value()).isEqualTo("5,000 /s (0.200 ms each, 0.100 ms of CPU; 10,000 in 2.00 s)");
        assertThat(figures.get(2).value()).isEqualTo("1,250 /s (0.800 ms each, 0.600 ms of CPU; 10,000 in 8.00 s)");
        assertThat(figures.get(3).value()).isEqualTo("6.0×");
    }
}
