package io.backstory.taxonomy;

import java.time.Instant;

import io.backstory.accounts.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A condition or remedy a member finds missing; it becomes a tag once a moderator approves it. */
@Entity
@Table(name = "tag_suggestion")
public class TagSuggestion extends PanacheEntityBase {

    public enum Kind {
        CONDITION, REMEDY
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    public String note;

    @Enumerated(EnumType.STRING)
    public RemedyCategory category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "suggested_by")
    public Member suggestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public Member decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;
}
