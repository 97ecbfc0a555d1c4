package org.chargeflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user's password against Camunda's identity service, the same users as the web apps.
 * Successful checks are remembered briefly (as a keyed digest, never the password) so that a script
 * calling the API in a loop does not pay a database round trip and a password hash per request.
 */
@Component
public class CamundaUserAuthenticator {

    private static final Duration REMEMBER_FOR = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 10_000;

    private final IdentityService identityService;
    private final Clock clock;
    private final byte[] key = Secrets.generate(32).getBytes(StandardCharsets.US_ASCII);
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public CamundaUserAuthenticator(IdentityService identityService, Clock clock) {
        this.identityService = identityService;
        this.clock = clock;
    }

    public Optional<AuthenticatedUser> authenticate(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(userId, password);
        Instant now = clock.instant();
        Remembered hit = remembered.get(userId);
        if (hit != null && hit.until().isAfter(now) && MessageDigest.isEqual(hit.digest(), digest)) {
            return Optional.of(hit.user());
        }
        if (!identityService.checkPassword(userId, password)) {
            remembered.remove(userId);
            return Optional.empty();
        }
        AuthenticatedUser user = load(userId);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(userId, new Remembered(user, digest, now.plus(REMEMBER_FOR)));
        return Optional.of(user);
    }

    /** A user already authenticated elsewhere (a Camunda web app session). */
    public AuthenticatedUser load(String userId) {
        return new AuthenticatedUser(userId, identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
    }

    /** Forget cached checks, e.g. after a password change. */
    public void forget(String userId) {
        remembered.remove(userId);
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(AuthenticatedUser user, byte[] digest, Instant until) {
    }
}
