package org.chargeflow.charger;

import org.chargeflow.platform.security.Secrets;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Hashes charger passwords (OCPP Security Profile 1 "authorization keys"); never stores them in clear.
 * A password an operator chose may be guessable, so it gets a slow hash (PBKDF2-HMAC-SHA256).
 * A password the system generated carries 192 random bits: nobody can guess it, so a salted SHA-256
 * is as safe and lets 10,000 chargers reconnect after an outage without minutes of hashing.
 * The stored form names its scheme: {@code pbkdf2$iterations$salt$hash} or {@code sha256$salt$hash}.
 */
@Component
public class ChargerPasswords {

    static final int GENERATED_BYTES = 24;
    private static final int PBKDF2_ITERATIONS = 210_000;
    private static final int KEY_BITS = 256;

    /** A new high-entropy password for a charger, shown to the operator once. */
    public String generate() {
        return Secrets.generate(GENERATED_BYTES);
    }

    public String hashChosen(String password) {
        String salt = Secrets.generate(16);
        return "pbkdf2$" + PBKDF2_ITERATIONS + "$" + salt + "$" + pbkdf2(password, salt, PBKDF2_ITERATIONS);
    }

    public String hashGenerated(String password) {
        String salt = Secrets.generate(16);
        return "sha256$" + salt + "$" + sha256(salt, password);
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        String expected;
        String actual;
        if (parts.length == 4 && parts[0].equals("pbkdf2")) {
            expected = parts[3];
            actual = pbkdf2(password, parts[2], Integer.parseInt(parts[1]));
        } else if (parts.length == 3 && parts[0].equals("sha256")) {
            expected = parts[2];
            actual = sha256(parts[1], password);
        } else {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pbkdf2(String password, String salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.US_ASCII), iterations, KEY_BITS);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().withoutPadding().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
