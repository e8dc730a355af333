package io.pgrecord.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A grouped horizontal bar chart of the ratios to the baseline, as plain SVG. */
final class Chart {

    private static final String[] COLOURS = {"#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3"};

    private Chart() {
    }

    static String svg(Map<String, List<Report.Line>> byWorkload, Map<String, String> baselines) {
        int barH = 14;
        int left = 300;
        int width = 900;
        int plot = width - left - 60;
        double max = 0;
        int bars = 0;
        for (Map.Entry<String, List<Report.Line>> e : byWorkload.entrySet()) {
            Report.Line base = Report.find(e.getValue(), baselines.getOrDefault(e.getKey(), "jdbc"));
            for (Report.Line l : e.getValue()) {
                if (base != null) {
                    max = Math.max(max, l.median() / base.median());
                }
                bars++;
            }
        }
        max = Math.max(1.5, Math.ceil(max * 2) / 2);
        int height = 60 + bars * (barH + 2) + byWorkload.size() * 22;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
                width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Time per operation relative to raw JDBC (median, lower is better)</text>\n");
        double x1 = left + plot * (1.0 / max);
        double x110 = left + plot * (1.10 / max);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n", x1, x1, height - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"28\" text-anchor=\"middle\">1.0</text>\n", x1));
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-dasharray=\"4 3\"/>\n", x110, x110, height - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"40\" fill=\"#c00\">1.10 target</text>\n", x110 + 3));
        int y = 50;
        for (Map.Entry<String, List<Report.Line>> e : byWorkload.entrySet()) {
            String baseline = baselines.getOrDefault(e.getKey(), "jdbc");
            Report.Line base = Report.find(e.getValue(), baseline);
            s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s (vs %s)</text>\n", y + 10, e.getKey(), baseline));
            y += 16;
            int i = 0;
            for (Report.Line l : e.getValue()) {
                double ratio = base == null ? 0 : l.median() / base.median();
                double w = plot * Math.min(ratio, max) / max;
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 6, y + barH - 3, l.variant()));
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                        left, y, w, barH, COLOURS[i % COLOURS.length]));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f</text>\n", left + w + 4, y + barH - 3, ratio));
                y += barH + 2;
                i++;
            }
            y += 6;
        }
        return s.append("</svg>\n").toString();
    }
}
