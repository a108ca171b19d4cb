package io.backstory.community;

import java.util.LinkedHashSet;
import java.util.Set;

import io.backstory.platform.content.ContentKind;
import io.backstory.taxonomy.Remedy;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A reply to a post or to another comment; may carry remedy tags (a tip in a comment counts as a tip). Deleted:
 * shown as "[deleted]" so that replies keep their place.
 */
@Entity
@Table(name = "comment")
public class Comment extends AuthoredContent {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    public Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Comment parent;

    @ManyToMany
    @JoinTable(name = "comment_remedy", joinColumns = @JoinColumn(name = "comment_id"),
            inverseJoinColumns = @JoinColumn(name = "remedy_id"))
    public Set<Remedy> remedies = new LinkedHashSet<>();

    @Override
    public ContentKind contentKind() {
        return ContentKind.COMMENT;
    }
}
