-- Votes and rankings. The ranks are kept on each row (maintained by a trigger on every insert and tally
-- change), so lists sort by an index instead of scanning votes. The formulas match voting/Ranking.java.

-- Best: lower bound of the Wilson score interval (95%) for the share of upvotes; 0 with no votes.
create function wilson_lower_bound(up integer, down integer) returns double precision
    language sql immutable strict parallel safe as $$
    select case when up + down = 0 then 0::double precision else
        ((up::double precision / (up + down)) + 1.96 ^ 2 / (2 * (up + down))
         - 1.96 * sqrt(((up::double precision / (up + down)) * (1 - up::double precision / (up + down))
                        + 1.96 ^ 2 / (4 * (up + down))) / (up + down)))
        / (1 + 1.96 ^ 2 / (up + down)) end
$$;

-- Hot: log10 of the score's size, signed, plus the creation time in units of 12.5 hours, so a post needs
-- ten times the score to rank level with one 12.5 hours younger.
create function hot_rank(score integer, created_at timestamptz) returns double precision
    language sql immutable strict parallel safe as $$
    select sign(score) * log(greatest(abs(score), 1)) + (extract(epoch from created_at) - 1735689600) / 45000
$$;

create function maintain_ranks() returns trigger language plpgsql as $$
begin
    new.score := new.upvotes - new.downvotes;
    new.best_rank := wilson_lower_bound(new.upvotes, new.downvotes);
    new.hot_rank := hot_rank(new.upvotes - new.downvotes, new.created_at);
    return new;
end
$$;

alter table post add column score integer not null default 0;
alter table post add column best_rank double precision not null default 0;
alter table post add column hot_rank double precision not null default 0;
alter table comment add column score integer not null default 0;
alter table comment add column best_rank double precision not null default 0;
alter table comment add column hot_rank double precision not null default 0;

create trigger post_ranks before insert or update of upvotes, downvotes, created_at on post
    for each row execute function maintain_ranks();
create trigger comment_ranks before insert or update of upvotes, downvotes, created_at on comment
    for each row execute function maintain_ranks();

update post set upvotes = upvotes;
update comment set upvotes = upvotes;

create index post_hot_idx on post (hot_rank desc, id desc) where status = 'PUBLISHED' and not deleted;
create index post_best_idx on post (best_rank desc, id desc) where status = 'PUBLISHED' and not deleted;
create index post_top_idx on post (score desc, id desc) where status = 'PUBLISHED' and not deleted;

-- "Helped N people": upvotes a member's tips received (tip posts, posts with remedy outcomes, comments
-- with remedy tags), kept up to date by the vote service.
alter table member add column helped_count integer not null default 0;
