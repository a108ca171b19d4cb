-- Safety screening: rules are data, edited by moderators. See moderation/ScreeningEngine for the pattern language:
-- one pattern per line; "&" joins clauses that must all match in one sentence; a clause is terms in order, each
-- within N tokens of the previous (default 3, "~N" to change); a term is alternatives a|b, word* (prefix),
-- or @list. Words are compared after stemming, so "taking", "takes" and "took"... match their stems.

create table screening_word_list (
    name  varchar(40) primary key check (name ~ '^[a-z][a-z0-9_]*$'),
    words text        not null
);

create table screening_rule (
    id               bigserial primary key,
    code             varchar(60)  not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    category         varchar(20)  not null check (category in ('UNSAFE_ADVICE', 'RED_FLAG', 'SPAM')),
    subcategory      varchar(60)  not null,
    action           varchar(10)  not null check (action in ('NOTICE', 'FLAG', 'HOLD', 'BLOCK')),
    patterns         text         not null default '',
    exceptions       text         not null default '',
    negatable        boolean      not null default true,
    regex            varchar(1000),
    min_regex_hits   integer      not null default 1 check (min_regex_hits >= 1),
    condition_scope  varchar(1000),
    notice           text         not null,
    enabled          boolean      not null default true,
    version          integer      not null default 0,
    updated_at       timestamptz  not null default now(),
    check (patterns <> '' or regex is not null)
);

insert into screening_word_list (name, words) values
('bladder', 'bladder bowel bowels urine pee peeing wee weeing poo pooing urinate urinating urination toilet'),
('saddle', 'groin saddle genital genitals bottom bum buttock buttocks perineum crotch anus privates'),
('numbness', 'numb numbness numbed tingling tingly pins needles dead'),
('weak', 'weak weakness weaker weakening buckle buckles buckled gave'),
('cancer', 'cancer cancers tumour tumor tumours tumors chemo chemotherapy radiotherapy oncologist malignant metastatic lymphoma leukaemia leukemia myeloma'),
('height', 'ladder stairs staircase roof horse height scaffold scaffolding balcony tree wall cliff'),
('drug', 'antidepressant antidepressants sertraline ibuprofen advil motrin nurofen naproxen aleve diclofenac voltaren nsaid nsaids paracetamol acetaminophen tylenol panadol codeine tramadol oxycodone oxy oxycontin percocet hydrocodone vicodin morphine fentanyl opioid opioids opiate gabapentin pregabalin lyrica cyclobenzaprine flexeril methocarbamol tizanidine diazepam valium xanax benzo benzos amitriptyline duloxetine steroid steroids prednisone prednisolone painkiller painkillers relaxant relaxants pill pills tablet tablets meds medication medications medicine prescription prescriptions dose doses dosage capsule capsules'),
('pill', 'pill pills tablet tablets capsule capsules meds medication medications medicine prescription prescriptions painkiller painkillers'),
('alcohol', 'alcohol wine beer beers booze vodka whisky whiskey gin rum'),
('person', 'husband wife partner boyfriend girlfriend friend friends brother sister son daughter dad father mom mum mother roommate flatmate someone somebody neighbour neighbor spouse family kid kids uncle aunt cousin'),
('relative', 'husband wife partner friend friends brother sister son daughter dad father mom mum mother roommate neighbour neighbor grandma grandpa'),
('health_pro', 'doctor doctors gp physician physio physiotherapist physiotherapy therapist pt chiropractor chiro osteopath surgeon nurse pharmacist specialist consultant clinic hospital rheumatologist neurologist'),
('symptom', 'numb numbness numbing tingling bladder bowel bowels incontinent incontinence saddle groin weakness weak fever chills urine'),
('condition', 'disc discs herniation herniated sciatica scoliosis fibromyalgia fibro stenosis spine spinal arthritis back'),
('care', 'doctor doctors gp er hospital emergency ambulance physician');

insert into screening_rule (code, category, subcategory, action, patterns, exceptions, negatable, notice) values
-- ---------------------------------------------------------------- red-flag symptoms: always an urgent-care notice
('red-flag-bladder-bowel', 'RED_FLAG', 'bladder or bowel control', 'NOTICE',
 'lost|lose|losing|loss|no|can''t|cannot|couldn''t|trouble|difficulty control|controlling bladder|bowel*|pee*|urin*
lost|lose|losing|loss|no|can''t|cannot control of|over my|your|the bladder|bowel*
lost|lose|losing|loss bladder|bowel* control ~2
incontinen*
wet|wetting|soiled|peed|pooed myself ~1
can''t|cannot|couldn''t|didn''t|don''t feel when|if i need|needed pee|urinat*|poo*
trouble|difficulty|problem|problems start*|starting pee|urinat* ~3
@bladder & can''t|cannot|couldn''t|unable|lost|losing|lose|leak*|accident*|hold|control|tell|full ~0',
 'red flag ~1
if|whenever|unless you ~1
asked|checked if|whether|for ~3', true,
 'Loss of bladder or bowel control with back pain can mean a nerve emergency (cauda equina syndrome). Go to an emergency department now.'),
