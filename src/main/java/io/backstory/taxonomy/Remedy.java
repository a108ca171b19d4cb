package io.backstory.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public static Remedy findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
