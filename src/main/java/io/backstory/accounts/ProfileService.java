package io.backstory.accounts;

import java.time.Instant;
import java.util.List;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Public member profiles: pseudonymous handle, joined date, trust, "helped N", and their published writing. */
@ApplicationScoped
public class ProfileService {

    public record Profile(String handle, Instant memberSince, String trust, int helped, List<Written> posts,
            List<Written> comments) {
    }

    /** A post or comment on the profile: the post's title and where to read it. */
    public record Written(String title, String link, Instant createdAt, int score) {
    }

    private final EntityManager em;
    private final PageSizes pageSizes;

    public ProfileService(EntityManager em, PageSizes pageSizes) {
        this.pageSizes = pageSizes;
        this.em = em;
    }

    @Transactional
    public Profile profile(String handle) {
        Member member = Member.find("lower(handle) = lower(?1)", handle).firstResult();
        if (member == null) {
            throw new NotFoundException("Member '" + handle + "'");
        }
        return new Profile(member.handle, member.createdAt, member.trustLevel >= 1 ? "Basic member" : "New member",
                member.helpedCount, written("""
                        select p.title, '/posts/' || p.id as link, p.created_at, p.score from post p
                        where p.author_id = ?1 and %s
                        order by p.created_at desc limit ?2""".formatted(Visibility.toReadersSql("p")), member.id),
                written("""
                        select p.title, '/posts/' || p.id || '#c' || c.id as link, c.created_at, c.score from comment c
                        join post p on p.id = c.post_id
                        where c.author_id = ?1 and %s and %s
                        order by c.created_at desc limit ?2""".formatted(Visibility.toReadersSql("c"), Visibility.toReadersSql("p")),
                        member.id));
    }

    private List<Written> written(String sql, long memberId) {
        return NamedRow.all(em.createNativeQuery(sql, Tuple.class).setParameter(1, memberId).setParameter(2, pageSizes.profileWritings())).stream()
                .map(r -> new Written(r.text("title"), r.text("link"), r.instant("created_at"), (int) r.number("score")))
                .toList();
    }
}
