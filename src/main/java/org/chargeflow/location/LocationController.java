package org.chargeflow.location;

import org.chargeflow.platform.web.ApiException;
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

/** Charging locations: where chargers stand. */
@RestController
@RequestMapping("/api/locations")
class LocationController {

    private final LocationRepository locations;

    LocationController(LocationRepository locations) {
        this.locations = locations;
    }

    @GetMapping
    List<Location> list() {
        return locations.all();
    }

    @GetMapping("/{id}")
    Location get(@PathVariable long id) {
        return locations.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Location create(@RequestBody LocationFields body) {
        LocationFields fields = body.checked();
        refuseTakenName(fields.name(), null);
        return get(locations.create(fields));
    }

    @PutMapping("/{id}")
    Location update(@PathVariable long id, @RequestBody LocationFields body) {
        LocationFields fields = body.checked();
        refuseTakenName(fields.name(), id);
        if (!locations.update(id, fields)) {
            throw notFound(id);
        }
        return get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        Location location = get(id);
        if (location.chargerCount() > 0) {
            throw ApiException.conflict("Location '" + location.name() + "' still has " + location.chargerCount()
                    + " charger(s): move or delete them first");
        }
        locations.delete(id);
    }

    private void refuseTakenName(String name, Long id) {
        if (locations.nameTaken(name, id)) {
            throw ApiException.conflict("A location named '" + name + "' already exists");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No location with id " + id);
    }
}
