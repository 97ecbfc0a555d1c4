package org.chargeflow.vehicle;

import org.chargeflow.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding, changing and removing vehicles, with the checks the REST API and the "Add a vehicle" process share. */
@Service
public class Fleet {

    private final VehicleRepository vehicles;

    Fleet(VehicleRepository vehicles) {
        this.vehicles = vehicles;
    }

    @Transactional
    public Vehicle add(VehicleFields fields) {
        VehicleFields checked = fields.checked();
        refuseTakenVin(checked.vin(), null);
        return get(vehicles.create(checked));
    }

    @Transactional
    public Vehicle update(long id, VehicleFields fields) {
        VehicleFields checked = fields.checked();
        refuseTakenVin(checked.vin(), id);
        if (!vehicles.update(id, checked)) {
            throw notFound(id);
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        Vehicle vehicle = get(id);
        if (!vehicle.idTags().isEmpty()) {
            throw ApiException.conflict("Vehicle '" + vehicle.name() + "' still has id tag(s) "
                    + String.join(", ", vehicle.idTags()) + ": delete them or link them to another vehicle first");
        }
        int sessions = vehicles.sessionCount(id);
        if (sessions > 0) {
            throw ApiException.conflict("Vehicle '" + vehicle.name() + "' has " + sessions
                    + " charging session(s) in its history, which must keep their vehicle");
        }
        vehicles.delete(id);
    }

    public Vehicle get(long id) {
        return vehicles.find(id).orElseThrow(() -> notFound(id));
    }

    private void refuseTakenVin(String vin, Long id) {
        if (vin != null && vehicles.vinTaken(vin, id)) {
            throw ApiException.conflict("A vehicle with VIN " + vin + " already exists");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No vehicle with id " + id);
    }
}
