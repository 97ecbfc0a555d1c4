package org.chargeflow.idtag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Id tags (RFID cards and other identifiers) and whether they may charge now. */
@Repository
public class IdTagRepository {

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
                .params(idTag, status, expiryDate == null ? null : Timestamp.from(expiryDate), parentIdTag)
                .update();
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

    private IdTagAuthorization applyExpiry(IdTagAuthorization tag) {
        if (tag.accepted() && tag.expiryDate() != null && !tag.expiryDate().isAfter(clock.instant())) {
            return new IdTagAuthorization("Expired", tag.expiryDate(), tag.parentIdTag());
        }
        return tag;
    }
}
