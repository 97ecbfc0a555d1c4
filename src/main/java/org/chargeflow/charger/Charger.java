package org.chargeflow.charger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A charger as the API shows it: identity, place and limit, what it reported at boot, liveness and its connectors. */
public record Charger(String id, String name, Long locationId, BigDecimal maxPowerKw, String vendor, String model,
                      String serialNumber, String firmwareVersion, boolean online, Instant lastSeen, Instant lastBoot,
                      int heartbeatIntervalSeconds, String firmwareStatus, String diagnosticsStatus,
                      List<Connector> connectors) {

    /** The most power a session on this connector may draw, in kW: the lower of the charger's and the connector's limits. */
    public Optional<BigDecimal> powerLimitKw(int connectorId) {
        Stream<BigDecimal> connectorLimit = connectors.stream().filter(c -> c.connectorId() == connectorId)
                .map(Connector::maxPowerKw).filter(Objects::nonNull);
        return Stream.concat(connectorLimit, Stream.ofNullable(maxPowerKw)).min(Comparator.naturalOrder());
    }
}
