package dev.recruitdesk.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's printed table: fixed-width text, the same in the terminal, the --out file and the README. */
public final class FigureTable {

    private static final String[] HEADERS = {"figure", "value", "baseline", "ratio", "goal", "met?"};

    private final List<Figure> rows = new ArrayList<>();
    private final java.util.function.Consumer<Figure> onAdded;

    /** {@code onAdded} sees each row as it is measured (a long run shows its progress). */
    public FigureTable(java.util.function.Consumer<Figure> onAdded) {
        this.onAdded = onAdded;
    }

    public void add(Figure f) {
        rows.add(f);
        onAdded.accept(f);
    }

    public List<Figure> rows() {
        return List.copyOf(rows);
    }

    /** A Markdown table: readable as plain text and renders in the README. */
    public String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (Figure f : rows) {
            cells.add(new String[]{f.name(), f.value(), f.baseline(), f.ratio(), f.goal(), f.metText()});
        }
        int[] width = new int[HEADERS.length];
        for (String[] r : cells) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < cells.size(); row++) {
            line(sb, cells.get(row), width);
            if (row == 0) {
                String[] dashes = new String[width.length];
                for (int i = 0; i < width.length; i++) {
                    dashes[i] = "-".repeat(width[i]);
                }
                line(sb, dashes, width);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] r, int[] width) {
        sb.append('|');
        for (int i = 0; i < r.length; i++) {
            sb.append(' ').append(String.format(Locale.ROOT, "%-" + width[i] + "s", r[i])).append(" |");
        }
        sb.append(System.lineSeparator());
    }
}
