package org.chargeflow.platform.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link Roles#ADMINS} an engine administrator group next to camunda-admin. Some engine
 * operations (history cleanup, metrics, telemetry, ...) ask for an administrator group rather than an
 * authorization, so the {@link Grants#grantEverything grants} alone would leave admins short of
 * camunda-admin.
 */
@Component
class AdminsAreCamundaAdmins extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = configuration.getAdminGroups() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getAdminGroups());
        if (!adminGroups.contains(Roles.ADMINS)) {
            adminGroups.add(Roles.ADMINS);
        }
        configuration.setAdminGroups(adminGroups);
    }
}
