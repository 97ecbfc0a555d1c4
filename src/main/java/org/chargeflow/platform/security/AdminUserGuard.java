package org.chargeflow.platform.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Camunda's starter falls back to the user id as password when only {@code camunda.bpm.admin-user.id}
 * is set: a well-known default. Refuse to start in that case.
 */
public class AdminUserGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String id = env.getProperty("camunda.bpm.admin-user.id", "");
        String password = env.getProperty("camunda.bpm.admin-user.password", "");
        if (!id.isBlank() && password.isBlank()) {
            throw new IllegalStateException("camunda.bpm.admin-user.id is set to '" + id
                    + "' but camunda.bpm.admin-user.password is not: set a password (e.g. CAMUNDA_BPM_ADMINUSER_PASSWORD)"
                    + " or unset the id to get a generated one on first start");
        }
    }
}
