-- Issue 19: the rule for advice that dismisses red-flag symptoms held warnings that do the opposite and send the
-- reader to care: "Don't ignore leg weakness, go to the doctor", "Skip the GP queue and head straight to the
-- emergency department", "Numbness between your legs is not normal", "You shouldn't wait it out". Its patterns name
-- "ignore", "normal", "just sciatica", "wait it out" and "skip ... GP" without negation (the rule is not negatable,
-- as "don't see a doctor" is itself a dismissal), so a warning's own "don't" cannot void them: these exceptions do,
-- in the clause they share with the match (moderation/RedFlagWarningsTest).
update screening_rule
   set exceptions = exceptions
           || E'\ndon''t|dont|never|not ignore* ~1'
           || E'\ndon''t|dont|never|not|shouldn''t|shouldnt wait|delay ~1'
           || E'\nnot|isn''t|isnt|aren''t|never normal|just|only ~1'
           || E'\nstraight|directly|immediately|asap|urgently @care|urgent ~3'
           || E'\ndon''t|dont|never sit|stay ~1 & hop*|home ~4',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-dismissing-red-flags';

-- The development sets' other benign holds, each by a cue the rule could not tell from advice: a label's limit
-- stated ("Max dose on this box is three a day"), a "dose" of exercise ("double dose of physio this week"), a warning
-- naming the harm ("mixing codeine and alcohol can slow your breathing"), a professional's check ("No fever, no night
-- pain, the GP ticked all of them off"; not "checked", as "your GP checked you, so ignore the numbness" is a dismissal).
update screening_rule
   set exceptions = exceptions
           || E'\nmax|maximum dose|doses is|are|says|said ~4'
           || E'\ndose|doses physio|physiotherapy|exercise*|stretch*|walk*|yoga|pilates|rest ~2',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-dosing';

update screening_rule
   set exceptions = exceptions || E'\ncan|could|may|will slow|stop|kill|damage|wreck|harm|hurt|depress ~2',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-mixing';

update screening_rule
   set exceptions = exceptions || E'\n@health_pro ticked|ruled ~3'
                               || E'\nhead|heading|rush|rushed @care|urgent ~4',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-dismissing-red-flags';
