package org.chargeflow.vehicle;

import org.chargeflow.platform.web.Fields;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a client sends to add or change a vehicle; {@link #checked()} refuses anything invalid. */
public record VehicleFields(String name, String vin, String plate, String make, String model, BigDecimal batteryKwh,
                            BigDecimal maxAcKw, BigDecimal maxDcKw) {

    /** ISO 3779: 17 characters, letters I, O and Q never used. */
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    public VehicleFields checked() {
        String checkedName = Fields.required("name", name, 100);
        String checkedVin = Fields.optional("vin", vin, 17);
        if (checkedVin != null) {
            checkedVin = Fields.matching("vin", checkedVin.toUpperCase(Locale.ROOT), VIN,
                    "17 letters and digits, without I, O or Q");
        }
        return new VehicleFields(checkedName, checkedVin, Fields.optional("plate", plate, 20),
                Fields.optional("make", make, 50), Fields.optional("model", model, 50),
                Fields.positiveAmount("batteryKwh", batteryKwh), Fields.positiveAmount("maxAcKw", maxAcKw),
                Fields.positiveAmount("maxDcKw", maxDcKw));
    }
}
