-- A generated community, set-based inside PostgreSQL (see benchmark/DatasetGenerator.java).
-- Placeholders ${...} are filled in by the generator; every random() draw follows setseed, on one connection, in
-- this order, so a seed always gives the same data. Rows are written with triggers and foreign-key checks off
-- (session_replication_role = replica): references are correct by construction, and what the triggers
-- maintain (ranks, search vectors) is computed set-based at the end with the same SQL functions.
-- Each step runs as one statement batch; the generator logs how long each took.

-- step: seed and session settings
select setseed(${seed});
set synchronous_commit = off;
set session_replication_role = replica;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

-- step: sentences from the vocabulary
create temp table gen_sentence_word as
select s as sentence, k, 1 + floor(power(random(), 2.2) * ${words})::int as word
from generate_series(1, 50000) s, generate_series(1, 16) k
where k <= 6 + (s * 7919) % 11;
create temp table gen_sentence (id int primary key, text text not null);
insert into gen_sentence
select sentence, upper(left(t, 1)) || substr(t, 2) || '.'
from (select x.sentence, string_agg(w.word, ' ' order by x.k) as t
      from gen_sentence_word x join gen_word w on w.rank = x.word group by x.sentence) s;

-- step: members
insert into member (id, oidc_subject, handle, trust_level, created_at, handle_chosen)
select g, 'generated-' || g, 'member' || g, 1, now() - interval '1200 days' * random(), true
from generate_series(1, ${members}) g;

-- step: post plan (authors, kinds, times, visibility)
create temp table gen_post as
select g as id,
       1 + floor(power(random(), 1.6) * ${members})::int as author_id,
       (array['STORY', 'STORY', 'STORY', 'STORY', 'STORY', 'QUESTION', 'QUESTION', 'QUESTION', 'TIP', 'TIP'])[1 + floor(random() * 10)::int] as kind,
       now() - interval '1095 days' * power(random(), 1.5) - interval '1 hour' as created_at,
       case when g = 1 or random() < 0.97 then 'PUBLISHED' when random() < 0.5 then 'HIDDEN' else 'REMOVED' end as status,
       g <> 1 and random() < 0.01 as deleted,
       3 + floor(random() * 7)::int as sentences,
       4 + floor(random() * 6)::int as title_words,
       round(random() * 2 * ${outcomes}::double precision / ${posts})::int as remedies,
       random() as quality
from generate_series(1, ${posts}) g;

-- step: post titles and bodies
create temp table gen_post_text as
select p.id,
       (select upper(left(t, 1)) || substr(t, 2) from (
            select string_agg(w.word, ' ' order by x.k) as t
            from (select k, 1 + floor(power(random(), 1.8) * ${words})::int as word
                  from generate_series(1, p.title_words) k where p.id > 0) x
            join gen_word w on w.rank = x.word) tt) as title,
       (select string_agg(s.text, ' ' order by x.k)
        from (select k, 1 + floor(random() * 50000)::int as sentence
              from generate_series(1, p.sentences) k where p.id > 0) x
        join gen_sentence s on s.id = x.sentence) as body
from gen_post p;

-- step: posts
insert into post (id, kind, title, body_markdown, body_html, author_id, status, deleted, created_at)
select p.id, p.kind, t.title, t.body, '<p>' || t.body || '</p>', p.author_id, p.status, p.deleted, p.created_at
from gen_post p join gen_post_text t on t.id = p.id;

-- step: conditions of posts (one, sometimes two; a few conditions far more common than others)
create temp table gen_condition as select id, row_number() over (order by id) as n from condition;
create temp table gen_remedy as select id, row_number() over (order by id) as n from remedy;
insert into post_condition (post_id, condition_id)
select distinct x.post_id, c.id
from (select p.id as post_id, case when p.id = 1 then 1 else 1 + floor(power(random(), 1.7) * (select count(*) from gen_condition))::int end as n
      from gen_post p
      union all
      select p.id, 1 + floor(random() * (select count(*) from gen_condition))::int
      from gen_post p where p.id <> 1 and random() < 0.15) x
join gen_condition c on c.n = x.n;

