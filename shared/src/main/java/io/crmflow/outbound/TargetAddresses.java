package io.crmflow.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may not go to unless its tenant allows private targets: loopback,
 * link-local (where cloud metadata services answer), private and shared (CGNAT) ranges,
 * unspecified, broadcast and multicast — the addresses through which a request made on a
 * tenant's behalf would reach the network the engine runs in instead of the internet.
 *
 * <p>An IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) is judged by the IPv4
 * address, where a packet to it may end up. Stateless; thread-safe.
 */
public final class TargetAddresses {
    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final List<Range> REFUSED = List.of(
            Range.of("0.0.0.0", 8, "unspecified (\"this network\")"),
            Range.of("10.0.0.0", 8, "a private address"),
            Range.of("100.64.0.0", 10, "in the shared address space of carrier-grade NAT"),
            Range.of("127.0.0.0", 8, "a loopback address"),
            Range.of("169.254.0.0", 16, "a link-local address"),
            Range.of("172.16.0.0", 12, "a private address"),
            Range.of("192.168.0.0", 16, "a private address"),
            Range.of("224.0.0.0", 4, "a multicast address"),
            Range.of("255.255.255.255", 32, "the broadcast address"),
            Range.of("::", 128, "unspecified"),
            Range.of("::1", 128, "a loopback address"),
            Range.of("fc00::", 7, "a unique local (private) address"),
            Range.of("fe80::", 10, "a link-local address"),
            Range.of("ff00::", 8, "a multicast address"));

    private TargetAddresses() {
    }

    /**
     * @return why a webhook may not go to {@code address} ("10.0.0.7 is a private address
     *         (10.0.0.0/8)"), or empty when it is a public address
     */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = embeddedIpv4(address.getAddress());
        for (Range range : REFUSED) {
            if (range.contains(bytes)) {
                return Optional.of(address.getHostAddress() + " is " + range.name + " (" + range.cidr + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The address a host names by itself, without asking DNS: an IPv4 literal ({@code 10.0.0.7}),
     * an IPv6 literal in brackets ({@code [::1]}), or {@code localhost}. Empty for any other name.
     */
    public static Optional<InetAddress> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        try {
            if (h.equals("localhost") || h.endsWith(".localhost")) {
                return Optional.of(InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1}));
            }
            if ((h.startsWith("[") && h.endsWith("]")) || DOTTED_IPV4.matcher(h).matches()) {
                return Optional.of(InetAddress.getByName(h)); // a literal: parsed, never looked up
            }
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty(); // e.g. 999.1.1.1: not an address, so not a literal one
        }
        return Optional.empty();
    }

    private static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        boolean zeros = Arrays.equals(a, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeros && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        boolean unspecifiedOrLoopback = Arrays.equals(a, 10, 15, new byte[5], 0, 5) && (a[15] == 0 || a[15] == 1);
        boolean compatible = zeros && a[10] == 0 && a[11] == 0 && !unspecifiedOrLoopback; // :: and ::1 are IPv6's own
        boolean nat64 = Arrays.equals(a, 0, 12, NAT64_PREFIX, 0, 12);
        return mapped || compatible || nat64 ? Arrays.copyOfRange(a, 12, 16) : a;
    }

    private record Range(byte[] prefix, int bits, String name, String cidr) {
        static Range of(String address, int bits, String name) {
            try {
                return new Range(InetAddress.getByName(address).getAddress(), bits, name, address + "/" + bits);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("not an address literal: " + address, e);
            }
        }

        boolean contains(byte[] a) {
            if (a.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(a, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (a[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
