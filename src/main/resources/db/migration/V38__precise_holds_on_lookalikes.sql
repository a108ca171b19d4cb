-- Issue 19: on a blind set the rules held or blocked 12% of benign sentences; on a set of hard look-alikes written
-- for it (moderation/RuleLookalikesTest) 17.8%. Besides the engine's part (a hold needs advice addressed to someone,
-- moderation/AdviceVoice), the rules' data:
-- "Doc put me on a double dose", "Dr said I can": a doctor called so is a professional too.
update screening_word_list set words = words || ' doc docs dr'
 where name = 'health_pro';

-- A dose a professional set for the writer ("the consultant doubled my pregabalin", "my GP upped my naproxen"), and a
-- limit stated ("max 8 paracetamol in 24 hours", "the max for naproxen is 1000mg"), are no advice to take more.
update screening_rule
   set exceptions = exceptions || E'\n@health_pro doubled|tripled|upped|increased|raised|gave|prescribed|put my|me ~0'
                               || E'\nmax|maximum 1|2|3|4|5|6|7|8|9|10|12|one|two|three|four|five|six|seven|eight|of|for ~0',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-dosing';

-- Stopping with the professional's agreement: "the consultant wants me to stop the tramadol", "my physio discharged me".
update screening_rule
   set exceptions = replace(exceptions, '|agreed ~4', '|agreed|discharged ~4') || E'\n@health_pro wants|wanted|want me|us to ~0',
       version = version + 1,
       updated_at = now()
 where code in ('unsafe-stopping-treatment', 'unsafe-skipping-physio');

-- "My husband carries the shopping now": "shop" compared by stem matched the shopping; "shop now" has a line of its own.
update screening_rule
   set patterns = replace(patterns, 'buy|order|shop|purchase cheap|online|now|today|discount* ~3',
                                    'buy|order|purchase cheap|online|now|today|discount* ~3'),
       version = version + 1,
       updated_at = now()
 where code = 'spam-commercial';

-- Links to public health sites are reading, not a link farm: three NHS pages are not blocked, three shop links are.
update screening_rule
   set regex = '(https?://|www\.)(?!(?:[\w-]+\.)*(?:nhs\.uk|nhs\.scot|nhs\.wales|nice\.org\.uk|gov\.uk|nih\.gov|cdc\.gov|medlineplus\.gov|who\.int|mayoclinic\.org|clevelandclinic\.org|hopkinsmedicine\.org|versusarthritis\.org|arthritis\.org|spine-health\.com|csp\.org\.uk|patient\.info|healthdirect\.gov\.au)(?:[/:?#\s]|$))[^\s]+',
       version = version + 1,
       updated_at = now()
 where code = 'spam-link-farm';
