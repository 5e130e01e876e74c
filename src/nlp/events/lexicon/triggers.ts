/**
 * Event trigger lexicon: verbs, multi-word verb phrases and nouns mapped to PLOVER event type, mode
 * and a CAMEO code.
 *
 * Written for sitrep from the definitions in the PLOVER codebook and the CAMEO-to-PLOVER table
 * (Open Event Data Alliance, CC BY-SA 4.0); the word lists are our own, so this file is a derivative
 * of those definitions and is likewise offered under CC BY-SA 4.0 (see NOTICE.md).
 *
 * Line format: `phrase => TYPE[:mode][/cameo] [!flags]`
 * - phrase: the first word is a verb lemma (inflected automatically; irregular forms as
 *   `lemma|past|participle`) or, in NOUNS, a noun (plural added); further words must follow
 *   literally, `_` stands for at most two free words ("open _ fire" matches "opened heavy fire").
 * - flags: `!obj=with,on` prepositions that introduce the recipient (besides a direct object);
 *   `!noobj` no direct object; `!intent` the event is an announced intention (AGREE-like); `!weak`
 *   only counts when an argument is found.
 */

export const VERBS = `
agree => AGREE/030 !obj=with,to,on
pledge => AGREE/030 !obj=to
promise => AGREE/030 !obj=to
vow => AGREE/030
offer => AGREE/030 !obj=to
propose => AGREE/030 !obj=to
commit to => AGREE/030
accept => AGREE/030
sign up => AGREE/030
consent => AGREE/030 !obj=to
be ready to => AGREE/030
be willing to => AGREE/030
express willingness => AGREE/030
reach _ agreement => SUPPORT/057 !obj=with
reach _ deal => SUPPORT/057 !obj=with
strike|struck|struck _ deal => SUPPORT/057 !obj=with
reach _ accord => SUPPORT/057 !obj=with
reach _ compromise => SUPPORT/057 !obj=with
reach _ consensus => SUPPORT/057 !obj=with
invite => AGREE/036
meet|met|met => CONSULT:visit/040 !obj=with
visit => CONSULT:visit/042
host => CONSULT:visit/043
give|gave|given _ welcome => CONSULT:visit/043 !obj=to !weak
receive => CONSULT:visit/043 !weak
welcome => SUPPORT/051
consult => CONSULT/040 !obj=with
confer => CONSULT/040 !obj=with
discuss => CONSULT/040 !obj=with
negotiate => CONSULT/046 !obj=with
mediate => CONSULT/045 !obj=between
talk => CONSULT/040 !obj=with,to !noobj !weak
phone => CONSULT:phone/041
telephone => CONSULT:phone/041
call => CONSULT:phone/041 !weak
hold|held|held talks => CONSULT/040 !obj=with
hold|held|held _ talks => CONSULT/040 !obj=with
hold|held|held _ meeting => CONSULT/040 !obj=with
hold|held|held _ meetings => CONSULT/040 !obj=with
hold|held|held _ discussions => CONSULT/040 !obj=with
have|had|had _ discussions => CONSULT/040 !obj=with
attend => CONSULT/040
join|joined|joined forces => COOPERATE/060 !obj=with
hold|held|held _ consultations => CONSULT/040 !obj=with
discussions => CONSULT/040 !obj=with,between
support => SUPPORT/051 !obj=for,to,of !weak
solidarity => SUPPORT/051 !obj=with !weak
hold|held|held _ conversation => CONSULT:phone/041 !obj=with
have|had|had _ talks => CONSULT/040 !obj=with
have|had|had _ conversation => CONSULT:phone/041 !obj=with
have|had|had _ meeting => CONSULT/040 !obj=with
pay|paid|paid _ visit => CONSULT:visit/042 !obj=to
arrive in => CONSULT:visit/042
travel to => CONSULT:visit/042
praise => SUPPORT/051
commend => SUPPORT/051
hail => SUPPORT/051
applaud => SUPPORT/051
endorse => SUPPORT/051
back => SUPPORT/051 !weak
support => SUPPORT/051
congratulate => SUPPORT/051
thank => SUPPORT/051
defend => SUPPORT/052
recognize => SUPPORT/054
recognise => SUPPORT/054
apologize => SUPPORT/055 !obj=to
apologise => SUPPORT/055 !obj=to
forgive|forgave|forgiven => SUPPORT/056
sign _ agreement => SUPPORT/057 !obj=with
sign _ deal => SUPPORT/057 !obj=with
sign _ treaty => SUPPORT/057 !obj=with
sign _ accord => SUPPORT/057 !obj=with
sign _ pact => SUPPORT/057 !obj=with
sign _ memorandum => SUPPORT/057 !obj=with
sign => SUPPORT/057 !obj=with !weak
ratify => SUPPORT/057
approve => SUPPORT/051
express support => SUPPORT/051 !obj=for
express solidarity => SUPPORT/051 !obj=with
voice support => SUPPORT/051 !obj=for
cooperate => COOPERATE/060 !obj=with
collaborate => COOPERATE/060 !obj=with
share _ intelligence => COOPERATE/064 !obj=with
share _ information => COOPERATE/064 !obj=with
share _ evidence => COOPERATE/064 !obj=with
share _ expertise => COOPERATE/064 !obj=with
share _ technology => COOPERATE/064 !obj=with
exchange _ information => COOPERATE/064 !obj=with
extradite => COOPERATE/063 !obj=to
train => COOPERATE/062
conduct _ exercises => COOPERATE/062 !obj=with
hold|held|held _ exercises => COOPERATE/062 !obj=with
hold|held|held _ drills => COOPERATE/062 !obj=with
establish _ relations => SUPPORT/054 !obj=with
establish _ ties => SUPPORT/054 !obj=with
restore _ relations => SUPPORT/054 !obj=with
restore _ ties => SUPPORT/054 !obj=with
upgrade _ relations => SUPPORT/054 !obj=with
upgrade _ ties => SUPPORT/054 !obj=with
pledge _ support => SUPPORT/051 !obj=for,to
contribute => AID/070 !obj=to
give|gave|given => AID/070 !obj=to !weak
send|sent|sent => AID/070 !obj=to !weak
cancel => REJECT/120
call|called|called off => REJECT/120
order => REQUEST/100 !weak
issue _ warning => THREATEN/130 !obj=to
launch _ action => ACCUSE:allege/115 !obj=against
take|took|taken _ action => ACCUSE:allege/115 !obj=against
suspend _ aid => SANCTION:discontinue/162 !obj=to
close|closed|closed _ borders => COERCE:restrict/191 !obj=with,to
close|closed|closed _ border => COERCE:restrict/191 !obj=with,to
close|closed|closed _ crossing => COERCE:restrict/191 !obj=into,to
close|closed|closed _ crossings => COERCE:restrict/191 !obj=into,to
close|closed|closed _ checkpoints => COERCE:restrict/191 !obj=into,to
seal _ border => COERCE:restrict/191 !obj=with,to
seal _ borders => COERCE:restrict/191 !obj=with,to
reaffirm _ commitment => SUPPORT/051 !obj=to
reaffirm _ support => SUPPORT/051 !obj=for,to
fly|flew|flown _ aid => AID:humanitarian/073 !obj=to,into
fly|flew|flown _ medicine => AID:humanitarian/073 !obj=to,into
fly|flew|flown _ supplies => AID:humanitarian/073 !obj=to,into
normalize _ relations => COOPERATE/060 !obj=with
normalise _ relations => COOPERATE/060 !obj=with
aid => AID/070
assist => AID/070
donate => AID/070 !obj=to
deliver => AID/070 !obj=to !weak
supply => AID/070 !obj=to
provide => AID/070 !obj=to,for
send|sent|sent _ aid => AID:humanitarian/073 !obj=to
send|sent|sent _ assistance => AID/070 !obj=to
send|sent|sent _ supplies => AID/070 !obj=to
send|sent|sent _ troops => MOBILIZE:troops/154 !obj=to
send|sent|sent _ weapons => AID:military/072 !obj=to
grant => AID/070 !obj=to
award => AID/070 !obj=to
participate in _ peacekeeping => AID/074 !obj=in
take|took|taken part in _ peacekeeping => AID/074 !obj=in
lend|lent|lent => AID:economic/071 !obj=to
loan => AID:economic/071 !obj=to
fund => AID:economic/071
finance => AID:economic/071
rescue => AID/070
evacuate => AID/070
shelter => AID:humanitarian/073
grant _ asylum => AID:asylum/075 !obj=to
hand|handed|handed over => AID/070 !obj=to
release => RETREAT:release/0841
free|freed|freed => RETREAT:release/0841
free|freed|freed on bail => RETREAT:release/0841
pardon => RETREAT:release/0841
let|let|let free => RETREAT:release/0841
set|set|set free => RETREAT:release/0841
return => RETREAT:return/0842 !obj=to
lift => RETREAT/085
ease => RETREAT/085
relax => RETREAT/085
shorten => RETREAT/085
loosen => RETREAT/085
withdraw|withdrew|withdrawn => RETREAT:withdraw/0872 !obj=from
pull|pulled|pulled out => RETREAT:withdraw/0872 !obj=of,from
pull|pulled|pulled back => RETREAT:withdraw/0872 !obj=from
retreat => RETREAT:withdraw/0874 !obj=from
surrender => RETREAT:disarm/0874 !obj=to
disarm => RETREAT:disarm/0873
demobilize => RETREAT:disarm/0873
demobilise => RETREAT:disarm/0873
declare _ ceasefire => RETREAT:ceasefire/0871 !obj=in,with
declare _ truce => RETREAT:ceasefire/0871 !obj=in,with
declare _ cease-fire => RETREAT:ceasefire/0871 !obj=in,with
announce _ ceasefire => RETREAT:ceasefire/0871 !obj=in,with
announce _ cease-fire => RETREAT:ceasefire/0871 !obj=in,with
announce _ truce => RETREAT:ceasefire/0871 !obj=in,with
declare _ cessation => RETREAT:ceasefire/0871 !obj=in,with
end _ strike => CONCEDE/080
stop _ war => RETREAT:ceasefire/0871 !obj=on,against,with
end _ war => RETREAT:ceasefire/0871 !obj=on,against,with
reduce _ tariffs => RETREAT/085 !obj=on
cut|cut|cut tariffs => RETREAT/085 !obj=on
violate _ ban => REJECT/120
cease _ operations => RETREAT:ceasefire/0871 !obj=in,against
cease _ hostilities => RETREAT:ceasefire/0871 !obj=in,against
halt _ operations => RETREAT:ceasefire/0871 !obj=in,against
call|called|called off _ strike => CONCEDE/080
roll|rolled|rolled back => RETREAT/085
reverse => RETREAT/085
revoke => RETREAT/085
repeal => RETREAT/085
rescind => RETREAT/085
allow => RETREAT:access/086 !weak
give|gave|given permission => RETREAT:access/086 !obj=to,for
grant|granted|granted permission => RETREAT:access/086 !obj=to,for
resign => RETREAT:resign/0831
step|stepped|stepped down => RETREAT:resign/0831
concede => CONCEDE/080
yield => CONCEDE/080 !obj=to
back|backed|backed down => CONCEDE/080
compromise => CONCEDE/080
extend => CONCEDE/080 !weak
adopt _ resolution => CONCEDE/080
reopen => RETREAT:access/086
open _ borders => RETREAT:access/086 !obj=to,for
ask => REQUEST/100 !obj=for
request => REQUEST/100 !obj=from
demand => REQUEST/100 !obj=from
urge => REQUEST/100
appeal => REQUEST/100 !obj=to,for
call for => REQUEST/100
call|called|called on => REQUEST/100
plead => REQUEST/100 !obj=with
press => REQUEST/100 !weak
pressure => REQUEST/100
pressurize => REQUEST/100
pressurise => REQUEST/100
seek|sought|sought => REQUEST/100 !obj=from
petition => REQUEST/100
implore => REQUEST/100
beseech => REQUEST/100
invite => REQUEST:meet/106
insist => REQUEST/100 !obj=on
give|gave|given _ ultimatum => THREATEN/139
give|gave|given _ deadline => THREATEN/139
accuse => ACCUSE:allege/112 !obj=of
summon => ACCUSE:allege/114
find|found|found _ guilty => ACCUSE:disapprove/116
dispute => ACCUSE:disapprove/111
refute => ACCUSE:disapprove/111
challenge => ACCUSE:disapprove/111 !weak
fault => ACCUSE:disapprove/111
lay|laid|laid down _ arms => RETREAT:disarm/0873
lay|laid|laid down _ weapons => RETREAT:disarm/0873
blame => ACCUSE:allege/112 !obj=for
criticize => ACCUSE:disapprove/111
criticise => ACCUSE:disapprove/111
condemn => ACCUSE:disapprove/111
denounce => ACCUSE:disapprove/111
slam => ACCUSE:disapprove/111
decry => ACCUSE:disapprove/111
deplore => ACCUSE:disapprove/111
censure => ACCUSE:disapprove/111
rebuke => ACCUSE:disapprove/111
lambast => ACCUSE:disapprove/111
blast => ACCUSE:disapprove/111 !weak
charge => ACCUSE:allege/112 !obj=with
indict => ACCUSE:allege/112
convict => ACCUSE:disapprove/116
sentence => ACCUSE:disapprove/116
sue => ACCUSE:allege/115
prosecute => ACCUSE:allege/115
allege => ACCUSE:allege/112
investigate => ACCUSE:investigate/090
probe => ACCUSE:investigate/090
complain => ACCUSE:allege/114 !obj=about,to
protest => PROTEST:demo/141 !obj=against,outside
file _ lawsuit => ACCUSE:allege/115 !obj=against
file _ complaint => ACCUSE:allege/114 !obj=against
lodge _ protest => ACCUSE:disapprove/111 !obj=with,against
lodge _ complaint => ACCUSE:allege/114 !obj=with,against
file _ protest => ACCUSE:disapprove/111 !obj=with,against
bring|brought|brought _ charges => ACCUSE:allege/112 !obj=against
launch _ investigation => ACCUSE:investigate/090 !obj=into,of,against
open _ investigation => ACCUSE:investigate/090 !obj=into,of,against
open _ probe => ACCUSE:investigate/090 !obj=into,of
start _ investigation => ACCUSE:investigate/090 !obj=into,of,against
order _ investigation => ACCUSE:investigate/090 !obj=into,of,against
open _ hearing => ACCUSE:investigate/090 !obj=into,on
open _ inquiry => ACCUSE:investigate/090 !obj=into,of
launch _ inquiry => ACCUSE:investigate/090 !obj=into,of
express _ concern => ACCUSE:disapprove/110 !obj=about,over
express _ concerns => ACCUSE:disapprove/110 !obj=about,over
voice _ concern => ACCUSE:disapprove/110 !obj=about,over
express _ outrage => ACCUSE:disapprove/111 !obj=at,over
warn => THREATEN/130 !obj=of,against
reject => REJECT/120
refuse => REJECT/120
decline to => REJECT/120
decline => REJECT/120 !weak
deny => REJECT/120
dismiss => REJECT/120
rebuff => REJECT/120
spurn => REJECT/120
renege => REJECT/120 !obj=on
veto => REJECT:yield/129
boycott => PROTEST:boycott/143
oppose => REJECT/120
defy => REJECT:yield/128
resist => REJECT/120
rule|ruled|ruled out => REJECT/120
turn|turned|turned down => REJECT/120
threaten => THREATEN/130
vow to => THREATEN/130 !weak
menace => THREATEN/130
demonstrate => PROTEST:demo/141 !obj=against,outside
rally => PROTEST:demo/141 !obj=against,outside
march => PROTEST:demo/141 !obj=against,on,outside
picket => PROTEST:demo/141
riot => PROTEST:riot/145
strike|struck|struck => ASSAULT/190 !weak
walk|walked|walked out => PROTEST:boycott/143
stop _ work => PROTEST:strike/143
go|went|gone on strike => PROTEST:strike/143
stage _ strike => PROTEST:strike/143
stage _ protest => PROTEST:demo/141 !obj=against,outside
stage _ protests => PROTEST:demo/141 !obj=against,outside
stage _ demonstration => PROTEST:demo/141 !obj=against,outside
stage _ sit-in => PROTEST:demo/141
hold|held|held _ protest => PROTEST:demo/141 !obj=against,outside
hold|held|held _ rally => PROTEST:demo/141 !obj=against,outside
hold|held|held _ demonstration => PROTEST:demo/141 !obj=against,outside
take|took|taken to the streets => PROTEST:demo/141
block _ road => PROTEST:obstruct/144
block _ roads => PROTEST:obstruct/144
block _ streets => PROTEST:obstruct/144
block _ street => PROTEST:obstruct/144
block _ highway => PROTEST:obstruct/144
block _ traffic => PROTEST:obstruct/144
block _ transport => PROTEST:obstruct/144
block _ access => PROTEST:obstruct/144
block _ entrance => PROTEST:obstruct/144
block _ bridge => PROTEST:obstruct/144
block _ railway => PROTEST:obstruct/144
blockade => COERCE:restrict/191
sanction => SANCTION/163
suspend => SANCTION:discontinue/162 !obj=to,with,for
halt => SANCTION:discontinue/162 !obj=to,with,for
cut|cut|cut off => SANCTION:discontinue/162
cut|cut|cut ties => SANCTION:withdraw/161 !obj=with
sever => SANCTION:withdraw/161 !obj=with
break|broke|broken off => SANCTION:withdraw/161 !obj=with
recall _ ambassador => SANCTION:withdraw/161 !obj=from
freeze|froze|frozen => SANCTION/163
embargo => SANCTION/163
reduce => SANCTION:discontinue/162 !obj=to,for !weak
terminate => SANCTION:discontinue/162
end _ mediation => SANCTION:withdraw/165
impose _ sanctions => SANCTION/163 !obj=on,against
slap _ sanctions => SANCTION/163 !obj=on
mobilize => MOBILIZE:troops/154
mobilise => MOBILIZE:troops/154
deploy => MOBILIZE:troops/154 !obj=to,in
station => MOBILIZE:troops/154 !obj=in
mass => MOBILIZE:troops/154 !weak
reinforce => MOBILIZE:troops/154
strengthen _ forces => MOBILIZE:troops/154 !obj=in
strengthen _ troops => MOBILIZE:troops/154 !obj=in
bolster _ forces => MOBILIZE:troops/154 !obj=in
bolster _ troops => MOBILIZE:troops/154 !obj=in
put|put|put _ on alert => MOBILIZE:troops/152
place|placed|placed _ on alert => MOBILIZE:troops/152
remain _ on alert => MOBILIZE:troops/152
beef|beefed|beefed up => MOBILIZE:troops/154
build|built|built up => MOBILIZE:troops/154
arrest => COERCE:arrest/173
detain => COERCE:arrest/173
jail => COERCE:arrest/173
imprison => COERCE:arrest/173
apprehend => COERCE:arrest/173
round|rounded|rounded up => COERCE:arrest/173
take|took|taken into custody => COERCE:arrest/173
hold|held|held => COERCE:arrest/173 !weak
expel => COERCE:deport/174 !obj=from
deport => COERCE:deport/174 !obj=to,from
evict => COERCE:deport/174 !obj=from
banish => COERCE:deport/174 !obj=from
exile => COERCE:deport/174
seize => COERCE:seize/171
confiscate => COERCE:seize/1711
raid => COERCE:seize/171
search => COERCE:seize/171 !weak
occupy => COERCE:seize/192
annex => COERCE:seize/192
ban => COERCE:restrict/1722
outlaw => COERCE:restrict/1722
censor => COERCE:censor/1721
impose _ curfew => COERCE:curfew/1723 !obj=on,in
declare _ curfew => COERCE:curfew/1723 !obj=in
impose _ restrictions => COERCE:restrict/172 !obj=on
declare _ martial => COERCE:martial-law/1724 !obj=in
declare _ emergency => COERCE:martial-law/1724 !obj=in
impose _ emergency => COERCE:martial-law/1724 !obj=in
impose _ martial => COERCE:martial-law/1724 !obj=in,on
oppose|opposed|opposed to => REJECT/120
force|forced|forced out => COERCE:deport/174 !obj=of,from
drive|drove|driven out => COERCE:deport/174 !obj=of,from
fire _ at => ASSAULT:firearms/193
intimidate => COERCE/170
harass => COERCE/170
repress => COERCE/170
crack|cracked|cracked down => COERCE/170 !obj=on
persecute => COERCE/170
hack => COERCE:cyber/170
force|forced|forced _ out => COERCE:deport/174 !obj=of,from
force => COERCE/170 !weak
capture => ASSAULT/190
overrun|overran|overrun => ASSAULT/190
launch _ cyber => COERCE:cyber/170 !obj=against
set|set|set _ deadline => THREATEN/139 !obj=for
increase _ pressure => THREATEN/130 !obj=on
step|stepped|stepped up pressure => THREATEN/130 !obj=on
attack => ASSAULT/190
assault => ASSAULT:beat/182
kill => ASSAULT/190 !obj=in
murder => ASSAULT:targeted/1823
slay|slew|slain => ASSAULT:targeted/1823
massacre => ASSAULT:targeted/202
execute => ASSAULT:targeted/1823
assassinate => ASSAULT:targeted/186
behead => ASSAULT:targeted/1823
lynch => ASSAULT:beat/1823
wound => ASSAULT/190
injure => ASSAULT/190
shoot|shot|shot => ASSAULT:firearms/193 !obj=at
gun|gunned|gunned down => ASSAULT:firearms/193
open _ fire => ASSAULT:firearms/193 !obj=on,at
fire|fired|fired on => ASSAULT:firearms/193
fire|fired|fired at => ASSAULT:firearms/193
fire _ rockets => ASSAULT:heavy-weapons/194 !obj=at,into,on
fire _ missiles => ASSAULT:heavy-weapons/194 !obj=at,into,on
fire _ shells => ASSAULT:heavy-weapons/194 !obj=at,into,on
shell => ASSAULT:heavy-weapons/194
bombard => ASSAULT:heavy-weapons/194
pound => ASSAULT:heavy-weapons/194 !weak
bomb => ASSAULT:aerial/195
airstrike => ASSAULT:aerial/195
strafe => ASSAULT:aerial/195
beat|beat|beaten => ASSAULT:beat/182
torture => ASSAULT:torture/1822
rape => ASSAULT:sexual/1821
abduct => ASSAULT:abduct/181
kidnap => ASSAULT:abduct/181
hijack => ASSAULT:abduct/181
take|took|taken hostage => ASSAULT:abduct/181
storm => ASSAULT/190
ambush => ASSAULT/190
invade => ASSAULT/190
clash => ASSAULT/190 !obj=with !noobj
fight|fought|fought => ASSAULT/190 !obj=against,with
battle => ASSAULT/190 !obj=with
target => ASSAULT/190
hit|hit|hit => ASSAULT/190 !weak
destroy => ASSAULT:destroy/1712
burn|burned|burnt => ASSAULT:destroy/1712
torch => ASSAULT:destroy/1712
demolish => ASSAULT:destroy/1712
blow|blew|blown up => ASSAULT:explosives/183
detonate => ASSAULT:explosives/183
launch _ attack => ASSAULT/190 !obj=on,against
launch _ attacks => ASSAULT/190 !obj=on,against
launch _ offensive => ASSAULT/190 !obj=on,against
launch _ counteroffensive => ASSAULT/190 !obj=on,against
launch _ assault => ASSAULT/190 !obj=on,against
launch _ strike => ASSAULT/190 !obj=on,against
launch _ strikes => ASSAULT/190 !obj=on,against
launch _ airstrikes => ASSAULT:aerial/195 !obj=on,against
launch _ raid => ASSAULT/190 !obj=on,against
carry|carried|carried out _ attack => ASSAULT/190 !obj=on,against
carry|carried|carried out _ strike => ASSAULT/190 !obj=on,against
carry|carried|carried out _ strikes => ASSAULT/190 !obj=on,against
carry|carried|carried out _ raid => ASSAULT/190 !obj=on,against
carry|carried|carried out _ airstrikes => ASSAULT:aerial/195 !obj=on,against
violate _ ceasefire => ASSAULT/196
violate _ truce => ASSAULT/196
lay|laid|laid siege => COERCE:restrict/191 !obj=to
besiege => COERCE:restrict/191
`;

