-- Evidence (how each remedy fared per condition) kept as counts that change with the posts, so condition and remedy
-- pages read a few dozen rows instead of aggregating every report of a condition on each view.
create table condition_remedy_evidence (
    condition_id bigint  not null references condition (id) on delete cascade,
    remedy_id    bigint  not null references remedy (id) on delete cascade,
    helped       integer not null default 0 check (helped >= 0),
    no_change    integer not null default 0 check (no_change >= 0),
    worse        integer not null default 0 check (worse >= 0),
    primary key (condition_id, remedy_id)
);
create index condition_remedy_evidence_remedy_idx on condition_remedy_evidence (remedy_id);

-- What a post currently reports, if it is published, optionally only for one condition or one remedy.
create function post_evidence(target bigint, only_condition bigint, only_remedy bigint)
    returns table (condition_id bigint, remedy_id bigint, helped bigint, no_change bigint, worse bigint)
    language sql stable as $$
    select pc.condition_id, pr.remedy_id,
           count(*) filter (where pr.outcome = 'HELPED'),
           count(*) filter (where pr.outcome = 'NO_CHANGE'),
           count(*) filter (where pr.outcome = 'WORSE')
    from post p
    join post_remedy pr on pr.post_id = p.id and pr.outcome is not null
    join post_condition pc on pc.post_id = p.id
    where p.id = target and p.status = 'PUBLISHED' and not p.deleted
      and (only_condition is null or pc.condition_id = only_condition)
      and (only_remedy is null or pr.remedy_id = only_remedy)
    group by pc.condition_id, pr.remedy_id
    order by pc.condition_id, pr.remedy_id
$$;

-- Adds (delta = 1) or removes (delta = -1) what a post currently reports. Triggers call it with -1 before a change
-- (the old rows are still visible) and +1 after it. Removing is a plain update: an insert's proposed row would
-- already fail the checks on negative counts, even when it turns into an update. Rows go in key order, so that
-- concurrent posts cannot deadlock on them.
create function apply_evidence(target bigint, only_condition bigint, only_remedy bigint, delta integer)
    returns void language plpgsql as $$
begin
    if delta > 0 then
        insert into condition_remedy_evidence as e (condition_id, remedy_id, helped, no_change, worse)
        select * from post_evidence(target, only_condition, only_remedy)
        on conflict (condition_id, remedy_id) do update
            set helped = e.helped + excluded.helped, no_change = e.no_change + excluded.no_change,
                worse = e.worse + excluded.worse;
    else
        update condition_remedy_evidence e
        set helped = e.helped - d.helped, no_change = e.no_change - d.no_change, worse = e.worse - d.worse
        from post_evidence(target, only_condition, only_remedy) d
        where e.condition_id = d.condition_id and e.remedy_id = d.remedy_id;
    end if;
end
$$;

-- One trigger function for the three tables: before a row changes it subtracts what that row contributed, after the
-- change it adds what the row contributes now. A post entering or leaving the published state (moderation,
-- deletion) takes its reports with it. A deleted post's tags go by cascade after the post row, when apply_evidence
-- no longer finds the post published, so nothing is removed twice.
create function keep_evidence() returns trigger language plpgsql as $$
declare
    changed record;
    delta integer;
begin
    if tg_when = 'BEFORE' then
        changed := old;
        delta := -1;
    else
        changed := new;
        delta := 1;
    end if;
    if tg_table_name = 'post' then
        perform apply_evidence(changed.id, null, null, delta);
    elsif tg_table_name = 'post_condition' then
        perform apply_evidence(changed.post_id, changed.condition_id, null, delta);
    else
        perform apply_evidence(changed.post_id, null, changed.remedy_id, delta);
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger post_remedy_evidence_before before update or delete on post_remedy
    for each row execute function keep_evidence();
create trigger post_remedy_evidence_after after insert or update on post_remedy
    for each row execute function keep_evidence();
create trigger post_condition_evidence_before before update or delete on post_condition
    for each row execute function keep_evidence();
create trigger post_condition_evidence_after after insert or update on post_condition
    for each row execute function keep_evidence();
create trigger post_evidence_before before update of status, deleted or delete on post
    for each row execute function keep_evidence();
create trigger post_evidence_after after update of status, deleted on post
    for each row execute function keep_evidence();

-- Counts everything from scratch (this migration, and the benchmark's generated datasets).
create procedure recount_evidence() language sql as $$
    delete from condition_remedy_evidence;
    insert into condition_remedy_evidence (condition_id, remedy_id, helped, no_change, worse)
    select pc.condition_id, pr.remedy_id,
           count(*) filter (where pr.outcome = 'HELPED'),
           count(*) filter (where pr.outcome = 'NO_CHANGE'),
           count(*) filter (where pr.outcome = 'WORSE')
    from post p
    join post_remedy pr on pr.post_id = p.id and pr.outcome is not null
    join post_condition pc on pc.post_id = p.id
    where p.status = 'PUBLISHED' and not p.deleted
    group by pc.condition_id, pr.remedy_id;
$$;
call recount_evidence();

-- Best tips of a condition walk posts and comments from the best rank down (ties: newest first) and stop at a page.
create index post_tip_rank_idx on post (best_rank desc, created_at desc, id desc) where status = 'PUBLISHED' and not deleted;
create index comment_tip_rank_idx on comment (best_rank desc, created_at desc, id desc) where status = 'PUBLISHED' and not deleted;

-- Search ranks the newest matching comments (SearchService); a common word finds them walking this index back.
create index comment_created_idx on comment (created_at desc) where status = 'PUBLISHED' and not deleted;
