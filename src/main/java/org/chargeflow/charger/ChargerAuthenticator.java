package org.chargeflow.charger;

import org.chargeflow.platform.security.Secrets;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a charger's id and password (OCPP Security Profile 1). A successful check is remembered as a
 * keyed digest tied to the stored hash, so a reconnecting charger costs one primary-key lookup, not a
 * slow hash; rotating the password (a new stored hash) invalidates what was remembered.
 */
@Component
public class ChargerAuthenticator {

    private final ChargerRepository chargers;
    private final ChargerPasswords passwords;
    private final byte[] key = Secrets.generate(32).getBytes(StandardCharsets.US_ASCII);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ChargerAuthenticator(ChargerRepository chargers, ChargerPasswords passwords) {
        this.chargers = chargers;
        this.passwords = passwords;
    }

    /** The charger's credentials when the password is right; empty for an unknown id or a wrong password. */
    public Optional<ChargerCredentials> authenticate(String chargerId, String password) {
        Optional<ChargerCredentials> charger = chargers.credentials(chargerId);
        if (charger.isEmpty()) {
            return Optional.empty();
        }
        String storedHash = charger.get().passwordHash();
        byte[] digest = digest(password);
        Verified remembered = verified.get(chargerId);
        if (remembered != null && remembered.storedHash().equals(storedHash)
                && MessageDigest.isEqual(remembered.digest(), digest)) {
            return charger;
        }
        if (!passwords.matches(password, storedHash)) {
            return Optional.empty();
        }
        verified.put(chargerId, new Verified(storedHash, digest));
        return charger;
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Verified(String storedHash, byte[] digest) {
    }
}
