package dev.recruitdesk.store;

import dev.recruitdesk.domain.OrderStatus;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM/WHERE part of a People search: every typed word must be the start of one of the candidate's search
 * words (see {@link SearchWords}), and the latest order must be of the asked kind. The first typed word drives the
 * query as one index range on {@code candidate_word}'s key, joined to {@code candidate} by primary key; further
 * words are checked per match through the candidate-id index. So the cost follows the number of matches, not the
 * size of the cache. Without words the name index gives the order directly.
 */
record SearchSql(String from, boolean joinsWords, List<String> params) {

    static SearchSql of(String text, OrderStatus.Kind kind) {
        List<String> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        String[] words = SearchWords.ofQuery(text);
        String from = " FROM candidate c";
        if (words.length > 0) {
            from = " FROM candidate_word w JOIN candidate c ON c.id = w.candidate_id";
            conditions.add("w.word LIKE ? ESCAPE '\\'");
            params.add(pattern(words[0]));
            for (int i = 1; i < words.length; i++) {
                conditions.add("EXISTS (SELECT 1 FROM candidate_word x WHERE x.candidate_id = c.id "
                        + "AND x.word LIKE ? ESCAPE '\\')");
                params.add(pattern(words[i]));
            }
        }
        if (kind != null) {
            conditions.add("c.latest_order_kind = ?");
            params.add(kind.name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new SearchSql(from + where, words.length > 0, List.copyOf(params));
    }

    private static String pattern(String word) {
        String bounded = word.length() > SearchWords.MAX_WORD ? word.substring(0, SearchWords.MAX_WORD) : word;
        return Sql.likeLiteral(bounded) + "%";
    }

    String countSql() {
        return "SELECT COUNT(" + (joinsWords ? "DISTINCT c.id" : "*") + ")" + from;
    }

    /** Rows in name order; a candidate with two matching words appears once. */
    String pageSql(String columns) {
        return "SELECT " + (joinsWords ? "DISTINCT " : "") + columns + from + " ORDER BY c.name_key, c.id LIMIT ? OFFSET ?";
    }

    /** Binds the parameters from {@code first}; returns the next free index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (String p : params) {
            ps.setString(i++, p);
        }
        return i;
    }
}
