package io.backstory.community;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.content.ContentKind;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import io.backstory.accounts.CurrentMember;
import io.backstory.accounts.Member;
import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningResult;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.CurrentState;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** What posts and comments share: an author, Markdown text, a status, vote tallies and an edit version. */
@MappedSuperclass
public abstract class AuthoredContent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    /** Deleted by its author. */
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

    /** Safety notes screening or a moderator attached (cautions); shown beside the text. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "safety_notices", nullable = false)
    public String[] safetyNotices = new String[0];

    /** Screening's advice for red-flag symptoms the text describes; shown as an urgent-care box (V29). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "urgent_care", nullable = false)
    public String[] urgentCare = new String[0];

    /** "post" or "comment", for messages. */
    protected String noun() {
        return contentKind().name().toLowerCase(Locale.ROOT);
    }

    public abstract ContentKind contentKind();

    /** Whether the public may see it (and reply to it). */
    public boolean isVisible() {
        return Visibility.toReaders(status, deleted);
    }

    /**
     * Whether this reader may also see what the public may not, such as versions held for review or replaced by a
     * moderator: its author and moderators may.
     */
    public boolean showsUnpublishedTo(CurrentMember reader) {
        return reader.isModerator() || reader.isLoggedIn() && isAuthoredBy(reader.get());
    }

    public boolean isAuthoredBy(Member member) {
        return author != null && member != null && author.id.equals(member.id);
    }

    /** Stores screening's notices, urgent-care advice apart; HOLD keeps it from the public until a moderator approves it. */
    void applyScreening(ScreeningResult screened) {
        safetyNotices = screened.safetyNotes().toArray(String[]::new);
        urgentCare = screened.urgentCare().toArray(String[]::new);
        if (screened.verdict() == ScreeningAction.HOLD) {
            status = ContentStatus.PENDING_REVIEW;
        }
    }

    void requireAuthor(Member member, String action) {
        if (!isAuthoredBy(member)) {
            throw new NotAllowedException("Only the author of a " + noun() + " can " + action + " it.");
        }
    }

    /**
     * An edit names the version it was based on. If it changed since, nothing is saved and the conflict carries
     * the current state, so the member can reconcile their text with it.
     */
    void requireVersion(Integer editedVersion, Supplier<CurrentState> currentView) {
        if (editedVersion == null) {
            throw new InvalidInputException("version", "the version you are editing is required");
        }
        if (editedVersion != version) {
            throw new ConflictException("This " + noun() + " was changed since you opened it (you edited version "
                    + editedVersion + ", it is now version " + version + "). Nothing was saved.", currentView.get());
        }
    }
}
