package org.chargeflow.idtag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Id tags that may charge (OCPP Authorize / StartTransaction) and the vehicles they identify. */
@RestController
@RequestMapping("/api/id-tags")
class IdTagController {

    private final IdTagRegistry registry;
    private final IdTagRepository idTags;

    IdTagController(IdTagRegistry registry, IdTagRepository idTags) {
        this.registry = registry;
        this.idTags = idTags;
    }

    record NewIdTag(String idTag, String status, Instant expiryDate, String parentIdTag, Long vehicleId) {
    }

    @GetMapping
    List<IdTag> list(@RequestParam(required = false) Long vehicleId) {
        return idTags.all(vehicleId);
    }

    @GetMapping("/{idTag}")
    IdTag get(@PathVariable String idTag) {
        return registry.get(idTag);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IdTag create(@RequestBody NewIdTag body) {
        return registry.create(body.idTag(),
                new IdTagFields(body.status(), body.expiryDate(), body.parentIdTag(), body.vehicleId()));
    }

    @PutMapping("/{idTag}")
    IdTag update(@PathVariable String idTag, @RequestBody IdTagFields fields) {
        return registry.update(idTag, fields);
    }

    @DeleteMapping("/{idTag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String idTag) {
        registry.delete(idTag);
    }
}
