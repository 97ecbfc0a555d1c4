package org.chargeflow.vehicle;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The fleet. A vehicle's id tags are managed under /api/id-tags (field vehicleId). */
@RestController
@RequestMapping("/api/vehicles")
class VehicleController {

    private final Fleet fleet;
    private final VehicleRepository vehicles;

    VehicleController(Fleet fleet, VehicleRepository vehicles) {
        this.fleet = fleet;
        this.vehicles = vehicles;
    }

    @GetMapping
    List<Vehicle> list() {
        return vehicles.all();
    }

    @GetMapping("/{id}")
    Vehicle get(@PathVariable long id) {
        return fleet.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Vehicle add(@RequestBody VehicleFields fields) {
        return fleet.add(fields);
    }

    @PutMapping("/{id}")
    Vehicle update(@PathVariable long id, @RequestBody VehicleFields fields) {
        return fleet.update(id, fields);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        fleet.delete(id);
    }
}
