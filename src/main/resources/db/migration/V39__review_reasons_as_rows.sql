-- A review item's reasons as rows (issue 15), one per screening match or member flag, in the order they came. They were
-- lines of one text column ("rule-code (what it looks for): \"excerpt\"", "flag: Spam") that every reader parsed back.

create table review_reason (
    review_item_id bigint      not null references review_item (id) on delete cascade,
    position       integer     not null,
    -- RULE: a screening rule (or the screening model) matched; FLAG: a member flagged it; NOTE: a reason in words as it
    -- is shown (what replaces the reasons of an erased author's content, and old lines of neither form).
    kind           varchar(4)  not null check (kind in ('RULE', 'FLAG', 'NOTE')),
    rule           varchar(60),
    flag_reason    varchar(20) check (flag_reason in ('UNSAFE_ADVICE', 'IGNORES_RED_FLAGS', 'SPAM', 'HARASSMENT',
                                                      'OFF_TOPIC', 'OTHER')),
    -- RULE: what the rule looks for (the screening model: what it read the sentence as); NOTE: the reason in words.
    label          text,
    -- RULE: the words that matched; null when there are none (a new member's first post).
    excerpt        text,
    primary key (review_item_id, position),
    check ((kind = 'RULE') = (rule is not null)),
    check ((kind = 'FLAG') = (flag_reason is not null)),
    check (kind = 'FLAG' or label is not null)
);

-- Each line as the application read it: split on line breaks, a rule's line by the same pattern, a flag by its reason's
-- label (the labels of FlagReason); a flag line with more after the label (a note, in early versions) stays as it read.
insert into review_reason (review_item_id, position, kind, rule, flag_reason, label, excerpt)
select r.id, l.position,
       case when m.parts is not null then 'RULE' when f.reason is not null then 'FLAG' else 'NOTE' end,
       m.parts[1], f.reason,
       case when m.parts is not null then m.parts[2]
            when f.reason is not null then null
            when l.line like 'flag: %' then 'Flagged by a member: ' || substr(l.line, 7)
            else l.line end,
       case when m.parts[3] ~ '^\s*$' then null else m.parts[3] end
from review_item r
cross join lateral unnest(string_to_array(r.reasons, E'\n')) with ordinality as l(line, position)
cross join lateral (select regexp_match(l.line, '^([a-z0-9-]+) \((.*)\): "(.*)"$') as parts) m
left join (values ('UNSAFE_ADVICE', 'Unsafe advice'), ('IGNORES_RED_FLAGS', 'Ignores red-flag symptoms'),
                  ('SPAM', 'Spam'), ('HARASSMENT', 'Harassment'), ('OFF_TOPIC', 'Off-topic'),
                  ('OTHER', 'Something else')) as f(reason, label)
       on m.parts is null and l.line = 'flag: ' || f.label;

alter table review_item drop column reasons;
