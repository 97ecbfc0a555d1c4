package org.chargeflow.meter;

import org.chargeflow.platform.database.GroupCommitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Meter values, written in batches together with other chargers' values. */
@Repository
public class MeterValueRepository {

    private final GroupCommitter committer;
    private final JdbcClient jdbc;

    public MeterValueRepository(GroupCommitter committer, JdbcClient jdbc) {
        this.committer = committer;
        this.jdbc = jdbc;
    }

    public CompletableFuture<Void> store(List<MeterSample> samples) {
        return committer.submit("""
                        INSERT INTO meter_value (charger_id, connector_id, transaction_id, sampled_at, value, context,
                                                 format, measurand, phase, location, unit, normalized)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                samples.stream().map(s -> new Object[]{s.chargerId(), s.connectorId(), s.transactionId(),
                        Timestamp.from(s.sampledAt()), s.value(), s.context(), s.format(), s.measurand(), s.phase(),
                        s.location(), s.unit(), s.normalized()}).toList());
    }

    public List<MeterSample> forTransaction(int transactionId) {
        return jdbc.sql("""
                        SELECT charger_id, connector_id, transaction_id, sampled_at, value, context, format, measurand,
                               phase, location, unit, normalized
                        FROM meter_value WHERE transaction_id = ? ORDER BY sampled_at, id""")
                .param(transactionId)
                .query((rs, n) -> new MeterSample(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        (Double) rs.getObject(12)))
                .list();
    }
}
