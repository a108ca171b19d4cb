package io.backstory.mail;

import java.time.Duration;

/** How often a topic comes by mail: each at once, gathered in a daily or weekly digest, or not at all. */
public enum MailFrequency {
    NEVER("Never", null),
    AT_ONCE("At once", null),
    DAILY("Once a day", Duration.ofDays(1)),
    WEEKLY("Once a week", Duration.ofDays(7));

    public final String label;
    /** The period a digest covers; null for the frequencies without a digest. */
    final Duration period;

    MailFrequency(String label, Duration period) {
        this.label = label;
        this.period = period;
    }

    public boolean isDigest() {
        return period != null;
    }
}
