package io.crmflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The fixture template and names unique to one test run. */
final class Fixtures {

    private Fixtures() {
    }

    static SamTemplate template() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixture-template.yaml")) {
            return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A physical-name prefix no other run shares, so runs against one emulator do not collide. */
    static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
