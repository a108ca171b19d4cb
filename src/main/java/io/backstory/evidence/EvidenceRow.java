package io.backstory.evidence;

import io.backstory.voting.Ranking;

/**
 * What members reported about one remedy (or, on a remedy's page, in one condition): helped, no change,
 * worse; the helped share with its 95% Wilson interval.
 */
public record EvidenceRow(String slug, String name, int helped, int noChange, int worse, int reports,
        double helpedShare, double lowerBound, double upperBound) {

    /** Fewer reports than this are listed as "not enough reports yet", outside the ranking. */
    public static final int MIN_REPORTS = 5;

    static EvidenceRow of(String slug, String name, int helped, int noChange, int worse) {
        int reports = helped + noChange + worse;
        return new EvidenceRow(slug, name, helped, noChange, worse, reports,
                reports == 0 ? 0 : (double) helped / reports,
                Ranking.wilsonLowerBound(helped, reports - helped), Ranking.wilsonUpperBound(helped, reports - helped));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEnoughReports() {
        return reports >= MIN_REPORTS;
    }

    public int sharePercent() {
        return (int) Math.round(helpedShare * 100);
    }

    public int lowerPercent() {
        return (int) Math.round(lowerBound * 100);
    }

    public int upperPercent() {
        return (int) Math.round(upperBound * 100);
    }
}
