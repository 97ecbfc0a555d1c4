package org.chargeflow.location;

import org.chargeflow.platform.web.Fields;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.chargeflow.platform.web.ApiException;

/** What a client sends to create or change a location; {@link #checked()} refuses anything invalid. */
record LocationFields(String name, String address, String timeZone, BigDecimal gridCapacityKw) {

    LocationFields checked() {
        return new LocationFields(Fields.required("name", name, 100), Fields.optional("address", address, 300),
                zone(), Fields.positiveAmount("gridCapacityKw", gridCapacityKw));
    }

    private String zone() {
        String zone = Fields.required("timeZone", timeZone, 50);
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalid("timeZone", "an IANA time zone such as Europe/Berlin (got '" + zone + "')");
        }
    }
}
