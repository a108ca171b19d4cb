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

    /** The upper bound of the same interval, for showing the range of an evidence share. No votes: 1. */
    public static double wilsonUpperBound(long up, long down) {
        long n = up + down;
        if (n <= 0) {
            return 1;
        }
        double p = (double) up / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) + Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
    }

    /** 2025-01-01T00:00:00Z: hot ranks count time from here, so the numbers stay small. */
    public static final long HOT_EPOCH_SECOND = 1_735_689_600L;

    /**
     * "Hot": {@code sign(s)·log10(max(|s|, 1)) + (created - 2025-01-01) / 45000 s}. Each 12.5 hours of
     * youth is worth a tenfold score, so older items sink unless they keep earning votes. The database
     * keeps the same value per row (migration V4, {@code hot_rank}).
     */
    public static double hot(int score, java.time.Instant createdAt) {
        return Math.signum(score) * Math.log10(Math.max(Math.abs(score), 1))
                + (createdAt.getEpochSecond() + createdAt.getNano() / 1e9 - HOT_EPOCH_SECOND) / 45000.0;
    }
}
