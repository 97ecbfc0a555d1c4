package org.chargeflow.charger;

import org.chargeflow.ocpp.OcppProperties;
import org.chargeflow.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** Registering chargers so they may connect over OCPP. */
@RestController
@RequestMapping("/api/chargers")
class ChargerController {

    /** Safe in a URL path segment and within OCPP's 48 characters for a charge point identity. */
    private static final Pattern CHARGER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,48}");
    private static final int MIN_PASSWORD = 16;
    private static final int MAX_PASSWORD = 40;

    private final ChargerRepository chargers;
    private final ChargerPasswords passwords;
    private final OcppProperties ocpp;

    ChargerController(ChargerRepository chargers, ChargerPasswords passwords, OcppProperties ocpp) {
        this.chargers = chargers;
        this.passwords = passwords;
        this.ocpp = ocpp;
    }

    record RegisterCharger(String id, String password, String name, Integer heartbeatIntervalSeconds) {
    }

    /** The registered charger; {@code password} only when the system generated it: shown this once. */
    record Registered(String id, String name, String password) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@RequestBody RegisterCharger request) {
        if (request.id() == null || !CHARGER_ID.matcher(request.id()).matches()) {
            throw ApiException.invalid("id", "1 to 48 characters: letters, digits, '.', '_', ':' or '-'");
        }
        if (request.password() != null
                && (request.password().length() < MIN_PASSWORD || request.password().length() > MAX_PASSWORD)) {
            throw ApiException.invalid("password", "an OCPP authorization key has " + MIN_PASSWORD + " to "
                    + MAX_PASSWORD + " characters; leave it out to get a generated one");
        }
        if (request.name() != null && request.name().length() > 100) {
            throw ApiException.invalid("name", "at most 100 characters");
        }
        int heartbeat = request.heartbeatIntervalSeconds() == null
                ? (int) ocpp.heartbeatInterval().toSeconds() : request.heartbeatIntervalSeconds();
        if (heartbeat < 1 || heartbeat > 86_400) {
            throw ApiException.invalid("heartbeatIntervalSeconds", "1 to 86400 seconds");
        }
        boolean generate = request.password() == null;
        String password = generate ? passwords.generate() : request.password();
        String hash = generate ? passwords.hashGenerated(password) : passwords.hashChosen(password);
        if (!chargers.register(request.id(), request.name(), hash, generate, heartbeat)) {
            throw ApiException.conflict("A charger with id '" + request.id() + "' already exists");
        }
        return new Registered(request.id(), request.name(), generate ? password : null);
    }

    @GetMapping("/{id}")
    Charger get(@PathVariable String id) {
        return chargers.find(id).orElseThrow(() -> ApiException.notFound("No charger with id '" + id + "'"));
    }
}
