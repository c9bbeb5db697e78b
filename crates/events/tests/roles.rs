//! Who did it to whom: constructions of English that decide an event's source and target, and
//! announced acts read as threats. Sentences written for these tests (fictional and real
//! actors, own wording). Each line: expectations | sentence (markup in `common`).

mod common;

const ROLES: &str = "\
# a killing told with the act that did it is that act, whatever stands between: the killers
# are its source, the dead its target
195 occurred src=FRDMIL tgt=FRDREB; !18 | [The Freedonian army|FRDMIL|organization] killed 40 [militants|FRDREB|group] in air strikes near the border.
# an act of force inside a place or means phrase is no object of the actor before it
183 occurred src= | [Police|SYLCOP|organization] questioned [two men|SYLCRM|group] in connection with the harbour bombing.
# a second verb after and has its own object: the army ordered is no target of the condemnation;
# two verbs joined before one object share it
111 occurred src=SYLGOV tgt= | [The Sylvanian president|SYLGOV|person] condemned the killings and ordered [the army|SYLMIL|organization] to hunt down the gunmen.
111 occurred src=FRD tgt=SYL | [Freedonia|FRD|country] condemned and rejected the sanctions of [Sylvania|SYL|country].
# the doer of an act its claimant claims, or that a speaker says, denies or admits doing
183 occurred src=SYLREB; 015 occurred src=SYLREB | [The Sylvanian rebels|SYLREB|group] claimed the bombing, which killed 20 people at the port.
190 occurred src=FRDREB | [The Freedonian rebels|FRDREB|group] said they carried out the attack on the barracks.
190 negated src=SYLMIL | [The Sylvanian army|SYLMIL|organization] denied that it carried out the attack.
194 occurred src=FRDREB | [The Freedonian rebels|FRDREB|group] admitted that they shelled the market.
# a bare noun subject after a comma is the subject of its own clause, not the actor of an
# earlier one; an actor listed before the comma stays a subject
140 occurred src= | After [Freedonian|FRD|nationality] troops entered the town, local farmers protested against the curfew.
!11 | Two days after [Sylvanian|SYL|nationality] police raided the offices, a senior official condemned the raid.
111 occurred src=FRD,SYL | [Freedonia|FRD|country], [Sylvania|SYL|country], and several neighbours condemned the strike.
# a name's abbreviation in brackets between the subject and its verb
163 occurred src=IGOFRU tgt=SYL | [The Northern Trade Union|IGOFRU|organization] ([NTU|IGOFRU|organization]) imposed new sanctions on [Sylvania|SYL|country].
111 occurred src=NOR | [Norway|NOR|country] (Oslo) condemned the shelling of the port.
# the author of the thing the object names is the target
12 occurred src=FRD tgt=SYL | [Freedonia|FRD|country] rejected the border plan drafted by [Sylvania|SYL|country].
051 occurred src=NOR tgt=SWE | [Norway|NOR|country] welcomed the proposals put forward by [Sweden|SWE|country] <on Monday|2016-12-12|day>.
# a participle of the act's own family after its noun, with its doer, is that act told again:
# one meeting, its convener the source
040 occurred src=IGOUNO; n04=1 | Sunday's talks, convened by [the UN envoy|IGOUNO|person], ended without a statement.
04 occurred src=FRD; n04=1 | The meeting hosted by [Freedonia|FRD|country] lasted two hours.
# an attack its sentence pins on one gunman is an assault, even in a story of war
194 occurred; 180 occurred | [Valdorian troops|VALMIL|group] shelled [the rebels|VALREB|group] on Monday. After the attack on a nightclub in Oslo by a gunman, police closed the bars.
# an actor is never on both sides: the one met is no doer of the meeting its purpose clause
# names
040 planned src= tgt=USAGOV | Several ministers planned to meet [Kerry|USAGOV|person] in Oslo to discuss the crisis.
# a recipient subject: the giver follows \"from\"
071 occurred src=SYL tgt=FRD; !04 | [Freedonia|FRD|country] received an emergency loan from [Sylvania|SYL|country].
# an announced conflict act by its own actor is a threat that was made, never the act
1384 occurred src=FRD tgt=SYL; !19 | [Freedonia|FRD|country] said it would bomb [Sylvania|SYL|country] if the blockade went on.
1312 occurred src=NOR tgt=SWE; !16 | [Norway|NOR|country] says it will impose sanctions on [Sweden|SWE|country].
138 occurred src=FRD tgt=SYL date=2016-12-09; !19 | [Freedonia|FRD|country] warned <on Friday|2016-12-09|day> that it would attack [Sylvania|SYL|country].
137 occurred src=FRD; !17 | [Freedonia|FRD|country] told [Sylvania|SYL|country] that it would arrest the smugglers.
1381 occurred date=2016-12-09; !19 | [Farmers|AGR|group] said <on Friday|2016-12-09|day> they would blockade the capital.
# an act made conditional on the other side is a threat whatever the act; without the
# condition it stays a plan
130 occurred src=NGA tgt=TCD; !08 | [Nigeria|NGA|country] announced that it will withdraw its troops from [Chad|TCD|country] unless the rebels agree to a ceasefire.
08 planned src=NGA; !13 | [Nigeria|NGA|country] announced that it will withdraw its troops from [Chad|TCD|country] next year.
# ... but not a promise not to act, nor a prediction about someone else
!13; !19 | [Freedonia|FRD|country] said it would not attack [Sylvania|SYL|country].
!13 | [Freedonia|FRD|country] said [Sylvania|SYL|country] would attack the port.
# a threat, intent or refusal without a target of its own aims at its complement's target
1313 occurred src=SYLLEG tgt=FRD | [The Sylvanian senate|SYLLEG|organization] threatened <on Monday|2016-12-12|day> to break relations with [Freedonia|FRD|country] over the dam.
120 occurred src=FRD tgt=SYL | [Freedonia|FRD|country] has refused to deploy its marines in [Sylvania|SYL|country].
# ... but an addressee stays the target of an appeal
10 occurred src=NOR tgt=SWE | [Norway|NOR|country] urged [Sweden|SWE|country] to attack [Finland|FIN|country].
# a time between a verb of saying and its clause: the clause's subject is still the target
013 occurred src=NOR tgt=SWE | [Norway|NOR|country] expressed hope <on Thursday|2016-12-08|day> that [Sweden|SWE|country] would join the alliance.
# inside a trigger's own phrase, a name after a locative preposition is a place, not a target
050 occurred src=NOR tgt=SWE | [Norway|NOR|country] celebrated the holiday at [Akershus Castle|NORGOV|organization] with [Sweden|SWE|country].
# the gap of a gapped trigger is the trigger's own phrase; a modifier after \"to\" is no verb
033 occurred src=NOR tgt=MWI | [Norway|NOR|country] has promised to keep up its food aid to flood-hit [Malawi|MWI|country].
075 occurred src=NOR tgt=RWA | [Norway|NOR|country] has granted asylum to five [Rwandan|RWA|nationality] army officers.
# the target named at the end of a long object noun phrase
111 occurred src=HOBGOV tgt=BRE | [Hamfast Gamgee|HOBGOV|person] has criticized the sudden closure of the old guest houses in [Bree|BRE|city].
# the agent of a condemned act, even after the act's own object
111 occurred src=NOR tgt=SWE | [Norway|NOR|country] criticised the arrest of opposition leaders by [Sweden|SWE|country].
# a light head noun and a time expression between a noun trigger and its actors
045 occurred src=NORGOV tgt=SWE,FIN | [The Norwegian prime minister|NORGOV|person] started a fresh mediation effort <on Saturday|2016-12-10|day> between [Sweden|SWE|country] and [Finland|FIN|country].
# a signed agreement without a party of its own: the target of what it provides for
057 occurred src=NOR tgt=SWE | [Norway|NOR|country] signed an agreement <on Monday|2016-12-12|day> to supply [Sweden|SWE|country] with natural gas.
# a time expression inside a multi-word trigger (\"left yesterday for\") stays out of it
042 occurred src=NORGOV tgt=SWE | [The Norwegian trade minister|NORGOV|person] left <yesterday|2016-12-11|day> for [Sweden|SWE|country] with a large delegation.
# a relative clause without a subject of its own: the pronoun's antecedent
190 occurred src=NOR tgt=SWE | [Sweden|SWE|country], which was attacked by [Norway|NOR|country] last year, condemned [Finland|FIN|country].
190 occurred src=SWE tgt=FIN | [Norway|NOR|country] condemned [Sweden|SWE|country], which had attacked [Finland|FIN|country].
# ... but an object relative keeps its own subject
190 occurred src=NOR tgt= | The town, which [Norway|NOR|country] attacked in May, lies on the border.
# the agent of a passive inside a gapped trigger
1125 occurred src=NOR tgt=SWE | [Sweden|SWE|country] was accused by [Norway|NOR|country] of spying.
# an apposition is one actor, not a list; a list has a conjunction
040 occurred src=NORGOV tgt=SWEGOV | [Norway|NOR|country]'s foreign minister, [Jonas Berg|NORGOV|person], met [Swedish officials|SWEGOV|group] in {Oslo|NO|city}.
051 occurred src=MOR,SHR,FOR,BRE tgt=GON | [Mordor|MOR|country], [the Shire|SHR|country], [Fornost|FOR|country] and [Bree|BRE|country] praised [Gondor|GON|country].
# the act a killing happened in is the same event: its actor is the killer
195 occurred src=NORMIL tgt=SWEMIL | [Two Swedish soldiers|SWEMIL|group] were killed in a [Norwegian|NOR|nationality] air strike.
# \"once again\" is an adverb, not a clause boundary
12 occurred src=BGD tgt=IND | [Bangladesh|BGD|country] has once again rejected an [Indian|IND|nationality] proposal.
# the \"of\" phrase of a collective head names the actor
040 occurred src=CHLLEG tgt=PERGOV | A group of [Chilean senators|CHLLEG|group] met [the Peruvian president|PERGOV|person] in private.
# an adjectival participle before \"to\" is no passive: its subject opposes
126 occurred src=ISR | [Israel|ISR|country] is opposed to [French|FRA|nationality] mediation.
# a participle of intent before \"to\" is a predicate adjective, not a passive
030 occurred src=LAO | [Laos|LAO|country] is committed to reforming its tax system.
# the relational complement at the end of a long object noun phrase names the target
051 occurred src=NOR tgt=CHL | [Norway|NOR|country] welcomed the gradual normalisation of formal trade and cultural links with [Chile|CHL|country].
051 occurred src=NOR tgt=CHL,PER | [Norway|NOR|country] welcomed the gradual normalisation of formal trade and cultural links between [Chile|CHL|country] and [Peru|PER|country].
051 occurred src=NOR tgt=CHL | [Norway|NOR|country] welcomed the detailed trade proposals sent by [Chile|CHL|country] last week.
# ... but not across another preposition of the object phrase
!05 | [Norway|NOR|country] welcomed the brave work of volunteers in the flooded valleys with [Chile|CHL|country] watching.
# a dictionary name that stands for several actors is one argument per actor
051 occurred src=BEL,LUX,NLD tgt=GON | [The Benelux states|BEL/NLD/LUX|group] praised [Gondor|GON|country].
# an obligation a speaker lays on another actor is a demand by the speaker aimed at that
# actor (the act's family where CAMEO has one), not the act
1053 occurred src=NOR tgt=SWE; !08 | [Norway|NOR|country] said [Sweden|SWE|country] must release the detained fishermen.
10 occurred src=FRD tgt=SYL date=2016-12-09 | [Freedonia|FRD|country] insisted <on Friday|2016-12-09|day> that [Sylvania|SYL|country] has to rewrite its customs rules.
10 occurred src=FRD tgt=SYL | [Freedonia|FRD|country] told [Gondor|GON|country] that [Sylvania|SYL|country] should repay its debts.
10 occurred src=NOR tgt=SWE; !08 | [Sweden|SWE|country] should free the detained fishermen, [Norway|NOR|country] said.
1053 occurred src=NOR tgt=SWE; !08 | [Norway|NOR|country] demanded that [Sweden|SWE|country] release the detained fishermen.
# ... but not an obligation on the speaker itself, nor the writer's own opinion
!10 | [Freedonia|FRD|country] said it must defend its borders.
!10 | [Sweden|SWE|country] must release the detained fishermen.
# the owner of an act done to someone is the one it is done to, unless an \"of\" phrase names
# that one; a residence in an apposition is no subject
173 occurred src= tgt=SYLOPP | Officers watched the flat for weeks before [Ilse Varga|SYLOPP|person]'s arrest.
173 occurred src= tgt=SYLOPP | The mayor spoke after [Ilse Varga|SYLOPP|person]'s detention.
180 occurred src=SYLREB tgt=SYLAGR | [The Sylvanian militia|SYLREB|group]'s killing of [three farmers|SYLAGR|group] drew protests.
1823 occurred src=IRN | [Iran|IRN|country]'s executions of drug smugglers rose last year.
173 occurred src=SYLMIL | [The junta|SYLMIL|organization] defended its arrests of the strikers.
180 occurred tgt=SYLOPP | Two men face charges over the shooting death of [Ilse Varga|SYLOPP|person].
173 occurred tgt=SYLOPP | [Ilse Varga|SYLOPP|person], 52, of 18 [Cedar Hollow Road|-|person] in {Dunmore|US|city}, was arrested on Friday.
# a refused consent is a rejection that occurred, even worded with a modal
120 occurred src=FRD | [Freedonia|FRD|country] would never approve the merger of the two state banks.
120 occurred src=NOR | [Norway|NOR|country] said it cannot accept the new fishing quotas.
120 occurred src=SYL | [Sylvania|SYL|country] did not allow the observers into the port.
# ... but a consent that depends on a condition stays a condition
!12 | If [Sylvania|SYL|country] does not allow the observers in, the talks will end.
";

#[test]
fn role_constructions() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("roles", ROLES, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