export const NOUNS = `
agreement => AGREE/030 !obj=with,between
deal => AGREE/030 !obj=with,between !weak
accord => AGREE/030 !obj=with,between
pledge => AGREE/030
promise => AGREE/030 !weak
offer => AGREE/030 !weak
meeting => CONSULT/040 !obj=with,between
talks => CONSULT/040 !obj=with,between
negotiations => CONSULT/046 !obj=with,between
summit => CONSULT/040 !obj=with,between
visit => CONSULT:visit/042 !obj=to
trip => CONSULT:visit/042 !obj=to
phone call => CONSULT:phone/041 !obj=with
telephone call => CONSULT:phone/041 !obj=with
phone conversation => CONSULT:phone/041 !obj=with
telephone conversation => CONSULT:phone/041 !obj=with
phone talks => CONSULT:phone/041 !obj=with
mediation => CONSULT/045 !obj=between
consultations => CONSULT/040 !obj=with
discussions => CONSULT/040 !obj=with,between
support => SUPPORT/051 !obj=for,to,of !weak
solidarity => SUPPORT/051 !obj=with !weak
apology => SUPPORT/055 !obj=to
cooperation => COOPERATE/060 !obj=with,between
joint _ exercises => COOPERATE/062 !obj=with
joint _ drills => COOPERATE/062 !obj=with
war games => COOPERATE/062 !obj=with
suspension => SANCTION:discontinue/162 !obj=of,to,with
warning => THREATEN/130 !obj=to !weak
aid => AID/070 !obj=to,for
assistance => AID/070 !obj=to,for
donation => AID/070 !obj=to
relief => AID:humanitarian/073 !obj=to,for !weak
release => RETREAT:release/0841 !obj=of
withdrawal => RETREAT:withdraw/0872 !obj=from,of
ceasefire => RETREAT:ceasefire/0871 !obj=with,between !weak
truce => RETREAT:ceasefire/0871 !obj=with,between !weak
resignation => RETREAT:resign/0831
demand => REQUEST/100 !obj=for
appeal => REQUEST/100 !obj=to,for
request => REQUEST/100 !obj=for
plea => REQUEST/100
call => REQUEST/100 !obj=for !weak
accusation => ACCUSE:allege/112 !obj=against
allegation => ACCUSE:allege/112 !obj=against
condemnation => ACCUSE:disapprove/111 !obj=of
criticism => ACCUSE:disapprove/111 !obj=of
lawsuit => ACCUSE:allege/115 !obj=against
investigation => ACCUSE:investigate/090 !obj=into,of,against
probe => ACCUSE:investigate/090 !obj=into,of
inquiry => ACCUSE:investigate/090 !obj=into,of
charges => ACCUSE:allege/112 !obj=against !weak
rejection => REJECT/120 !obj=of
refusal => REJECT/120
veto => REJECT:yield/129
threat => THREATEN/130 !obj=to,against
ultimatum => THREATEN/139 !obj=to
protest => PROTEST:demo/141 !obj=against,outside
demonstration => PROTEST:demo/141 !obj=against,outside
rally => PROTEST:demo/141 !obj=against,outside
march => PROTEST:demo/141 !obj=against,outside !weak
sit-in => PROTEST:demo/141
hunger strike => PROTEST:hunger/142
general strike => PROTEST:strike/143
boycott => PROTEST:boycott/143 !obj=of
riot => PROTEST:riot/145
sanctions => SANCTION/163 !obj=on,against
embargo => SANCTION/163 !obj=on,against
deployment => MOBILIZE:troops/154 !obj=of,to
mobilization => MOBILIZE:troops/154
mobilisation => MOBILIZE:troops/154
arrest => COERCE:arrest/173 !obj=of
detention => COERCE:arrest/173 !obj=of
expulsion => COERCE:deport/174 !obj=of
deportation => COERCE:deport/174 !obj=of
eviction => COERCE:deport/174 !obj=of
forced eviction => COERCE:deport/174 !obj=of
curfew => COERCE:curfew/1723 !obj=on,in
crackdown => COERCE/170 !obj=on,against
blockade => COERCE:restrict/191 !obj=of,on
siege => COERCE:restrict/191 !obj=of
occupation => COERCE:seize/192 !obj=of
annexation => COERCE:seize/192 !obj=of
seizure => COERCE:seize/171 !obj=of
raid => COERCE:seize/171 !obj=on
attack => ASSAULT/190 !obj=on,against
assault => ASSAULT/190 !obj=on,against
offensive => ASSAULT/190 !obj=on,against
counteroffensive => ASSAULT/190 !obj=on,against
counter-offensive => ASSAULT/190 !obj=on,against
airstrike => ASSAULT:aerial/195 !obj=on,against
air strike => ASSAULT:aerial/195 !obj=on,against
air raid => ASSAULT:aerial/195 !obj=on,against
drone strike => ASSAULT:drone/195 !obj=on,against
drone attack => ASSAULT:drone/195 !obj=on,against
missile strike => ASSAULT:heavy-weapons/194 !obj=on,against
missile attack => ASSAULT:heavy-weapons/194 !obj=on,against
rocket attack => ASSAULT:heavy-weapons/194 !obj=on,against
shelling => ASSAULT:heavy-weapons/194 !obj=of
bombing => ASSAULT:explosives/183 !obj=of
suicide bombing => ASSAULT:suicide-attack/1831
suicide attack => ASSAULT:suicide-attack/1831
car bomb => ASSAULT:explosives/1832
bomb attack => ASSAULT:explosives/183
ambush => ASSAULT/190 !obj=on
war => ASSAULT/190 !obj=on,against,with !weak
bombardment => ASSAULT:heavy-weapons/194 !obj=of,on
cyber warfare => COERCE:cyber/170 !obj=against
cyberattack => COERCE:cyber/170 !obj=on,against
cyber attack => COERCE:cyber/170 !obj=on,against
military operation => ASSAULT/190 !obj=against,in
war game => COOPERATE/062 !obj=with
cease-fire => RETREAT:ceasefire/0871 !obj=with,between !weak
clashes => ASSAULT/190 !obj=with,between
fighting => ASSAULT/190 !obj=with,between !weak
invasion => ASSAULT/190 !obj=of
massacre => ASSAULT:targeted/202 !obj=of
ethnic cleansing => ASSAULT:cleansing/203 !obj=of,against
genocide => ASSAULT:targeted/202 !obj=of,against
assassination => ASSAULT:targeted/186 !obj=of
killing => ASSAULT/190 !obj=of
kidnapping => ASSAULT:abduct/181 !obj=of
abduction => ASSAULT:abduct/181 !obj=of
shooting => ASSAULT:firearms/193 !obj=of
hostilities => ASSAULT/190 !weak
escalation => ASSAULT/190 !weak
`;
