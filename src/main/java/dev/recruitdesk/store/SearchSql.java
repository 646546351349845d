package dev.recruitdesk.store;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The People list straight from SQL, without search text: only used in the moments after start, before the
 * in-memory {@link CandidateIndex} is loaded, so the first page can show at once. It walks the name index and stops
 * at the page's end. Text search has no SQL form any more (the index answers it).
 */
final class SearchSql {

    private static final String ROW_COLUMNS = "id, first_name, last_name, email, jobs_text, app_status, "
            + "latest_order_status, updated_on";

    private SearchSql() {
    }

    static int count(Connection c, OrderStatus.Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM candidate"
                + (kind == null ? "" : " WHERE latest_order_kind = ?"))) {
            if (kind != null) {
                ps.setString(1, kind.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<CandidateRow> page(Connection c, OrderStatus.Kind kind, int offset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM candidate"
                + (kind == null ? "" : " WHERE latest_order_kind = ?") + " ORDER BY name_key, id LIMIT ? OFFSET ?")) {
            int i = 1;
            if (kind != null) {
                ps.setString(i++, kind.name());
            }
            ps.setInt(i++, Math.max(0, limit));
            ps.setInt(i, Math.max(0, offset));
            List<CandidateRow> rows = new ArrayList<>(Math.max(0, Math.min(limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1), status = rs.getString(7);
                    rows.add(new CandidateRow(id, CacheStore.displayName(id, rs.getString(2), rs.getString(3),
                            rs.getString(4)), rs.getString(4), rs.getString(5), rs.getString(6),
                            status == null ? null : OrderStatus.of(status), Sql.instant(rs, "updated_on")));
                }
            }
            return rows;
        }
    }
}
