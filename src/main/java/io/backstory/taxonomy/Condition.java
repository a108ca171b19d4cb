package io.backstory.taxonomy;

import java.util.Set;
import java.util.LinkedHashSet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A back condition posts are tagged with (herniated disc, sciatica, ...). Seeded by migration. */
@Entity
@Table(name = "condition")
public class Condition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "red_flags")
    public String redFlags;

    /** Other words people use for it ("slipped disc", "Advil"); unique across all conditions, ignoring case. */
    @ElementCollection
    @CollectionTable(name = "condition_synonym", joinColumns = @JoinColumn(name = "condition_id"))
    @Column(name = "synonym", nullable = false)
    public Set<String> synonyms = new LinkedHashSet<>();

    public static Condition findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