('red-flag-saddle-numbness', 'RED_FLAG', 'saddle or groin numbness', 'NOTICE',
 'numb* groin|saddle|genital*|genitals|bottom|buttock*|perineum|crotch|anus ~5
groin|saddle|genital*|genitals|crotch|perineum numb* ~4
numb* between my legs ~2
numb* inner thigh* ~4
numb* when i wipe ~4
@numbness & @saddle
@numbness & where i sit ~1',
 'red flag ~1
if|whenever|unless you ~1
asked|checked if|whether|for ~3
cross legged ~0', true,
 'Numbness in the groin, genitals or around the bottom ("saddle" area) with back pain needs emergency care today.'),
('red-flag-both-legs', 'RED_FLAG', 'both legs affected', 'NOTICE',
 'both|two legs|feet numb*|weak*|tingl*|heavy|dead ~4
numb*|weak*|tingl*|heavy in|on both legs|feet ~3
both|two legs|feet ~2 & @numbness|@weak
legs are|feel|feeling both ~2 & @numbness|@weak',
 'red flag ~1
if|whenever|unless you ~1
tired after ~1
asked|checked if|whether|for ~3', true,
 'Numbness or weakness in both legs with back pain needs urgent medical assessment today.'),
('red-flag-progressive-weakness', 'RED_FLAG', 'progressive leg weakness or foot drop', 'NOTICE',
 'foot drop ~0
drop foot ~0
foot slap*|drag*|flop* ~3
can''t|cannot|couldn''t lift|raise my foot|toes ~2
leg|legs|foot getting|keeps|keep|is|are weaker ~3
leg|legs gave|gives|giving|keeps out|way ~3
weaker every|each day|week ~2
weakness that|which keeps|is getting worse|weaker ~4
weakness getting|keeps worse ~4
foot|feet & flop*|drop*|drag*|slap*
leg|legs & weaker|weakening|buckl*',
 'red flag ~1
if|whenever|unless you ~1
asked|checked if|whether|for ~3', true,
 'Leg weakness that is getting worse, or a foot that drops or drags, needs urgent medical assessment.'),
('red-flag-fever-weight-loss', 'RED_FLAG', 'fever or unexplained weight loss', 'NOTICE',
 'fever|chills|feverish|temperature & back|spine|spinal
night sweats ~0
unexplain*|unintention*|unexpect* weight loss ~2
lost|losing weight|kilos|kg|pounds|lbs|stone without trying ~4
lost|losing weight|kilos|kg|pounds|lbs & unexplain*|unintention*
stone|kilos|kg|pounds|lbs|weight & without trying ~1
dropped|lost weight|stone|kilos|kg|pounds|lbs & unexplain*|unintention*|trying',
 'normal
unrelated|flu|cold|covid
red flag ~1
if|whenever|unless you ~1
purpose|purposely|diet|dieting', true,
 'Back pain with fever, chills or weight loss you cannot explain should be checked by a doctor urgently.'),
('red-flag-cancer-history', 'RED_FLAG', 'history of cancer', 'NOTICE',
 'i|i''ve|i''d had|have|with cancer ~3
history of cancer ~3
cancer before|survivor|history ~1
cancer & new|now|since back|spine|spinal|pain
@cancer & back|spine|spinal|vertebra*|bones',
 'screening|screen|clear
dad|mum|mom|mother|father|brother|sister|friend|grandma|grandpa|aunt|uncle|remission
red flag ~1
if|whenever|unless you ~1', true,
 'New back pain after cancer needs to be checked by your doctor promptly, even if it seems mechanical.'),
('red-flag-major-trauma', 'RED_FLAG', 'pain after major trauma', 'NOTICE',
 'fell|fall|fallen|falling off|from|down ladder|stairs|roof|horse|height|bike|scaffold* ~3
car|motorcycle|motorbike|bike|traffic|road|skiing accident|crash|collision ~1
crash* my car|bike|motorcycle ~2
hit|knocked by a car|bus|truck|van ~3
fell|fall|fallen|falling & from|off @height ~3',
 'years|decades ago ~1
red flag ~1
if|whenever|unless you ~1', true,
 'Back pain after a fall, crash or other major injury should be examined by a doctor to rule out a fracture.'),
