package io.backstory.taxonomy;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A back condition posts are tagged with (herniated disc, sciatica, ...). Seeded by migration. */
@Entity
@Table(name = "condition")
public class Condition extends TaxonomyTag {

    @Column(name = "red_flags")
    public String redFlags;

    @ElementCollection
    @CollectionTable(name = "condition_synonym", joinColumns = @JoinColumn(name = "condition_id"))
    @Column(name = "synonym", nullable = false)
    public Set<String> synonyms = new LinkedHashSet<>();

    @Override
    Set<String> synonyms() {
        return synonyms;
    }
}
