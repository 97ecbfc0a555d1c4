package org.chargeflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.context.TestComponent;

import java.util.UUID;

/** Camunda users for tests, each in one group and nothing else (not administrators). */
@TestComponent
public class TestUsers {

    private final IdentityService identityService;

    public TestUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public record Login(String id, String password) {
        public String basic() {
            return Http.basic(id, password);
        }
    }

    /** A new user with a unique id (tests share one database) and a random password, member of the group. */
    public Login inGroup(String prefix, String groupId) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = UUID.randomUUID().toString();
        User user = identityService.newUser(id);
        user.setFirstName(Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1));
        user.setLastName("Test");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, groupId);
        return new Login(id, password);
    }
}
