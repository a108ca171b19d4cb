package io.backstory.taxonomy;

import java.util.Set;
import java.util.LinkedHashSet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something people try for back pain (heat, walking, NSAIDs, ...), with an optional caution shown beside it. */
@Entity
@Table(name = "remedy")
public class Remedy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemedyCategory category;

    @Column(nullable = false)
    public String description;

    public String caution;

    /** Other words people use for it ("slipped disc", "Advil"); unique across all remedys, ignoring case. */
    @ElementCollection
    @CollectionTable(name = "remedy_synonym", joinColumns = @JoinColumn(name = "remedy_id"))
    @Column(name = "synonym", nullable = false)
    public Set<String> synonyms = new LinkedHashSet<>();

    public static Remedy findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