-- step: remedy outcomes (0 to 4 remedies a post, 2 on average; how often each helps depends on the condition)
insert into post_remedy (post_id, remedy_id, outcome)
select x.post_id, r.id,
       case when random() < 0.2 + 0.6 * (((x.condition_n * 7 + r.n * 13) % 11) / 10.0) then 'HELPED'
            when random() < 0.65 then 'NO_CHANGE' else 'WORSE' end
from (select p.id as post_id, k, floor(power(random(), 1.3) * (select count(*) from gen_remedy))::int as first,
             (select min(gc.n) from post_condition pc join gen_condition gc on gc.id = pc.condition_id
              where pc.post_id = p.id) as condition_n
      from gen_post p, generate_series(1, p.remedies) k) x
join gen_remedy r on r.n = 1 + (x.first + x.k) % (select count(*) from gen_remedy)
on conflict do nothing;

-- step: comment plan (heavy-tailed comments per post, threads up to 8 deep; post 1 has exactly 300)
create temp table gen_post_comments as
select id as post_id, power(random(), -0.7) as weight from gen_post;
create temp table gen_level as
select post_id, depth, cnt,
       sum(cnt) over (order by post_id, depth rows unbounded preceding) - cnt + 1 as first_id
from (select c.post_id, d as depth,
             case when d = 0 then c.total - (select coalesce(sum(floor(c.total * power(0.5, e) / 1.9921875)), 0)::int
                                              from generate_series(1, 7) e)
                  else floor(c.total * power(0.5, d) / 1.9921875)::int end as cnt
      from (select post_id, case when post_id = 1 then 300
                   else least(299, round(${comments} * weight / sum(weight) over ()))::int end as total
            from gen_post_comments) c, generate_series(0, 7) d) l
where cnt > 0;
create temp table gen_comment as
select l.first_id + i - 1 as id, l.post_id, l.depth,
       case when l.depth = 0 then null
            else parent.first_id + floor(random() * parent.cnt)::int end as parent_id,
       1 + floor(power(random(), 1.6) * ${members})::int as author_id,
       1 + floor(random() * 4)::int as sentences,
       random() as quality
from gen_level l
join lateral generate_series(1, l.cnt) i on true
left join gen_level parent on parent.post_id = l.post_id and parent.depth = l.depth - 1;

-- step: comments
insert into comment (id, post_id, parent_id, author_id, body_markdown, body_html, status, created_at, search_vector)
select c.id, c.post_id, c.parent_id, c.author_id, b.body, '<p>' || b.body || '</p>',
       case when c.post_id = 1 or random() < 0.98 then 'PUBLISHED' else 'HIDDEN' end,
       least(now(), p.created_at + interval '1 hour' * (c.depth + 1) + interval '3 days' * random()),
       setweight(to_tsvector('english', b.body), 'C')
from gen_comment c
join gen_post p on p.id = c.post_id
join lateral (select string_agg(s.text, ' ' order by x.k) as body
              from (select k, 1 + floor(random() * 50000)::int as sentence
                    from generate_series(1, c.sentences) k where c.id > 0) x
              join gen_sentence s on s.id = x.sentence) b on true;

-- step: remedies named in comments (one in ten comments is a tip)
insert into comment_remedy (comment_id, remedy_id)
select c.id, r.id
from gen_comment c
join gen_remedy r on r.n = 1 + (c.id::bigint * 31) % (select count(*) from gen_remedy)
where random() < 0.1;

-- step: votes on posts (heavy-tailed: most posts get a few, some get thousands)
create temp table gen_post_weight as
select id, author_id, quality, power(random(), -0.8) as weight from gen_post;
insert into post_vote (post_id, member_id, value, created_at)
select w.id, v.member_id, case when random() < 0.5 + 0.48 * w.quality then 1 else -1 end, now() - interval '1 day' * random()
from (select id, author_id, quality,
             least(${members} - 1, round(${post_votes} * weight / sum(weight) over ()))::int as n
      from gen_post_weight) w
