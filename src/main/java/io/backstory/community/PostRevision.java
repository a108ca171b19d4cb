package io.backstory.community;

import java.time.Instant;

import io.backstory.accounts.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One saved version of a post: revision 1 is the original, each edit adds the next. */
@Entity
@Table(name = "post_revision")
public class PostRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    public Post post;

    @Column(nullable = false)
    public int revision;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "editor_id")
    public Member editor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(nullable = false)
    public String title;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    /** The conditions and remedy outcomes, one per line, so that tag changes show in the diff too. */
    @Column(nullable = false)
    public String tags;

    /** Whether the public sees this version: not while it waits for review, nor once a moderator replaced it. */
    @Column(name = "in_public_history", nullable = false)
    public boolean inPublicHistory;
}
