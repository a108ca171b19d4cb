-- Members choose their pseudonymous handle at first login (until then it is derived from the login name).
alter table member add column handle_chosen boolean not null default false;
