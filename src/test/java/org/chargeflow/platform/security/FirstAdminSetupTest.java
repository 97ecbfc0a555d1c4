package org.chargeflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminSetupTest {

    private static final Pattern GENERATED = Pattern.compile(
            "created the administrator '([^']+)' with the generated password\\s+(\\S+)");

    @Autowired
    IdentityService identityService;
    @Autowired
    Grants grants;

    @AfterEach
    void restoreTheConfiguredAdmin() {
        identityService.createUserQuery().userIdIn("admin").list().forEach(u -> identityService.deleteUser(u.getId()));
        for (String group : new String[] {Groups.CAMUNDA_ADMIN, Roles.ADMINS}) {
            if (identityService.createUserQuery().userId(ADMIN).memberOfGroup(group).count() == 0) {
                identityService.createMembership(ADMIN, group);
            }
        }
    }

    @Test
    void configuredAdminMeansNothingIsGenerated(CapturedOutput output) {
        new FirstAdminSetup(identityService, grants, ADMIN).createFirstAdminIfNone();
        new FirstAdminSetup(identityService, grants, "").createFirstAdminIfNone();

        assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
        assertThat(output).doesNotContain("generated password");
    }

    @Test
    void withoutAnyAdministratorOneIsGeneratedWithAStrongPasswordShownOnce(CapturedOutput output) {
        identityService.deleteMembership(ADMIN, Groups.CAMUNDA_ADMIN);
        identityService.deleteMembership(ADMIN, Roles.ADMINS);
        FirstAdminSetup setup = new FirstAdminSetup(identityService, grants, "");

        setup.createFirstAdminIfNone();

        Matcher m = GENERATED.matcher(output.getAll());
        assertThat(m.find()).as("the password is printed").isTrue();
        String id = m.group(1);
        String password = m.group(2);
        assertThat(id).isEqualTo("admin");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(id);
        assertThat(identityService.checkPassword(id, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
        assertThat(identityService.createUserQuery().userId(id).memberOfGroup(Roles.ADMINS).count()).isOne();

        setup.createFirstAdminIfNone();
        assertThat(GENERATED.matcher(output.getAll()).results().count()).as("printed only once").isOne();
    }
}
