package io.backstory.taxonomy;

import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What conditions and remedies share: a slug for addresses, a name, a description and synonyms. */
@MappedSuperclass
public abstract class TaxonomyTag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Other words people use for it ("slipped disc", "Advil"); unique within its family, ignoring case. */
    abstract Set<String> synonyms();
}
