package dev.recruitdesk.store;

import dev.recruitdesk.domain.OrderStatus;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a People search: every typed word must be the start of one of the candidate's search words (see
 * {@link SearchWords}), and the latest order must be of the asked kind.
 * <p>
 * Two shapes, picked by how many candidates the first word is likely to match. A word of three letters or more
 * matches few: it drives the query as one index range on {@code candidate_word}'s key, joined to {@code candidate}
 * by primary key, so the cost follows the number of matches. A word of one or two letters ("m", "ma") matches a
 * large share of the cache: sorting all those matches to show the first 200 cost hundreds of milliseconds at
 * 100,000 candidates, so the page walks the name index instead and checks each candidate's words through the
 * candidate-id index, stopping at the page's end. The count never joins {@code candidate} unless a status filter
 * asks for it: counting distinct ids in the word index range is enough.
 */
record SearchSql(String countSql, String pageFrom, boolean distinct, List<String> countParams, List<String> pageParams) {

    /** First words up to this length take the name-order page shape. */
    static final int BROAD_WORD = 2;

    static SearchSql of(String text, OrderStatus.Kind kind) {
        String[] words = SearchWords.ofQuery(text);
        if (words.length == 0) {
            String where = kind == null ? "" : " WHERE c.latest_order_kind = ?";
            List<String> p = kind == null ? List.of() : List.of(kind.name());
            return new SearchSql("SELECT COUNT(*) FROM candidate c" + where, " FROM candidate c" + where, false, p, p);
        }
        List<String> patterns = new ArrayList<>();
        for (String w : words) {
            patterns.add(pattern(w));
        }

        // count: the first word's index range, further words checked per candidate id. A status filter goes
        // outside as IN (...): written as a join, H2 drove it from the status index and probed every candidate's words.
        List<String> countParams = new ArrayList<>(patterns);
        StringBuilder matches = new StringBuilder("SELECT w.candidate_id FROM candidate_word w WHERE w.word LIKE ? ESCAPE '\\'");
        for (int i = 1; i < words.length; i++) {
            matches.append(" AND ").append(hasWord("w.candidate_id"));
        }
        String count;
        if (kind == null) {
            count = matches.toString().replace("SELECT w.candidate_id ", "SELECT COUNT(DISTINCT w.candidate_id) ");
        } else {
            count = "SELECT COUNT(*) FROM candidate c WHERE c.id IN (" + matches + ") AND c.latest_order_kind = ?";
            countParams.add(kind.name());
        }

        List<String> pageParams = new ArrayList<>(patterns);
        StringBuilder page;
        boolean distinct;
        if (words[0].length() <= BROAD_WORD) {
            page = new StringBuilder(" FROM candidate c WHERE ").append(hasWord("c.id"));
            for (int i = 1; i < words.length; i++) {
                page.append(" AND ").append(hasWord("c.id"));
            }
            distinct = false;
        } else {
            page = new StringBuilder(" FROM candidate_word w JOIN candidate c ON c.id = w.candidate_id"
                    + " WHERE w.word LIKE ? ESCAPE '\\'");
            for (int i = 1; i < words.length; i++) {
                page.append(" AND ").append(hasWord("c.id"));
            }
            distinct = true;
        }
        if (kind != null) {
            page.append(" AND c.latest_order_kind = ?");
            pageParams.add(kind.name());
        }
        return new SearchSql(count, page.toString(), distinct, List.copyOf(countParams), List.copyOf(pageParams));
    }

    private static String hasWord(String idColumn) {
        return "EXISTS (SELECT 1 FROM candidate_word x WHERE x.candidate_id = " + idColumn
                + " AND x.word LIKE ? ESCAPE '\\')";
    }

    private static String pattern(String word) {
        String bounded = word.length() > SearchWords.MAX_WORD ? word.substring(0, SearchWords.MAX_WORD) : word;
        return Sql.likeLiteral(bounded) + "%";
    }

    /** Rows in name order; a candidate with two matching words appears once. */
    String pageSql(String columns) {
        return "SELECT " + (distinct ? "DISTINCT " : "") + columns + pageFrom + " ORDER BY c.name_key, c.id LIMIT ? OFFSET ?";
    }

    /** Binds the count's parameters from {@code first}; returns the next free index. */
    int bindCount(PreparedStatement ps, int first) throws SQLException {
        return bind(ps, first, countParams);
    }

    /** Binds the page's parameters (not LIMIT/OFFSET) from {@code first}; returns the next free index. */
    int bindPage(PreparedStatement ps, int first) throws SQLException {
        return bind(ps, first, pageParams);
    }

    private static int bind(PreparedStatement ps, int first, List<String> params) throws SQLException {
        int i = first;
        for (String p : params) {
            ps.setString(i++, p);
        }
        return i;
    }
}
