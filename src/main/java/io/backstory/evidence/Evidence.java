package io.backstory.evidence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An evidence table: rows with enough reports, best lower bound first, and the rest. */
public record Evidence(List<EvidenceRow> ranked, List<EvidenceRow> tooFewReports) {

    @JsonIgnore
    public boolean isEmpty() {
        return ranked.isEmpty() && tooFewReports.isEmpty();
    }

    /**
     * One bar of the server-rendered chart, in SVG user units: names on the left, the helped share as a bar
     * from {@link #PLOT_X}, the 95% interval as a whisker, the percentage after it.
     */
    public record Bar(EvidenceRow row, int y, int textY, int barWidth, int whiskerFrom, int whiskerTo, int labelX) {
    }

    public static final int WIDTH = 640;
    public static final int PLOT_X = 220;
    public static final int PLOT_WIDTH = 340;
    public static final int ROW_HEIGHT = 30;

    @JsonIgnore
    public List<Bar> getBars() {
        return java.util.stream.IntStream.range(0, ranked.size()).mapToObj(i -> {
            EvidenceRow row = ranked.get(i);
            int y = 8 + i * ROW_HEIGHT;
            return new Bar(row, y, y + 15, scale(row.helpedShare()), PLOT_X + scale(row.lowerBound()),
                    PLOT_X + scale(row.upperBound()), PLOT_X + scale(row.upperBound()) + 6);
        }).toList();
    }

    @JsonIgnore
    public int getChartHeight() {
        return 16 + Math.max(ranked.size(), 1) * ROW_HEIGHT;
    }

    private static int scale(double share) {
        return (int) Math.round(share * PLOT_WIDTH);
    }
}
