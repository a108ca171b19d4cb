package io.backstory.community;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.backstory.accounts.Member;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.Remedy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class PostService {

    /** Creates a published post; every tag is checked before anything is written. */
    @Transactional
    public Post create(PostRequest request, Member author) {
        Post post = new Post();
        post.kind = request.kind();
        post.title = request.title().strip();
        post.bodyMarkdown = request.body();
        post.author = author;
        for (int i = 0; i < request.conditions().size(); i++) {
            String slug = request.conditions().get(i);
            Condition condition = Condition.findBySlug(slug);
            if (condition == null) {
                throw new InvalidInputException("conditions[" + i + "]", "unknown condition '" + slug + "'");
            }
            post.conditions.add(condition);
        }
        List<PostRequest.RemedyTag> remedies = request.remedies() == null ? List.of() : request.remedies();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < remedies.size(); i++) {
            PostRequest.RemedyTag tag = remedies.get(i);
            Remedy remedy = Remedy.findBySlug(tag.remedy());
            if (remedy == null) {
                throw new InvalidInputException("remedies[" + i + "].remedy", "unknown remedy '" + tag.remedy() + "'");
            }
            if (!seen.add(remedy.slug)) {
                throw new InvalidInputException("remedies[" + i + "].remedy", "remedy '" + remedy.slug + "' is listed twice");
            }
            post.remedies.add(new RemedyOutcome(remedy, tag.outcome()));
        }
        post.persist();
        return post;
    }

    public Post findPublished(long id) {
        Post post = Post.findById(id);
        return post != null && post.status == ContentStatus.PUBLISHED ? post : null;
    }
}
