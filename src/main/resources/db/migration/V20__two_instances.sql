-- Two or more app instances share this database; what each used to keep to itself is coordinated here.

-- Scheduled jobs run once per period across all instances (platform/jobs/ClusterJobs). An instance claims a run by
-- moving last_started_at forward in one UPDATE whose condition reads the database's clock, so two instances can
-- neither both claim one period nor disagree about the time; runs counts every claimed run.
create table scheduled_job (
    name text primary key,
    last_started_at timestamptz not null default '-infinity',
    last_finished_at timestamptz,
    last_instance text,
    last_result bigint,
    runs bigint not null default 0
);

-- The screening rules each instance compiles are keyed by this version (moderation/ScreeningService). A row, so an
-- instance that reads the new number also sees the rules committed with it and can never keep the old rules under
-- the new number; its numbers come from a sequence, so a number seen inside a transaction that then rolled back is
-- never given to other rules later.
create sequence screening_rules_version_number;
create table screening_rules_version (
    only_row boolean primary key default true check (only_row),
    version bigint not null
);
insert into screening_rules_version (version) values (nextval('screening_rules_version_number'));

create function bump_screening_rules_version() returns trigger language plpgsql as $$
begin
    update screening_rules_version set version = nextval('screening_rules_version_number');
    return null;
end
$$;

create trigger screening_rule_version after insert or update or delete or truncate on screening_rule
    for each statement execute function bump_screening_rules_version();
create trigger screening_word_list_version after insert or update or delete or truncate on screening_word_list
    for each statement execute function bump_screening_rules_version();

-- Synonyms are shown on cached condition and remedy pages; an edit of synonyms alone (the condition's own row
-- unchanged) moved no content generation (V14), so no instance dropped the cached pages until they expired.
create constraint trigger condition_synonym_content_generation
    after insert or delete or update on condition_synonym
    deferrable initially deferred for each row execute function bump_content_generation();
create constraint trigger remedy_synonym_content_generation
    after insert or delete or update on remedy_synonym
    deferrable initially deferred for each row execute function bump_content_generation();
