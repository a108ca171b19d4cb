-- Issue 18: each instance's search index (search/SearchIndex) keeps a comment only while readers see its post too,
-- so a change of a post's visibility (status, deletion) logs each of its comments as well, and the index ranks its
-- candidates without PostgreSQL checking their posts again.
create or replace function log_post_search_change() returns trigger language plpgsql as $$
begin
    insert into search_change (post_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    if tg_op = 'UPDATE' and (old.status, old.deleted) is distinct from (new.status, new.deleted) then
        insert into search_change (comment_id) select id from comment where post_id = new.id;
    end if;
    return null;
end
$$;
