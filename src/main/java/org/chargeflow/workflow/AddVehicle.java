package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.idtag.IdTagFields;
import org.chargeflow.idtag.IdTagRegistry;
import org.chargeflow.platform.web.ApiException;
import org.chargeflow.vehicle.Fleet;
import org.chargeflow.vehicle.Vehicle;
import org.chargeflow.vehicle.VehicleFields;
import org.springframework.stereotype.Component;

import static org.chargeflow.workflow.FormValues.number;
import static org.chargeflow.workflow.FormValues.text;

/** "Add the vehicle to the fleet", with its RFID card when one is given; both or neither are stored. */
@Component("addVehicle")
class AddVehicle implements JavaDelegate {

    private final Fleet fleet;
    private final IdTagRegistry idTags;

    AddVehicle(Fleet fleet, IdTagRegistry idTags) {
        this.fleet = fleet;
        this.idTags = idTags;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VehicleFields fields = new VehicleFields(text(execution, "vehicleName"), text(execution, "vin"),
                text(execution, "plate"), text(execution, "make"), text(execution, "model"),
                number(execution, "batteryKwh"), number(execution, "maxAcKw"), number(execution, "maxDcKw"));
        String idTag = text(execution, "idTag");
        Vehicle vehicle;
        try {
            vehicle = fleet.add(fields);
        } catch (ApiException refused) {
            // Without a field the refusal is the one conflict a new vehicle can meet: its VIN is taken.
            throw new InvalidVariable(refused.field() == null ? "vin" : variable(refused.field()), refused);
        }
        if (idTag != null) {
            try {
                idTags.create(idTag, new IdTagFields(null, null, null, vehicle.id()));
            } catch (ApiException refused) {
                throw new InvalidVariable("idTag", refused);
            }
        }
        execution.setVariable("vehicleId", vehicle.id());
    }

    private static String variable(String field) {
        return "name".equals(field) ? "vehicleName" : field;
    }
}
