-- Full-text search over posts and comments. A post's document weighs its title (A) over its condition and remedy
-- tags with all their synonyms (B) over its body (C), so "slipped disc" finds posts tagged herniated-disc.
create extension if not exists pg_trgm;

alter table post add column search_vector tsvector not null default ''::tsvector;
alter table comment add column search_vector tsvector not null default ''::tsvector;
create index post_search_idx on post using gin (search_vector);
create index comment_search_idx on comment using gin (search_vector);

-- Called after a post and its tags are written (tags live in other tables, so a row trigger cannot see them).
create procedure refresh_post_search(target bigint) language sql as $$
    update post p set search_vector =
        setweight(to_tsvector('english', p.title), 'A')
        || setweight(to_tsvector('english', coalesce((
               select string_agg(c.name || ' ' || coalesce((select string_agg(s.synonym, ' ')
                                                          from condition_synonym s where s.condition_id = c.id), ''), ' ')
               from post_condition pc join condition c on c.id = pc.condition_id where pc.post_id = p.id), '')
           || ' ' || coalesce((
               select string_agg(r.name || ' ' || coalesce((select string_agg(s.synonym, ' ')
                                                          from remedy_synonym s where s.remedy_id = r.id), ''), ' ')
               from post_remedy pr join remedy r on r.id = pr.remedy_id where pr.post_id = p.id), '')), 'B')
        || setweight(to_tsvector('english', p.body_markdown), 'C')
    where p.id = target;
$$;

create function comment_search_vector() returns trigger language plpgsql as $$
begin
    new.search_vector := setweight(to_tsvector('english', new.body_markdown), 'C');
    return new;
end
$$;
create trigger comment_search before insert or update of body_markdown on comment
    for each row execute function comment_search_vector();

do $$
declare p record;
begin
    for p in select id from post loop
        call refresh_post_search(p.id);
    end loop;
end
$$;
update comment set body_markdown = body_markdown;
