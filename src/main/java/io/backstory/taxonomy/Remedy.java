package io.backstory.taxonomy;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** Something people try for back pain (heat, walking, NSAIDs, ...), with an optional caution shown beside it. */
@Entity
@Table(name = "remedy")
public class Remedy extends TaxonomyTag {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemedyCategory category;

    public String caution;

    @ElementCollection
    @CollectionTable(name = "remedy_synonym", joinColumns = @JoinColumn(name = "remedy_id"))
    @Column(name = "synonym", nullable = false)
    public Set<String> synonyms = new LinkedHashSet<>();

    @Override
    Set<String> synonyms() {
        return synonyms;
    }
}
