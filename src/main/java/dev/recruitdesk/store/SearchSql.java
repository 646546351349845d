package dev.recruitdesk.store;

import dev.recruitdesk.domain.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SQL for a People search: every typed word must be the start of one of the candidate's search words (see
 * {@link SearchWords}), and the latest order must be of the asked kind.
 *
 * <p>Two plans, picked per query, because H2 picks poorly between them by itself:
 * <ul>
 *   <li>narrow (the usual case, a few hundred matches): the longest typed word is one index range on
 *   {@code candidate_word}'s key, joined to {@code candidate} by primary key, then sorted; cost follows the matches.</li>
 *   <li>broad (the first letter typed: thousands of matches): walk {@code candidate} in name-index order and check
 *   the words per row through the candidate-id index; it stops as soon as the page is full.</li>
 * </ul>
 * The kind condition is written as {@code COALESCE(...)} in the narrow plan so H2 cannot start from the kind index
 * and probe words per candidate (measured 10x slower).
 */
final class SearchSql {

    /** Index entries of the driving word at which the walk in name order becomes the cheaper plan. */
    static final int BROAD = 1_500;

    private final String[] words;
    private final OrderStatus.Kind kind;

    private SearchSql(String[] words, OrderStatus.Kind kind) {
        this.words = words;
        this.kind = kind;
    }

    static SearchSql of(String text, OrderStatus.Kind kind) {
        String[] words = Arrays.stream(SearchWords.ofQuery(text))
                .map(w -> w.length() > SearchWords.MAX_WORD ? w.substring(0, SearchWords.MAX_WORD) : w)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toArray(String[]::new);
        return new SearchSql(words, kind);
    }

    private static String pattern(String word) {
        return Sql.likeLiteral(word) + "%";
    }

    private static final String WORD_CHECK =
            "EXISTS (SELECT 1 FROM candidate_word x WHERE x.candidate_id = c.id AND x.word LIKE ? ESCAPE '\\')";

    int count(Connection c) throws SQLException {
        List<String> params = new ArrayList<>();
        String sql;
        if (words.length == 0) {
            sql = "SELECT COUNT(*) FROM candidate c" + (kind == null ? "" : " WHERE c.latest_order_kind = ?");
        } else {
            StringBuilder b = new StringBuilder("SELECT COUNT(DISTINCT w.candidate_id) FROM candidate_word w");
            if (kind != null) {
                b.append(" JOIN candidate c ON c.id = w.candidate_id");
            }
            b.append(" WHERE w.word LIKE ? ESCAPE '\\'");
            params.add(pattern(words[0]));
            for (int i = 1; i < words.length; i++) {
                b.append(" AND ").append(WORD_CHECK.replace("c.id", "w.candidate_id"));
                params.add(pattern(words[i]));
            }
            if (kind != null) {
                b.append(" AND COALESCE(c.latest_order_kind, '') = ?");
            }
            sql = b.toString();
        }
        if (kind != null) {
            params.add(kind.name());
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The page query, its parameters bound except LIMIT and OFFSET (the last two). */
    PreparedStatement page(Connection c, String columns) throws SQLException {
        List<String> params = new ArrayList<>();
        StringBuilder b = new StringBuilder("SELECT ");
        if (words.length == 0) {
            b.append(columns).append(" FROM candidate c");
            if (kind != null) {
                b.append(" WHERE c.latest_order_kind = ?");
                params.add(kind.name());
            }
        } else if (isBroad(c)) {
            b.append(columns).append(" FROM candidate c WHERE ");
            for (int i = 0; i < words.length; i++) {
                b.append(i == 0 ? "" : " AND ").append(WORD_CHECK);
                params.add(pattern(words[i]));
            }
            if (kind != null) {
                b.append(" AND c.latest_order_kind = ?");
                params.add(kind.name());
            }
        } else {
            b.append("DISTINCT ").append(columns)
                    .append(" FROM candidate_word w JOIN candidate c ON c.id = w.candidate_id WHERE w.word LIKE ? ESCAPE '\\'");
            params.add(pattern(words[0]));
            for (int i = 1; i < words.length; i++) {
                b.append(" AND ").append(WORD_CHECK);
                params.add(pattern(words[i]));
            }
            if (kind != null) {
                b.append(" AND COALESCE(c.latest_order_kind, '') = ?");
                params.add(kind.name());
            }
        }
        b.append(" ORDER BY c.name_key, c.id LIMIT ? OFFSET ?");
        PreparedStatement ps = c.prepareStatement(b.toString());
        bind(ps, params);
        return ps;
    }

    /** Whether the driving word matches so many index entries that walking in name order wins. */
    boolean isBroad(Connection c) throws SQLException {
        if (words.length == 0) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM candidate_word "
                + "WHERE word LIKE ? ESCAPE '\\' LIMIT " + BROAD + ")")) {
            ps.setString(1, pattern(words[0]));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) >= BROAD;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
    }
}
