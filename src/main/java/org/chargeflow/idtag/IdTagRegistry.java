package org.chargeflow.idtag;

import org.chargeflow.platform.web.ApiException;
import org.chargeflow.platform.web.Fields;
import org.chargeflow.vehicle.VehicleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.regex.Pattern;

/** Managing id tags, with the checks the REST API and the "Add a vehicle" process share. */
@Service
public class IdTagRegistry {

    /** OCPP allows 20 characters; printable ASCII without '/' keeps a tag usable in a URL path. */
    private static final Pattern ID_TAG = Pattern.compile("[\\x21-\\x2E\\x30-\\x7E]{1,20}");

    private final IdTagRepository idTags;
    private final VehicleRepository vehicles;

    IdTagRegistry(IdTagRepository idTags, VehicleRepository vehicles) {
        this.idTags = idTags;
        this.vehicles = vehicles;
    }

    @Transactional
    public IdTag create(String idTag, IdTagFields fields) {
        String tag = Fields.matching("idTag", Fields.required("idTag", idTag, 20), ID_TAG,
                "1 to 20 printable characters without spaces or '/'");
        if (!idTags.create(tag, checked(tag, fields))) {
            throw ApiException.conflict("Id tag " + tag + " already exists");
        }
        return get(tag);
    }

    @Transactional
    public IdTag update(String idTag, IdTagFields fields) {
        if (!idTags.update(idTag, checked(idTag, fields))) {
            throw notFound(idTag);
        }
        return get(idTag);
    }

    @Transactional
    public void delete(String idTag) {
        get(idTag);
        List<String> children = idTags.children(idTag);
        if (!children.isEmpty()) {
            throw ApiException.conflict("Id tag " + idTag + " is the parent of " + String.join(", ", children)
                    + ": change their parent first");
        }
        if (idTags.inOpenTransaction(idTag)) {
            throw ApiException.conflict("Id tag " + idTag + " is charging right now: block it instead, or wait until the transaction ends");
        }
        idTags.delete(idTag);
    }

    public IdTag get(String idTag) {
        return idTags.find(idTag).orElseThrow(() -> notFound(idTag));
    }

    private IdTagFields checked(String idTag, IdTagFields fields) {
        IdTagFields checked = fields.checked();
        if (checked.parentIdTag() != null) {
            if (checked.parentIdTag().equals(idTag)) {
                throw ApiException.invalid("parentIdTag", "a tag cannot be its own parent");
            }
            if (idTags.find(checked.parentIdTag()).isEmpty()) {
                throw ApiException.invalid("parentIdTag", "no id tag " + checked.parentIdTag());
            }
        }
        if (checked.vehicleId() != null && !vehicles.exists(checked.vehicleId())) {
            throw ApiException.invalid("vehicleId", "no vehicle with id " + checked.vehicleId());
        }
        return checked;
    }

    private static ApiException notFound(String idTag) {
        return ApiException.notFound("No id tag " + idTag);
    }
}
