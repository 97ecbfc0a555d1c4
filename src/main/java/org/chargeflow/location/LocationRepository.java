package org.chargeflow.location;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The location table. Names are unique (uk_location_name). */
@Repository
public class LocationRepository {

    private static final String SELECT = """
            SELECT l.id, l.name, l.address, l.time_zone, l.grid_capacity_kw,
                   (SELECT COUNT(*) FROM charger c WHERE c.location_id = l.id) AS chargers
            FROM location l""";
    private static final RowMapper<Location> LOCATION = (rs, n) -> new Location(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getInt(6));

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Location> all() {
        return jdbc.sql(SELECT + " ORDER BY l.name").query(LOCATION).list();
    }

    public Optional<Location> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(LOCATION).optional();
    }

    public Optional<Location> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE l.name = ?").param(name).query(LOCATION).optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM location WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    long create(LocationFields f) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO location (name, address, time_zone, grid_capacity_kw) VALUES (?, ?, ?, ?)")
                .params(f.name(), f.address(), f.timeZone(), f.gridCapacityKw())
                .update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean update(long id, LocationFields f) {
        return jdbc.sql("UPDATE location SET name = ?, address = ?, time_zone = ?, grid_capacity_kw = ? WHERE id = ?")
                .params(f.name(), f.address(), f.timeZone(), f.gridCapacityKw(), id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM location WHERE id = ?").param(id).update() == 1;
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM location WHERE name = ? AND id <> ?")
                .params(name, exceptId == null ? -1 : exceptId).query(Integer.class).single() > 0;
    }
}
