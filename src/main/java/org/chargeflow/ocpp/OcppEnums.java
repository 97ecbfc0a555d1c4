package org.chargeflow.ocpp;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The word an OCPP enum value has on the wire (e.g. {@code Energy.Active.Import.Register}). */
public final class OcppEnums {

    private static final Map<Enum<?>, String> WIRE = new ConcurrentHashMap<>();

    private OcppEnums() {
    }

    public static String wire(Enum<?> value) {
        if (value == null) {
            return null;
        }
        return WIRE.computeIfAbsent(value, v -> {
            try {
                JsonProperty name = v.getDeclaringClass().getField(v.name()).getAnnotation(JsonProperty.class);
                return name == null ? v.name() : name.value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
