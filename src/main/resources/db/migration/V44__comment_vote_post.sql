-- Issue 18: a member's view of a thread reads their votes on its comments. Looked up by comment, that was one index
-- probe per comment (300 on a long thread, most of the statement's time); with the comment's post on the vote, it is
-- one range of an index on (member, post). The database sets it from the comment, so every writer stays as it was;
-- a comment never moves to another post.
alter table comment_vote add column post_id bigint;

create or replace function set_comment_vote_post() returns trigger language plpgsql as $$
begin
    new.post_id := (select post_id from comment where id = new.comment_id);
    return new;
end
$$;

create trigger comment_vote_post before insert on comment_vote
    for each row execute function set_comment_vote_post();

update comment_vote v set post_id = c.post_id from comment c where c.id = v.comment_id;
alter table comment_vote alter column post_id set not null;

-- Leads with the member, so it also serves what the old index on member_id alone did (a member's votes, erased with
-- their account).
create index comment_vote_member_post_idx on comment_vote (member_id, post_id);
drop index comment_vote_member_idx;
