package io.backstory.community;

import io.backstory.platform.content.Outcome;
import io.backstory.taxonomy.Remedy;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A remedy a post mentions and, optionally, how it worked out. */
@Embeddable
public class RemedyOutcome {

    @ManyToOne(optional = false)
    @JoinColumn(name = "remedy_id", nullable = false)
    public Remedy remedy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    protected RemedyOutcome() {
    }

    public RemedyOutcome(Remedy remedy, Outcome outcome) {
        this.remedy = remedy;
        this.outcome = outcome;
    }
}