join lateral (select 1 + (w.id::bigint * 7919 + j::bigint * 104729) % ${members} as member_id
              from generate_series(1, w.n) j) v on v.member_id <> w.author_id;

-- step: votes on comments
create temp table gen_comment_weight as
select id, post_id, author_id, quality, power(random(), -0.8) as weight from gen_comment;
-- post_id as migration V44's trigger sets it (triggers are off here)
insert into comment_vote (comment_id, post_id, member_id, value, created_at)
select w.id, w.post_id, v.member_id, case when random() < 0.5 + 0.48 * w.quality then 1 else -1 end, now() - interval '1 day' * random()
from (select id, post_id, author_id, quality,
             least(${members} - 1, round(${comment_votes} * weight / sum(weight) over ()))::int as n
      from gen_comment_weight) w
join lateral (select 1 + (w.id::bigint * 7919 + j::bigint * 104729) % ${members} as member_id
              from generate_series(1, w.n) j) v on v.member_id <> w.author_id;

-- step: tallies and ranks of posts (the rank trigger runs again from here on)
set session_replication_role = origin;
update post p set upvotes = coalesce(t.up, 0), downvotes = coalesce(t.down, 0), comment_count = coalesce(cc.n, 0)
from post p2
left join (select post_id, count(*) filter (where value = 1) as up, count(*) filter (where value = -1) as down
           from post_vote group by post_id) t on t.post_id = p2.id
left join (select post_id, count(*) as n from comment where status = 'PUBLISHED' and not deleted group by post_id) cc
       on cc.post_id = p2.id
where p.id = p2.id;

-- step: tallies and ranks of comments
update comment c set upvotes = coalesce(t.up, 0), downvotes = coalesce(t.down, 0)
from comment c2
left join (select comment_id, count(*) filter (where value = 1) as up, count(*) filter (where value = -1) as down
           from comment_vote group by comment_id) t on t.comment_id = c2.id
where c.id = c2.id;

-- step: search vectors of posts (title A, tags with synonyms B, body C: as refresh_post_search does per post)
with condition_words as (
    select pc.post_id, string_agg(c.name || ' ' || coalesce(cs.words, ''), ' ') as words
    from post_condition pc join condition c on c.id = pc.condition_id
    left join (select condition_id, string_agg(synonym, ' ') as words from condition_synonym group by condition_id) cs
           on cs.condition_id = c.id
    group by pc.post_id),
remedy_words as (
    select pr.post_id, string_agg(r.name || ' ' || coalesce(rs.words, ''), ' ') as words
    from post_remedy pr join remedy r on r.id = pr.remedy_id
    left join (select remedy_id, string_agg(synonym, ' ') as words from remedy_synonym group by remedy_id) rs
           on rs.remedy_id = r.id
    group by pr.post_id)
update post p set search_vector =
    setweight(to_tsvector('english', p.title), 'A')
    || setweight(to_tsvector('english', coalesce(cw.words, '') || ' ' || coalesce(rw.words, '')), 'B')
    || setweight(to_tsvector('english', p.body_markdown), 'C')
from post p2
left join condition_words cw on cw.post_id = p2.id
left join remedy_words rw on rw.post_id = p2.id
where p.id = p2.id;

-- step: helped counts (upvotes on each member's visible tips, as VoteService.recountHelped counts them)
update member m set helped_count = coalesce(t.n, 0)
from (select author_id, sum(upvotes) as n from (
          select p.author_id, p.upvotes from post p
          where p.status = 'PUBLISHED' and not p.deleted
            and (p.kind = 'TIP' or exists (select 1 from post_remedy r where r.post_id = p.id))
          union all
          select c.author_id, c.upvotes from comment c
          where c.status = 'PUBLISHED' and not c.deleted
            and exists (select 1 from comment_remedy r where r.comment_id = c.id)) tips
      group by author_id) t
where t.author_id = m.id;

-- step: evidence per condition and remedy (kept by triggers from here on)
call recount_evidence();

-- step: sequences past the generated ids
select setval('member_id_seq', (select max(id) from member));
select setval('post_id_seq', (select max(id) from post));
select setval('comment_id_seq', (select max(id) from comment));
