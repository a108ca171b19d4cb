package io.backstory.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public static Condition findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
