package io.backstory.feeds;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.NamedRow;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.Remedy;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Atom feeds (written with Rome) of the newest published posts: site-wide, per condition, per remedy. */
@ApplicationScoped
public class FeedService {

    private final EntityManager em;
    private final TagResolver tags;

    private final PageSizes pageSizes;

    public FeedService(EntityManager em, TagResolver tags, PageSizes pageSizes) {
        this.em = em;
        this.tags = tags;
        this.pageSizes = pageSizes;
    }

    @Transactional
    public String site(URI base) {
        return atom(base, "Backstory: new posts", "/", "/feeds/site.atom", "", null);
    }

    @Transactional
    public String condition(URI base, String slug) {
        Condition condition = tags.existingCondition(slug);
        return atom(base, "Backstory: " + condition.name, "/conditions/" + slug, "/conditions/" + slug + "/feed.atom",
                " and exists (select 1 from post_condition pc where pc.post_id = p.id and pc.condition_id = :tag)",
                condition.id);
    }

    @Transactional
    public String remedy(URI base, String slug) {
        Remedy remedy = tags.existingRemedy(slug);
        return atom(base, "Backstory: " + remedy.name, "/remedies/" + slug, "/remedies/" + slug + "/feed.atom",
                " and exists (select 1 from post_remedy pr where pr.post_id = p.id and pr.remedy_id = :tag)", remedy.id);
    }

    private String atom(URI base, String title, String page, String self, String filter, Long tagId) {
        Query query = em.createNativeQuery("""
                select p.id, p.title, p.body_html, m.handle, p.created_at, coalesce(p.edited_at, p.created_at) as updated_at
                from post p left join member m on m.id = p.author_id
                where """ + Visibility.toReadersSql("p") + filter
                + " order by p.created_at desc, p.id desc limit :limit", Tuple.class).setParameter("limit", pageSizes.feedEntries());
        if (tagId != null) {
            query.setParameter("tag", tagId);
        }
        List<NamedRow> rows = NamedRow.all(query);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setUri(base.resolve(self).toString());
        feed.setLink(base.resolve(page).toString());
        feed.setLinks(List.of(link(base.resolve(page), "alternate"), link(base.resolve(self), "self")));
        feed.setDescription("Experiences, not medical advice. For new, severe or worsening symptoms, see a professional.");
        List<SyndEntry> entries = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (NamedRow r : rows) {
            SyndEntry entry = new SyndEntryImpl();
            String url = base.resolve("/posts/" + r.number("id")).toString();
            entry.setUri(url);
            entry.setLink(url);
            entry.setTitle(r.text("title"));
            // A person rather than setAuthor(), which never replaces a value, so XmlText can clean the handle.
            entry.setAuthors(List.of(author(r.text("handle") == null ? "former member" : r.text("handle"))));
            entry.setPublishedDate(Date.from(r.instant("created_at")));
            Instant updated = r.instant("updated_at");
            entry.setUpdatedDate(Date.from(updated));
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(r.text("body_html")); // sanitised when saved
            entry.setContents(List.of(content));
            entries.add(entry);
            newest = updated.isAfter(newest) ? updated : newest;
        }
        feed.setEntries(entries);
        feed.setPublishedDate(Date.from(newest));
        XmlText.clean(feed);
        try {
            StringWriter out = new StringWriter();
            new SyndFeedOutput().output(feed, out);
            return out.toString();
        } catch (FeedException | java.io.IOException e) {
            throw new IllegalStateException("Could not write the feed " + self, e);
        }
    }

    private static SyndPerson author(String handle) {
        SyndPerson author = new SyndPersonImpl();
        author.setName(handle);
        return author;
    }

    private static SyndLink link(URI href, String rel) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href.toString());
        link.setRel(rel);
        return link;
    }
}
