package org.chargeflow.charger;

import org.chargeflow.ocpp.ChargePointClient;
import org.chargeflow.ocpp.v16.AvailabilityType;
import org.chargeflow.ocpp.v16.ChangeAvailability;
import org.chargeflow.platform.web.ApiException;
import org.chargeflow.platform.web.Fields;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Chargers and their connectors: registration, settings, password rotation and availability. */
@RestController
@RequestMapping("/api/chargers")
class ChargerController {

    private final ChargerRegistry registry;
    private final ChargerRepository chargers;
    private final ChargePointClient client;

    ChargerController(ChargerRegistry registry, ChargerRepository chargers, ChargePointClient client) {
        this.registry = registry;
        this.chargers = chargers;
        this.client = client;
    }

    record RegisterCharger(String id, String password, String name, Long locationId, BigDecimal maxPowerKw,
                           Integer heartbeatIntervalSeconds) {
        ChargerSettings settings() {
            return new ChargerSettings(name, locationId, maxPowerKw, heartbeatIntervalSeconds);
        }
    }

    /** The charger; {@code password} only when the system generated it: shown this once. */
    record Registered(String id, String password, Charger charger) {
    }

    record NewPassword(String password) {
    }

    record ConnectorSettings(BigDecimal maxPowerKw) {
    }

    record AvailabilityChange(String type) {
    }

    record AvailabilityAnswer(String status) {
    }

    @GetMapping
    List<Charger> list(@RequestParam(required = false) Long locationId) {
        return chargers.all(locationId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@RequestBody RegisterCharger request) {
        ChargerRegistry.Credentials credentials = registry.register(request.id(), request.password(), request.settings());
        return new Registered(credentials.id(), credentials.password(), registry.get(credentials.id()));
    }

    @GetMapping("/{id}")
    Charger get(@PathVariable String id) {
        return registry.get(id);
    }

    @PutMapping("/{id}")
    Charger update(@PathVariable String id, @RequestBody ChargerSettings settings) {
        return registry.update(id, settings);
    }

    /** Rotates the OCPP password: send one (16 to 40 characters) or an empty body to get a generated one. */
    @PostMapping("/{id}/password")
    Registered changePassword(@PathVariable String id, @RequestBody(required = false) NewPassword body) {
        ChargerRegistry.Credentials credentials = registry.changePassword(id, body == null ? null : body.password());
        return new Registered(id, credentials.password(), registry.get(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        registry.delete(id);
    }

    @GetMapping("/{id}/connectors")
    List<Connector> connectors(@PathVariable String id) {
        return registry.get(id).connectors();
    }

    @PutMapping("/{id}/connectors/{connectorId}")
    Connector updateConnector(@PathVariable String id, @PathVariable int connectorId,
                              @RequestBody ConnectorSettings settings) {
        BigDecimal limit = Fields.positiveAmount("maxPowerKw", settings.maxPowerKw());
        registry.get(id);
        if (!chargers.setConnectorLimit(id, connectorId, limit)) {
            throw ApiException.notFound("Charger " + id + " has not reported a connector " + connectorId);
        }
        return connector(id, connectorId);
    }

    /** Asks the charger (OCPP ChangeAvailability) to make a connector, or with 0 itself, Operative or Inoperative. */
    @PostMapping("/{id}/connectors/{connectorId}/availability")
    AvailabilityAnswer changeAvailability(@PathVariable String id, @PathVariable int connectorId,
                                          @RequestBody AvailabilityChange change) {
        String type = Fields.required("type", change.type(), 20);
        Fields.oneOf("type", type, Arrays.stream(AvailabilityType.values()).map(Enum::name).toList());
        if (connectorId < 0) {
            throw ApiException.invalid("connectorId", "0 (the whole charger) or a connector number (got " + connectorId + ")");
        }
        registry.get(id);
        ChangeAvailability.Confirmation answer =
                client.callAndWait(id, new ChangeAvailability.Request(connectorId, AvailabilityType.valueOf(type)));
        return new AvailabilityAnswer(answer.status().name());
    }

    private Connector connector(String id, int connectorId) {
        return chargers.connectors(id).stream().filter(c -> c.connectorId() == connectorId).findFirst().orElseThrow();
    }
}
