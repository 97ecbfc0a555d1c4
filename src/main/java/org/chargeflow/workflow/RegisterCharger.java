package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.charger.ChargerRegistry;
import org.chargeflow.charger.ChargerSettings;
import org.chargeflow.location.Location;
import org.chargeflow.location.LocationRepository;
import org.chargeflow.ocpp.OcppProperties;
import org.chargeflow.platform.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * "Register the charger": creates it with a generated password and keeps what the operator must
 * configure on the charger for the next task. The password is a {@link VariablesKeptOutOfHistory secret variable}.
 */
@Component("registerCharger")
class RegisterCharger implements JavaDelegate {

    /** API field → the start variable that carried it. */
    private static final Map<String, String> VARIABLES = Map.of("id", "chargerId", "name", "chargerName",
            "locationId", "locationName", "maxPowerKw", "maxPowerKw");

    private final ChargerRegistry registry;
    private final LocationRepository locations;
    private final OcppProperties ocpp;

    RegisterCharger(ChargerRegistry registry, LocationRepository locations, OcppProperties ocpp) {
        this.registry = registry;
        this.locations = locations;
        this.ocpp = ocpp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = FormValues.text(execution, "chargerId");
        ChargerSettings settings = new ChargerSettings(FormValues.text(execution, "chargerName"),
                location(FormValues.text(execution, "locationName")), FormValues.number(execution, "maxPowerKw"), null);
        ChargerRegistry.Credentials credentials;
        try {
            credentials = registry.register(id, null, settings);
        } catch (ApiException refused) {
            // Without a field the refusal is the one conflict a new charger can meet: its id is taken.
            throw new InvalidVariable(refused.field() == null ? "chargerId" : VARIABLES.get(refused.field()), refused);
        }
        execution.setVariable("chargerId", credentials.id());
        execution.setVariable("ocppUrl", ocpp.publicUrl() + "/" + credentials.id());
        execution.setVariable(VariablesKeptOutOfHistory.CHARGER_PASSWORD, credentials.password());
    }

    private Long location(String name) {
        if (name == null) {
            return null;
        }
        return locations.findByName(name).map(Location::id)
                .orElseThrow(() -> new InvalidVariable("locationName", "the name of an existing location", name));
    }
}
