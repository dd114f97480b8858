package io.quipu.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table with padded columns, so it also reads well in a terminal. */
public final class MarkdownTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** A header starting with '>' is right-aligned (the '>' is not printed). */
    public MarkdownTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int index = 0; index < headers.length; index++) {
            rightAligned[index] = headers[index].startsWith(">");
            this.headers.add(rightAligned[index] ? headers[index].substring(1) : headers[index]);
        }
    }

    public MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString().replace("|", "\\|").replace("\n", " "));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = Math.max(3, headers.get(column).length());
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            out.append(rightAligned[column] ? " " + "-".repeat(widths[column] - 1) + ": |" : " " + "-".repeat(widths[column]) + " |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            out.append(' ').append(rightAligned[column] ? padding + cell : cell + padding).append(" |");
        }
        out.append('\n');
    }

    /** 12345.6 → "12,346"; small values keep one decimal. */
    public static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", value) : String.format(java.util.Locale.ROOT, "%,.1f", value);
    }

    public static String millis(Double value) {
        return value == null ? "–" : value >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
