-- Issue 18: a member's view of a thread lays fresh points over the members' shared render (community/MemberThread)
-- only where they changed since it was rendered, instead of reading every comment's tallies on every view (the
-- statement's largest part on a 300-comment thread). Each change of a comment's tallies is logged here with its post;
-- a view reads the changes of its post since the render (voting/VoteService.onPost). Rows are kept longer than any
-- render is (voting/TallyChanges trims them).
create table comment_tally_change (
    post_id    bigint      not null,
    comment_id bigint      not null,
    changed_at timestamptz not null default clock_timestamp()
);
create index comment_tally_change_post_idx on comment_tally_change (post_id, changed_at);
create index comment_tally_change_age_idx on comment_tally_change (changed_at);

create or replace function log_comment_tally_change() returns trigger language plpgsql as $$
begin
    insert into comment_tally_change (post_id, comment_id) values (new.post_id, new.id);
    return null;
end
$$;

create trigger comment_tally_change after update of upvotes, downvotes on comment
    for each row when (old.upvotes is distinct from new.upvotes or old.downvotes is distinct from new.downvotes)
    execute function log_comment_tally_change();
