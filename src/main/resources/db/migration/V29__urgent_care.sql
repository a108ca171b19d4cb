-- Red-flag symptoms get an urgent-care box, apart from ordinary safety notes (issue 19, "red flags everywhere"): the
-- red-flag advice screening attached is kept in its own column. Earlier posts and comments move theirs there: the
-- notices of the red-flag rules, and the screening model's red-flag notice.
alter table post add column urgent_care text[] not null default '{}';
alter table comment add column urgent_care text[] not null default '{}';

create temporary table red_flag_notice (notice text primary key) on commit drop;
insert into red_flag_notice
select notice from screening_rule where category = 'RED_FLAG' and notice is not null
union
select 'What you describe can be a sign of a problem that needs a doctor soon. '
       || 'If it is new or getting worse, please get urgent medical care today.';

update post
   set urgent_care = array(select n from unnest(safety_notices) n where n in (select notice from red_flag_notice)),
       safety_notices = array(select n from unnest(safety_notices) n where n not in (select notice from red_flag_notice))
 where safety_notices && array(select notice from red_flag_notice);
update comment
   set urgent_care = array(select n from unnest(safety_notices) n where n in (select notice from red_flag_notice)),
       safety_notices = array(select n from unnest(safety_notices) n where n not in (select notice from red_flag_notice))
 where safety_notices && array(select notice from red_flag_notice);
