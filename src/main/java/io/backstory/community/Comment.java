package io.backstory.community;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.backstory.accounts.Member;
import io.backstory.taxonomy.Remedy;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reply to a post or to another comment; may carry remedy tags (a tip in a comment counts as a tip). */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    public Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Comment parent;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Member author;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    /** {@link #bodyMarkdown} rendered and sanitised when it was saved. */
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status = ContentStatus.PUBLISHED;

    /** Deleted by its author: shown as "[deleted]" so that replies keep their place. */
    @Column(nullable = false)
    public boolean deleted;

    @Column(nullable = false)
    public int upvotes;

    @Column(nullable = false)
    public int downvotes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "edited_at")
    public Instant editedAt;

    @Version
    @Column(nullable = false)
    public int version;

    @ManyToMany
    @JoinTable(name = "comment_remedy", joinColumns = @JoinColumn(name = "comment_id"),
            inverseJoinColumns = @JoinColumn(name = "remedy_id"))
    public Set<Remedy> remedies = new LinkedHashSet<>();

    public boolean isVisible() {
        return status == ContentStatus.PUBLISHED && !deleted;
    }

    public boolean isAuthoredBy(Member member) {
        return author != null && member != null && author.id.equals(member.id);
    }
}
