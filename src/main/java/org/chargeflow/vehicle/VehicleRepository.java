package org.chargeflow.vehicle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vehicle table; a vehicle's id tags are the id_tag rows pointing at it. */
@Repository
public class VehicleRepository {

    private static final String SELECT = """
            SELECT id, name, vin, plate, make, model, battery_kwh, max_ac_kw, max_dc_kw FROM vehicle""";

    private final JdbcClient jdbc;

    VehicleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every vehicle with its id tags: two queries whatever the fleet's size. */
    public List<Vehicle> all() {
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT vehicle_id, id_tag FROM id_tag WHERE vehicle_id IS NOT NULL ORDER BY id_tag")
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql(SELECT + " ORDER BY name, id")
                .query((rs, n) -> vehicle(rs, tags.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public Optional<Vehicle> find(long id) {
        List<String> tags = jdbc.sql("SELECT id_tag FROM id_tag WHERE vehicle_id = ? ORDER BY id_tag").param(id)
                .query(String.class).list();
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> vehicle(rs, tags)).optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM vehicle WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    long create(VehicleFields f) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO vehicle (name, vin, plate, make, model, battery_kwh, max_ac_kw, max_dc_kw)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.name(), f.vin(), f.plate(), f.make(), f.model(), f.batteryKwh(), f.maxAcKw(), f.maxDcKw())
                .update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean update(long id, VehicleFields f) {
        return jdbc.sql("""
                        UPDATE vehicle SET name = ?, vin = ?, plate = ?, make = ?, model = ?, battery_kwh = ?,
                               max_ac_kw = ?, max_dc_kw = ?
                        WHERE id = ?""")
                .params(f.name(), f.vin(), f.plate(), f.make(), f.model(), f.batteryKwh(), f.maxAcKw(), f.maxDcKw(), id)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM vehicle WHERE id = ?").param(id).update();
    }

    boolean vinTaken(String vin, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND id <> ?")
                .params(vin, exceptId == null ? -1 : exceptId).query(Integer.class).single() > 0;
    }

    int sessionCount(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM charging_session WHERE vehicle_id = ?").param(id)
                .query(Integer.class).single();
    }

    private static Vehicle vehicle(ResultSet rs, List<String> idTags) throws SQLException {
        return new Vehicle(rs.getLong("id"), rs.getString("name"), rs.getString("vin"), rs.getString("plate"),
                rs.getString("make"), rs.getString("model"), rs.getBigDecimal("battery_kwh"),
                rs.getBigDecimal("max_ac_kw"), rs.getBigDecimal("max_dc_kw"), idTags);
    }
}
