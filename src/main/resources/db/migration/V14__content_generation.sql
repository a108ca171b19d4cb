-- A counter that moves whenever something readers see changes (content, tags, moderation, names), but not on votes.
-- Cached read models (platform/cache/ReadCache) are keyed by it, so every app instance stops serving a cached page
-- as soon as any instance commits a change; vote tallies in a cached page are bounded by the cache's lifetime.
-- The triggers are deferred to commit time, so a reader cannot cache the old state under the new number while the
-- writing transaction is still open.
create sequence content_generation;

create function bump_content_generation() returns trigger language plpgsql as $$
begin
    perform nextval('content_generation');
    return null;
end
$$;

create constraint trigger post_content_generation
    after insert or delete or update of kind, title, body_html, status, deleted, author_id, edited_at,
        accepted_comment_id, safety_notices on post
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger comment_content_generation
    after insert or delete or update of body_html, status, deleted, author_id, edited_at, safety_notices on comment
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger post_condition_content_generation after insert or delete or update on post_condition
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger post_remedy_content_generation after insert or delete or update on post_remedy
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger comment_remedy_content_generation after insert or delete or update on comment_remedy
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger member_content_generation after delete or update of handle on member
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger condition_content_generation after insert or delete or update on condition
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger remedy_content_generation after insert or delete or update on remedy
    deferrable initially deferred for each row execute function bump_content_generation();
