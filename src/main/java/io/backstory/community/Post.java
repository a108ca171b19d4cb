package io.backstory.community;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.PostKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.backstory.taxonomy.Condition;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A story, question or tip, tagged with 1..n conditions and 0..n remedies with outcomes. Deleted: gone everywhere. */
@Entity
@Table(name = "post")
public class Post extends AuthoredContent {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "comment_count", nullable = false)
    public int commentCount;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_comment_id")
    public Comment acceptedComment;

    @ManyToMany
    @JoinTable(name = "post_condition", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "condition_id"))
    @jakarta.persistence.OrderBy("name")
    public Set<Condition> conditions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "post_remedy", joinColumns = @JoinColumn(name = "post_id"))
    public List<RemedyOutcome> remedies = new ArrayList<>();

    @Override
    public ContentKind contentKind() {
        return ContentKind.POST;
    }

    /** Conditions and remedy outcomes as lines of text, so that a tag change shows in the revision diff. */
    String revisionTags() {
        String conditionLines = conditions.stream().map(c -> "Condition: " + c.name).collect(Collectors.joining("\n"));
        String remedyLines = remedies.stream()
                .map(r -> "Remedy: " + r.remedy.name + (r.outcome == null ? "" : " (" + r.outcome.label.toLowerCase() + ")"))
                .collect(Collectors.joining("\n"));
        return remedyLines.isEmpty() ? conditionLines : conditionLines + "\n" + remedyLines;
    }
}
