package io.backstory.community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.backstory.accounts.Member;
import io.backstory.taxonomy.Condition;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A story, question or tip, tagged with 1..n conditions and 0..n remedies with outcomes. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    /** {@link #bodyMarkdown} rendered and sanitised when it was saved. */
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    /** Deleted by its author: gone from every public place. */
    @Column(nullable = false)
    public boolean deleted;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Member author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status = ContentStatus.PUBLISHED;

    @Column(nullable = false)
    public int upvotes;

    @Column(nullable = false)
    public int downvotes;

    @Column(name = "comment_count", nullable = false)
    public int commentCount;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_comment_id")
    public Comment acceptedComment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "edited_at")
    public Instant editedAt;

    @Version
    @Column(nullable = false)
    public int version;

    @ManyToMany
    @JoinTable(name = "post_condition", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "condition_id"))
    public Set<Condition> conditions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "post_remedy", joinColumns = @JoinColumn(name = "post_id"))
    public List<RemedyOutcome> remedies = new ArrayList<>();

    /** Whether the public may see it (and reply to it). */
    public boolean isVisible() {
        return status == ContentStatus.PUBLISHED && !deleted;
    }

    public boolean isAuthoredBy(Member member) {
        return author != null && member != null && author.id.equals(member.id);
    }
}
