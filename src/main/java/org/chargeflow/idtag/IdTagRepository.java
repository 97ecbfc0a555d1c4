package org.chargeflow.idtag;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Id tags (RFID cards and other identifiers) and whether they may charge now. */
@Repository
public class IdTagRepository {

    private static final String SELECT = "SELECT id_tag, status, expiry_date, parent_id_tag, vehicle_id FROM id_tag";
    private static final RowMapper<IdTag> ID_TAG = (rs, n) -> new IdTag(rs.getString(1), rs.getString(2),
            instant(rs.getTimestamp(3)), rs.getString(4), (Long) rs.getObject(5, Long.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdTagRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void save(String idTag, String status, Instant expiryDate, String parentIdTag) {
        jdbc.sql("""
                        INSERT INTO id_tag (id_tag, status, expiry_date, parent_id_tag) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE status = VALUES(status), expiry_date = VALUES(expiry_date),
                               parent_id_tag = VALUES(parent_id_tag)""")
                .params(idTag, status, timestamp(expiryDate), parentIdTag)
                .update();
    }

    public List<IdTag> all(Long vehicleId) {
        return jdbc.sql(SELECT + (vehicleId == null ? "" : " WHERE vehicle_id = :vehicle") + " ORDER BY id_tag")
                .paramSource(new MapSqlParameterSource("vehicle", vehicleId))
                .query(ID_TAG).list();
    }

    public Optional<IdTag> find(String idTag) {
        return jdbc.sql(SELECT + " WHERE id_tag = ?").param(idTag).query(ID_TAG).optional();
    }

    /** False when the tag already exists. */
    boolean create(String idTag, IdTagFields f) {
        return jdbc.sql("""
                        INSERT IGNORE INTO id_tag (id_tag, status, expiry_date, parent_id_tag, vehicle_id)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(idTag, f.status(), timestamp(f.expiryDate()), f.parentIdTag(), f.vehicleId())
                .update() == 1;
    }

    boolean update(String idTag, IdTagFields f) {
        return jdbc.sql("UPDATE id_tag SET status = ?, expiry_date = ?, parent_id_tag = ?, vehicle_id = ? WHERE id_tag = ?")
                .params(f.status(), timestamp(f.expiryDate()), f.parentIdTag(), f.vehicleId(), idTag)
                .update() == 1;
    }

    void delete(String idTag) {
        jdbc.sql("DELETE FROM id_tag WHERE id_tag = ?").param(idTag).update();
    }

    /** Tags that name this one as their parent (group). */
    List<String> children(String idTag) {
        return jdbc.sql("SELECT id_tag FROM id_tag WHERE parent_id_tag = ? ORDER BY id_tag").param(idTag)
                .query(String.class).list();
    }

    boolean inOpenTransaction(String idTag) {
        return jdbc.sql("SELECT COUNT(*) FROM charging_transaction WHERE id_tag = ? AND stopped_at IS NULL")
                .param(idTag).query(Integer.class).single() > 0;
    }

    /** Unknown tags are Invalid; an Accepted tag past its expiry date is Expired. */
    public IdTagAuthorization authorize(String idTag) {
        Optional<IdTagAuthorization> known = jdbc.sql(
                        "SELECT status, expiry_date, parent_id_tag FROM id_tag WHERE id_tag = ?")
                .param(idTag)
                .query((rs, n) -> {
                    Timestamp expiry = rs.getTimestamp(2);
                    return new IdTagAuthorization(rs.getString(1), expiry == null ? null : expiry.toInstant(),
                            rs.getString(3));
                })
                .optional();
        return known.map(this::applyExpiry).orElseGet(IdTagAuthorization::invalid);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private IdTagAuthorization applyExpiry(IdTagAuthorization tag) {
        if (tag.accepted() && tag.expiryDate() != null && !tag.expiryDate().isAfter(clock.instant())) {
            return new IdTagAuthorization("Expired", tag.expiryDate(), tag.parentIdTag());
        }
        return tag;
    }
}
