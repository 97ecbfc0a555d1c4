package org.chargeflow.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

/** High-entropy generated secrets (passwords shown once, never stored in clear). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A URL-safe random string carrying {@code bytes * 8} bits of entropy. */
    public static String generate(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
