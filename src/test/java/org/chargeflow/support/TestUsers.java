package org.chargeflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.context.TestComponent;

/** Camunda users in a given group, created once per test database. */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "test-User-Secret-4711";

    private final IdentityService identity;

    public TestUsers(IdentityService identity) {
        this.identity = identity;
    }

    /** A user who is a member of {@code groupId} (created if missing) and nothing else; password {@link #PASSWORD}. */
    public synchronized String memberOf(String groupId) {
        String userId = "test" + groupId.replaceAll("[^a-zA-Z0-9]", "");
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("Test");
            user.setLastName(groupId);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
        return userId;
    }
}
