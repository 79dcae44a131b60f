package io.crmflow.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a webhook: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}
 * keyed with the tenant's signing secret. The time is inside what is signed, so a receiver that
 * refuses old timestamps also refuses a captured request replayed later. Stateless; thread-safe.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Crmflow-Signature";
    public static final String DELIVERY_HEADER = "X-Crmflow-Delivery";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,19}),v1=([0-9a-f]{64})");

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /**
     * What a receiver does: recomputes the signature and compares in constant time. (A receiver
     * should also refuse a {@code t} far from its own clock; that choice is its own.)
     *
     * @return whether {@code header} signs {@code body} with {@code secret}
     */
    public static boolean verify(String secret, String header, String body) {
        Matcher m = FORMAT.matcher(header == null ? "" : header);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = hmac(secret, m.group(1) + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
