package io.backstory.platform.cache;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

/** The database's content generation (migration V14), read once per request however many cached parts a page has. */
@RequestScoped
public class ContentGeneration {

    private final EntityManager em;
    private Long current;

    public ContentGeneration(EntityManager em) {
        this.em = em;
    }

    public long current() {
        if (current == null) {
            current = ((Number) em.createNativeQuery("select last_value + (case when is_called then 1 else 0 end)"
                    + " from content_generation").getSingleResult()).longValue();
        }
        return current;
    }
}