('red-flag-night-pain', 'RED_FLAG', 'severe night pain', 'NOTICE',
 'worst|severe|terrible|unbearable at|during night ~2 & nothing|unrelieved|matter
night pain & unrelieved|relieved|nothing|mechanical
severe night pain ~1
awake all night ~2 & matter|nothing
wake|waking up every night with severe|terrible ~4
pain|ache keeps me awake all night ~4
sleep & not mechanical ~0
sleep & unrelieved
night & unbearable|excruciating|agony & nothing|unrelieved
night & nothing i do helps ~3',
 'eases|ease|better when|if|after ~1
chang* position ~1
red flag ~1
if|whenever|unless you ~1', true,
 'Severe back pain at night that rest and changing position do not ease should be checked by a doctor.'),

-- ---------------------------------------------------------------- unsafe advice
('unsafe-dosing', 'UNSAFE_ADVICE', 'medication dosing', 'HOLD',
 'double|triple|twice|extra|max|handful @drug ~4
double|triple up on ~1
more than the|what label|box|leaflet|recommended|prescribed ~3
take|taking|took @drug every hour|hours ~5
crush @pill ~3
take|taking|took them all at once ~3
as many|much @drug as ~3
@drug & harmless',
 '@health_pro said|told|advised|recommended|prescribed|says ~3
as directed|prescribed ~1
as the box|label|leaflet says ~1
checked|check|asked|ask & @health_pro', true,
 'Medication doses and combinations should come from a doctor or pharmacist: too much can damage the stomach, liver or kidneys.'),
('unsafe-mixing', 'UNSAFE_ADVICE', 'mixing medication', 'HOLD',
 '@drug & @alcohol
mix*|combin*|together @drug @drug ~4
combin*|mix* @drug and|with @drug ~4
@drug and|with @drug together ~4',
 '@health_pro said|told|advised|recommended|warned|says ~4
normal|usual dose|doses ~1
as directed ~1', true,
 'Mixing medicines with each other or with alcohol can be dangerous. Ask a pharmacist before combining anything.'),
('unsafe-sharing-prescriptions', 'UNSAFE_ADVICE', 'sharing prescription drugs', 'HOLD',
 'send|give|share|sell|lend|borrow|spare|mail|post @drug ~6
@relative @drug ~2
someone|somebody|anyone|anybody else @drug ~3
leftover|spare @drug ~3
gave|give|sold me her|his|their|some @drug ~3
@drug & send|post|mail|give|sell|share|lend|spare you|some ~2
get you @drug ~2
some of mine ~1',
 'pharmacy|pharmacist
prescribed to me ~2
my own prescription ~1', true,
 'Never take or share prescription medicines that were not prescribed to you: doses and interactions are specific to each person.'),
('unsafe-untrained-traction', 'UNSAFE_ADVICE', 'untrained traction or manipulation', 'FLAG',
 '@person pull|pulls|yank*|tug*|crack* legs|leg|ankles|ankle|feet|back|spine|neck ~5
@person walk|walks|stand|stands|jump* on back|spine ~5
@person lift|lifts|lifting you from behind ~4
hang*|hanging upside down ~1
hang*|hanging from bar|door*|frame|doorway|beam ~3
twist*|crack*|pop* neck|back|spine hard|until ~4
pull* disc back in ~3
pop|crack disc in|into ~3',
 'supervis*|clinic|@health_pro|trained|professional|hospital', true,
 'Traction or manipulation by someone untrained can injure a herniated disc or nerves. See a trained professional first.'),
('unsafe-stopping-treatment', 'UNSAFE_ADVICE', 'stopping prescribed treatment', 'HOLD',
 'stop|stopping|quit|ditch|throw|skip|dump @drug|antibiotic*|thinner*|physio|treatment ~4
don''t bother with @drug|antibiotic*|physio|treatment ~4
cold turkey ~0
stop|stopped|stopping|quit|ditch|forget|skip @drug|physio*|treatment & overnight|suddenly|too|just
forget|ditch|skip your @drug|physio*|treatment|meds ~3',
 '@health_pro said|told|advised|reduced|took|switched|recommended|agreed ~4
by the|my @health_pro ~2
before my|the surgery|operation|procedure ~4
i|we learned|decided|managed|planned|agreed to stop|quit ~3
every|each|next|bus stop ~0', true,
 'Do not stop prescribed treatment without talking to the doctor who prescribed it; some medicines must be tapered.'),
