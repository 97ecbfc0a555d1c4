package org.chargeflow.charger;

import org.chargeflow.location.LocationRepository;
import org.chargeflow.ocpp.ChargerConnections;
import org.chargeflow.ocpp.OcppProperties;
import org.chargeflow.platform.web.ApiException;
import org.chargeflow.platform.web.Fields;
import org.springframework.stereotype.Service;

import java.util.regex.Pattern;

/**
 * Registering, changing and removing chargers, with the checks the REST API and the "Register a charger"
 * process share. Passwords are stored hashed; a generated one is handed out once and never again.
 */
@Service
public class ChargerRegistry {

    /** Safe in a URL path segment and within OCPP's 48 characters for a charge point identity. */
    private static final Pattern CHARGER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,48}");
    private static final int MIN_PASSWORD = 16;
    private static final int MAX_PASSWORD = 40;

    private final ChargerRepository chargers;
    private final ChargerPasswords passwords;
    private final LocationRepository locations;
    private final ChargerConnections connections;
    private final OcppProperties ocpp;

    ChargerRegistry(ChargerRepository chargers, ChargerPasswords passwords, LocationRepository locations,
                    ChargerConnections connections, OcppProperties ocpp) {
        this.chargers = chargers;
        this.passwords = passwords;
        this.locations = locations;
        this.connections = connections;
        this.ocpp = ocpp;
    }

    /** The charger's id and, only when the system generated it, its password: shown this once. */
    public record Credentials(String id, String password) {
    }

    /** Registers a charger; without a password one is generated. */
    public Credentials register(String id, String password, ChargerSettings settings) {
        Fields.required("id", id, 48);
        Fields.matching("id", id, CHARGER_ID, "1 to 48 characters: letters, digits, '.', '_', ':' or '-'");
        ChargerSettings checked = checked(settings);
        Password chosen = password(password);
        if (!chargers.register(id, chosen.hash(), chosen.generated(), checked)) {
            throw ApiException.conflict("A charger with id '" + id + "' already exists");
        }
        return new Credentials(id, chosen.generated() ? chosen.plain() : null);
    }

    public Charger update(String id, ChargerSettings settings) {
        if (!chargers.update(id, checked(settings))) {
            throw notFound(id);
        }
        return get(id);
    }

    /**
     * Sets a new password (generated when none is given). The charger's live connection stays up; it
     * needs the new password when it next connects.
     */
    public Credentials changePassword(String id, String password) {
        Password chosen = password(password);
        if (!chargers.changePassword(id, chosen.hash(), chosen.generated())) {
            throw notFound(id);
        }
        return new Credentials(id, chosen.generated() ? chosen.plain() : null);
    }

    public void delete(String id) {
        get(id);
        if (connections.isConnected(id)) {
            throw ApiException.conflict("Charger " + id + " is connected: it can be deleted once it is disconnected");
        }
        int transactions = chargers.transactionCount(id);
        if (transactions > 0) {
            throw ApiException.conflict("Charger " + id + " has " + transactions
                    + " transaction(s) in its history, which must be kept");
        }
        chargers.delete(id);
    }

    public Charger get(String id) {
        return chargers.find(id).orElseThrow(() -> notFound(id));
    }

    private ChargerSettings checked(ChargerSettings settings) {
        ChargerSettings checked = settings.checked((int) ocpp.heartbeatInterval().toSeconds());
        if (checked.locationId() != null && !locations.exists(checked.locationId())) {
            throw ApiException.invalid("locationId", "no location with id " + checked.locationId());
        }
        return checked;
    }

    private Password password(String password) {
        if (password == null) {
            String generated = passwords.generate();
            return new Password(generated, passwords.hashGenerated(generated), true);
        }
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.invalid("password", "an OCPP authorization key has " + MIN_PASSWORD + " to "
                    + MAX_PASSWORD + " characters; leave it out to get a generated one");
        }
        return new Password(password, passwords.hashChosen(password), false);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No charger with id '" + id + "'");
    }

    private record Password(String plain, String hash, boolean generated) {
        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }
}
