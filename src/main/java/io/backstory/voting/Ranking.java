package io.backstory.voting;

/**
 * Ranking formulas (DESIGN.md section 3). Pure functions, so they can be unit-tested and reused in SQL-free
 * sorting of small sets such as one comment thread.
 */
public final class Ranking {

    /** z for a 95% confidence interval. */
    public static final double Z = 1.96;

    private Ranking() {
    }

    /**
     * "Best": the lower bound of the Wilson score interval for the share of upvotes,
     * {@code (p + z²/2n - z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)} with n = up + down and p = up / n.
     * It rewards many votes over few: 60 up / 5 down (0.83) beats 3 up / 0 down (0.44). No votes: 0.
     */
    public static double wilsonLowerBound(long up, long down) {
        long n = up + down;
        if (n <= 0) {
            return 0;
        }
        double p = (double) up / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
    }
}