('unsafe-dismissing-red-flags', 'UNSAFE_ADVICE', 'dismissing red-flag symptoms', 'HOLD',
 '@symptom|drop|@numbness & nothing to worry|panic ~2
@symptom & is|it''s|are normal ~2
@symptom & wait it out ~2
@symptom|drop & ignore*
@symptom|@numbness & will|it''ll|it pass|passes ~2
@symptom|legs|numb* & don''t|no|skip|never|needn''t @care ~5
@symptom & overreact*
@symptom|legs & just rest ~2
@symptom & send you home ~2
@symptom|numb*|@numbness & nothing serious ~1
@symptom|numb*|@numbness|@saddle & just sciatica|nerve ~2
@numbness|@symptom & normal|nothing|waste ~6 & doctor|doctor''s|gp|er|hospital',
 '@health_pro said|told|says ~3
@relative|he|she|they|i ignored ~1', false,
 'Red-flag symptoms such as numbness in the groin, loss of bladder control or leg weakness need urgent medical care. Please do not wait them out.'),
('unsafe-heat-cold', 'UNSAFE_ADVICE', 'dangerous heat or cold use', 'FLAG',
 'sleep|asleep|sleeping heat*|heating|hot|electric pad|bottle|blanket|pack ~6
heat*|heating|hot pad|pack|bottle|blanket & overnight
heat*|heating|hot pad|pack|bottle|blanket all night ~5
heat*|heating pad|pack & numb
heat*|heating pad|pack highest|high ~4
ice|cold directly|bare ~4
ice|cold & until numb*
ice|cold until you can''t feel ~4
ice|cold for|an hour|hours ~3
heat*|heating pad|pack|blanket & sleep|asleep|max|maximum|highest
ice|cold & straight|directly|bare ~6
ice & hour|hours',
 'timer|towel|cloth|wrapped|minutes
don''t fall asleep ~1', true,
 'Do not sleep on a heating pad or use heat on numb skin, and wrap ice in a cloth for 15-20 minutes at most: burns and frostbite happen without you feeling them.'),
('unsafe-miracle-cure', 'UNSAFE_ADVICE', 'miracle cure claims', 'FLAG',
 'guarantee* cure*|heal*|fix*|result* ~4
cure*|heal*|fix* & forever|permanently|guarantee*|overnight
cure*|heal* @condition in|within days|weeks ~5
miracle cure|cures ~0
complete*|fully|totally revers* ~2
gone forever ~0
heal*|cure* & throw|ditch',
 '', true,
 'No product cures back conditions overnight. Be wary of guarantees, and talk to a professional before paying for one.');

-- ---------------------------------------------------------------- spam
insert into screening_rule (code, category, subcategory, action, patterns, exceptions, negatable, regex, min_regex_hits, notice) values
('spam-link-farm', 'SPAM', 'link farm', 'BLOCK', '', '', false,
 '(https?://|www\.)[^\s]+', 3,
 'This looks like a list of links. Posts with many links are not accepted.'),
('spam-commercial', 'SPAM', 'commercial offer', 'BLOCK',
 'buy|order|shop|purchase cheap|online|now|today|discount* ~3
order now|today|online ~1
cheap|discount* @drug|viagra|cialis ~2
no|without prescription needed|required ~2
no|without prescription & buy|order|shipping|delivery|cheap
dm|message|contact|email|whatsapp|telegram|text|call me|us for deal*|discount*|price*|wholesale|code*|offer* ~5
whatsapp|telegram|instagram & deal*|discount*|price*|offer*|order*
coupon|promo|discount code|codes ~1
limited time offer|deal ~1
special offer|discount*|promo*|deal* ~1
percent off ~1
free shipping|delivery|trial ~1
exclusive deal*|offer* ~1
click here|link ~1
link in my bio ~2
earn|make money online|fast ~2
earn|make week|month|day from|at home ~4
guaranteed return*|profit* ~1
investment opportunity ~1
best price* ~1
wholesale price*|order* ~1
discreet shipping|delivery|packaging ~1
book now save ~3
for the price of ~0
affiliate link* ~1
subscribe to my & off|discount*
earn|make thousands|money & month|week|day|home
details|link|links on|in my profile|bio ~2
no|without prescription & dm|message|contact|whatsapp|telegram|text
unbeatable|lowest price*|prices ~1
shop now ~0
this weekend only ~1
use code ~1',
 '', false, '\b\d{1,3}\s?%\s?off\b', 1,
 'This looks like advertising. Backstory does not accept commercial offers or contact-me-for-deals posts.');
update screening_rule set regex = '\b([3-9]\d{3}|\d{5})\s?mg\b' where code = 'unsafe-dosing';
