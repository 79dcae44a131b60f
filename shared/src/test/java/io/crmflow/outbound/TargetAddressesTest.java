package io.crmflow.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("R-WF-4 webhook targets: private, loopback, link-local and other internal addresses are refused")
class TargetAddressesTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | loopback address (127.0.0.0/8)",
            "127.255.255.254  | loopback address (127.0.0.0/8)",
            "169.254.169.254  | link-local address (169.254.0.0/16)",
            "10.0.0.1         | private address (10.0.0.0/8)",
            "10.255.255.255   | private address (10.0.0.0/8)",
            "172.16.0.1       | private address (172.16.0.0/12)",
            "172.31.255.255   | private address (172.16.0.0/12)",
            "192.168.1.1      | private address (192.168.0.0/16)",
            "0.0.0.0          | unspecified",
            "0.1.2.3          | unspecified",
            "100.64.0.1       | carrier-grade NAT (100.64.0.0/10)",
            "100.127.255.255  | carrier-grade NAT (100.64.0.0/10)",
            "224.0.0.1        | multicast address (224.0.0.0/4)",
            "239.255.255.250  | multicast address (224.0.0.0/4)",
            "255.255.255.255  | broadcast",
            "::1              | loopback address (::1/128)",
            "::               | unspecified (::/128)",
            "fe80::1          | link-local address (fe80::/10)",
            "febf::1          | link-local address (fe80::/10)",
            "fc00::1          | unique local (private) address (fc00::/7)",
            "fd12:3456::1     | unique local (private) address (fc00::/7)",
            "ff02::1          | multicast address (ff00::/8)",
            "::ffff:10.0.0.1  | private address (10.0.0.0/8)",
            "::ffff:127.0.0.1 | loopback address (127.0.0.0/8)",
            "::169.254.1.1    | link-local address (169.254.0.0/16)",
            "64:ff9b::a00:1   | private address (10.0.0.0/8)"})
    void refusal_internalAddresses_areRefusedNamingTheRange(String literal, String range) {
        assertThat(TargetAddresses.refusal(address(literal))).hasValueSatisfying(why -> assertThat(why).contains(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.255.255", "11.0.0.1", "192.169.0.1", "223.255.255.255", "2606:4700::6810:84e5", "2001:db8::1",
            "fec0::1", "64:ff9b::808:808"})
    void refusal_publicAddresses_areAllowed(String literal) {
        assertThat(TargetAddresses.refusal(address(literal))).isEmpty();
    }

    @Test
    void literal_readsAddressesAndLocalhostWithoutDns_andNothingElse() {
        assertThat(TargetAddresses.literal("10.0.0.7")).contains(address("10.0.0.7"));
        assertThat(TargetAddresses.literal("[fd00::1]")).contains(address("fd00::1"));
        assertThat(TargetAddresses.literal("localhost")).hasValueSatisfying(a -> assertThat(a.isLoopbackAddress()).isTrue());
        assertThat(TargetAddresses.literal("api.localhost")).isPresent();
        assertThat(TargetAddresses.literal("hooks.example.com")).isEmpty();
        assertThat(TargetAddresses.literal("999.1.1.1")).isEmpty();
    }
}
