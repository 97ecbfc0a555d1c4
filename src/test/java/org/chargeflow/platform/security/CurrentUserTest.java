package org.chargeflow.platform.security;

import org.chargeflow.support.Api;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/me}: who is logged in, and whether our API lets them change anything. */
@IntegrationTest
class CurrentUserTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    TestUsers users;

    @Test
    void operatorsMayChangeAnalystsOnlyWatchStrangersAreRefused() {
        TestUsers.Login operator = users.inGroup("operator", Roles.OPERATORS);
        Api.Answer me = new Api(chargers.http(), operator.id(), operator.password()).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("id").asText()).isEqualTo(operator.id());
        assertThat(me.body().get("groups")).hasSize(1);
        assertThat(me.body().get("groups").get(0).asText()).isEqualTo(Roles.OPERATORS);
        assertThat(me.body().get("mayChange").asBoolean()).isTrue();

        TestUsers.Login analyst = users.inGroup("analyst", Roles.ANALYSTS);
        Api.Answer watcher = new Api(chargers.http(), analyst.id(), analyst.password()).get("/api/me");
        assertThat(watcher.body().get("groups").get(0).asText()).isEqualTo(Roles.ANALYSTS);
        assertThat(watcher.body().get("mayChange").asBoolean()).isFalse();

        assertThat(new Api(chargers.http(), analyst.id(), "wrong-password").get("/api/me").status()).isEqualTo(401);
    }
}
