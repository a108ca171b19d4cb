-- What the search index of each app instance (search/SearchIndex, Lucene) must read again: one row per post or
-- comment whose words or visibility changed. Numbered at commit (deferred triggers), so the numbers are nearly in
-- commit order; an instance remembers the numbers it has not seen yet below the highest it read (a transaction
-- still committing) and asks for them again. The post's visibility is checked again at search time for comments.
create sequence search_change_seq;
create table search_change (
    seq bigint primary key default nextval('search_change_seq'),
    post_id bigint,
    comment_id bigint,
    check ((post_id is null) <> (comment_id is null))
);

create function log_post_search_change() returns trigger language plpgsql as $$
begin
    insert into search_change (post_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end
$$;
create function log_comment_search_change() returns trigger language plpgsql as $$
begin
    insert into search_change (comment_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end
$$;
create constraint trigger post_search_change after insert or delete or update of search_vector, status, deleted, created_at
    on post deferrable initially deferred for each row execute function log_post_search_change();
create constraint trigger comment_search_change after insert or delete or update of search_vector, status, deleted, created_at
    on comment deferrable initially deferred for each row execute function log_comment_search_change();
