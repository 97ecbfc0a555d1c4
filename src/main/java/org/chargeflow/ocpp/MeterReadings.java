package org.chargeflow.ocpp;

import org.chargeflow.events.ChargerEvents;
import org.chargeflow.meter.MeterSample;
import org.chargeflow.ocpp.v16.Measurand;
import org.chargeflow.ocpp.v16.MeterValue;
import org.chargeflow.ocpp.v16.SampledValue;
import org.chargeflow.ocpp.v16.UnitOfMeasure;
import org.chargeflow.ocpp.v16.ValueFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns OCPP meter values into stored samples (every sampled value exactly as sent) with a normalized
 * reading for energy (Wh) and power (W), applying the OCPP defaults: measurand
 * Energy.Active.Import.Register, unit Wh, format Raw.
 */
@Component
class MeterReadings {

    private static final Logger log = LoggerFactory.getLogger(MeterReadings.class);
    private static final String ENERGY = OcppEnums.wire(Measurand.Energy_Active_Import_Register);
    private static final String POWER = OcppEnums.wire(Measurand.Power_Active_Import);
    private static final Set<String> KILO_UNITS = Set.of("kWh", "kW", "kvarh", "kvar", "kVA");

    /**
     * The sampled values of a MeterValues message as rows; one longer than {@link MeterSample#MAX_VALUE_LENGTH} is refused
     * (PropertyConstraintViolation), so that nothing of the message is stored and the charger learns why.
     */
    List<MeterSample> samples(String chargerId, int connectorId, Integer transactionId, List<MeterValue> values) {
        List<MeterSample> samples = rows(chargerId, connectorId, transactionId, values);
        if (!samples.stream().allMatch(MeterSample::fits)) {
            throw new OcppError(OcppErrorCode.PropertyConstraintViolation, OcppError.UNKNOWN_MESSAGE_ID,
                    "MeterValues: a sampledValue's value is longer than the " + MeterSample.MAX_VALUE_LENGTH
                            + " characters this central system stores");
        }
        return samples;
    }

    /**
     * The transaction data of a stop as rows. A stop must be accepted whatever it carries (refused, the charger would
     * send it again and again), so a sampled value too long to store is left out, with a warning.
     */
    List<MeterSample> stopSamples(String chargerId, int connectorId, int transactionId, List<MeterValue> values) {
        List<MeterSample> samples = rows(chargerId, connectorId, transactionId, values);
        List<MeterSample> stored = samples.stream().filter(MeterSample::fits).toList();
        if (stored.size() < samples.size()) {
            log.warn("StopTransaction {} of {}: {} sampled values longer than {} characters are not stored", transactionId,
                    chargerId, samples.size() - stored.size(), MeterSample.MAX_VALUE_LENGTH);
        }
        return stored;
    }

    private static List<MeterSample> rows(String chargerId, int connectorId, Integer transactionId, List<MeterValue> values) {
        List<MeterSample> samples = new ArrayList<>();
        if (values == null) {
            return samples;
        }
        for (MeterValue value : values) {
            for (SampledValue s : value.sampledValue()) {
                String measurand = s.measurand() == null ? ENERGY : OcppEnums.wire(s.measurand());
                String unit = s.unit() == null ? OcppEnums.wire(UnitOfMeasure.Wh) : OcppEnums.wire(s.unit());
                samples.add(new MeterSample(chargerId, connectorId, transactionId, value.timestamp(), s.value(),
                        OcppEnums.wire(s.context()), OcppEnums.wire(s.format()), OcppEnums.wire(s.measurand()),
                        OcppEnums.wire(s.phase()), OcppEnums.wire(s.location()), OcppEnums.wire(s.unit()),
                        normalized(measurand, unit, s)));
            }
        }
        return samples;
    }

    /** The newest energy register and power reading in a message, if it has either. */
    Optional<ChargerEvents.MeterReadings> latest(String chargerId, int connectorId, Integer transactionId,
                                                 List<MeterSample> samples) {
        return samples.stream().map(MeterSample::sampledAt).max(Comparator.naturalOrder()).flatMap(newest -> {
            Double energy = total(samples, newest, ENERGY);
            Double power = total(samples, newest, POWER);
            return energy == null && power == null ? Optional.empty()
                    : Optional.of(new ChargerEvents.MeterReadings(chargerId, connectorId, transactionId, newest, energy, power));
        });
    }

    /** The reading without a phase if there is one, else the sum of the phases. */
    private static Double total(List<MeterSample> samples, java.time.Instant at, String measurand) {
        List<MeterSample> matching = samples.stream()
                .filter(s -> s.sampledAt().equals(at) && s.normalized() != null)
                .filter(s -> measurand.equals(s.measurand() == null ? ENERGY : s.measurand()))
                .toList();
        Optional<MeterSample> whole = matching.stream().filter(s -> s.phase() == null).findFirst();
        if (whole.isPresent()) {
            return whole.get().normalized();
        }
        return matching.isEmpty() ? null : matching.stream().mapToDouble(MeterSample::normalized).sum();
    }

    private static Double normalized(String measurand, String unit, SampledValue s) {
        boolean energyOrPower = measurand.startsWith("Energy.") || measurand.startsWith("Power.");
        if (!energyOrPower || s.format() == ValueFormat.SignedData || measurand.equals("Power.Factor")) {
            return null;
        }
        try {
            double value = Double.parseDouble(s.value().trim());
            return KILO_UNITS.contains(unit) ? value * 1000 : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
