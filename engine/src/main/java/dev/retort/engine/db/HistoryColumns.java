package dev.retort.engine.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How a family stores {@code retort_history}'s typed columns: the generated key and the
 * timestamps. Additive schema changes of the history table use these types too.
 */
public interface HistoryColumns {

    /** The {@code id} column definition: an auto-generated primary key. */
    String idColumn();

    /** The SQL type of {@code started_at}. */
    String timestampType();

    void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException;

    Instant getTimestamp(ResultSet rs, int index) throws SQLException;
}
