//! Precision: word senses, generic mentions, non-occurrence and background readings that are
//! no event (or no occurred event) of the trigger's code, each beside a sentence with the same
//! trigger that is one. Sentences written for these tests. Each line: expectations | sentence;
//! `!NN` = no occurred event of root NN, `none` = no event at all.

mod common;

const SENSE: &str = "\
# (review) as meaning while is no label; a share of workers outside a poll acts; a town left
# before an election is a retreat; a plain past told repeatedly is that day's acts
18 occurred | [Doctors|VALMED|group] treated the wounded as the attack continued.
12 occurred | [Unions|VALLAB|group] representing 80 percent of workers rejected the offer on Monday.
08 occurred | [Ormundi troops|ORMMIL|group] withdrew from the town ahead of the election.
13 occurred | [Soldiers|VALMIL|group] repeatedly threatened villagers at a checkpoint on Monday.
# a noun's plural is a verb after a subject pronoun: she talks to the press
n04=0 | [Ana Ruiz|VALPTY|person] said she talks to the press everywhere she goes.
n04=0 | [Ana Ruiz|VALPTY|person] said she now talks freely of the army.
04 occurred | [Ana Ruiz|VALPTY|person] said the talks in Oslo ended on Monday.
# a stance that names a group is no act; a participle clause after a comma is the subject's
n05=0 | [Ana Ruiz|VALPTY|person] gave money to a super PAC backing [Senator Ulm|VALLEG|person].
n05=0 | Donors supporting [Senator Ulm|VALLEG|person] met in Oslo on Monday.
05 occurred | [Ana Ruiz|VALPTY|person] spoke on Monday, backing [Senator Ulm|VALLEG|person].
# one person discussing a subject with no one is commenting on it; with a partner, or
# several parties, it is a consultation
010 occurred; n04=0 | [Senator Ulm|VALLEG|person] also discussed the differences between the two budget plans.
04 occurred | [Senator Ulm|VALLEG|person] discussed the budget with [Ana Ruiz|VALPTY|person] on Monday.
04 occurred | [Senator Ulm|VALLEG|person] and [Ana Ruiz|VALPTY|person] discussed the budget on Monday.
n01=0 | [Senator Ulm|VALLEG|person] flew to Oslo on Monday to discuss the budget.
# a stance in the simple present in the story's voice is a standing position; one stated,
# or in the past, is an act
n11=0 | [The caucus|VALLEG|group] and [Senator Ulm|VALLEG|person] oppose changes to the voting rules.
n11=0 | Powerful groups in [the party|VALPTY|organization] are firmly opposed to the plan.
n05=0 | Conservatives still praise [the senator|VALLEG|person] for his refusal.
05 occurred | [Senator Ulm|VALLEG|person] told reporters on Monday that he supports [Ana Ruiz|VALPTY|person].
12 occurred | [Senator Ulm|VALLEG|person] opposed the plan at a hearing on Monday.
# a cue does not reach into a clause with its own subject after and/but; a claim the story
# calls false is negated
12 occurred | The truce was to expire and [Ana Ruiz|VALPTY|person] refused to extend it.
11 negated; 19 occurred | [Senator Ulm|VALLEG|person] said, repeating a false claim that he opposed the <2003|2003|year> invasion of [Ormund|ORM|country].
# a theory of a killing; an amount not released; a name before a verb of speaking
n18=0 | The mere mention of the assassination theory led the network to suspend [the host|VALMED|person].
n08=0 | [The campaign|VALPTY|organization] did not release the amount it paid for the ads.
n04=0 | [Ana Ruiz|VALPTY|person] now talks freely of her years in the army.
# police named after riots are no riot
n14=0; 17 occurred | Valdorian riot police used tear gas to disperse [protesters|VALOPP|group] on Monday.
# (review) a subject joined to another stays in the cue's reach; a number of prisoners are
# released; a discussion held in a call is a consultation; an aim not yet met stays an aim
07 negated | Officials denied that [Ormund|ORM|country] and [Valdoria|VAL|country] had supplied weapons to [the rebels|VALREB|group].
08 occurred | [The government|VALGOV|organization] released a number of political prisoners on Tuesday.
n01=0 | [The president|VALGOV|person] discussed the crisis in a telephone call to [the king|ORMGOV|person] on Tuesday.
17 hypothetical | [Kurdish forces|VALMIL|group] advanced toward the city with the aim of its capture before winter.
# music, elections and procedure: no beating, occupation, threat, rejection or appeal
n18=0 | [Ana Ruiz|VALPTY|person] took the stage with the crowd clapping the beat.
n19=0 | The list could help [the party|VALPTY|organization] take control of the Senate in November.
n13=0 | [Ana Ruiz|VALPTY|person] said they can even threaten [the party|VALPTY|organization]'s lead in the House.
n12=0 | [Senator Ulm|VALLEG|person] won 86 percent of the vote against [Ana Ruiz|VALPTY|person] in March.
n02=0 | [The chairman|VALPTY|person] called for a voice vote on the motion.
# holding back from an act, and a preference not yet acted on
!11 | [Senator Ulm|VALLEG|person] refrained from criticisms of [the governor|VALGOV|person] on Monday.
!05 | [Ana Ruiz|VALPTY|person] has refrained from endorsing [Senator Ulm|VALLEG|person].
05 hypothetical | [Ana Ruiz|VALPTY|person] said she is leaning toward supporting [Senator Ulm|VALLEG|person].
# the act whose aim is told is no aim; what it aims at is
040 occurred | A key aim of the Oslo meeting on Monday was to win support for the plan.
19 hypothetical | [The rebels|VALREB|group] moved north with the aim of attacking the port.
# words said again and again are a habit; force used repeatedly stays
n02=0 | [Senator Ben Ulm|VALLEG|person] has repeatedly called for an inquiry into the port deal.
n11=0 | [Senator Ben Ulm|VALLEG|person] often criticizes [the governor|VALGOV|person].
02 occurred | [Senator Ben Ulm|VALLEG|person] called for an inquiry into the port deal on Monday.
18 occurred | [Guards|VALCOP|group] routinely beat detainees, the report said.
# a delegate pledged by a vote is no pledge
n03=0 | [Ana Ruiz|VALPTY|person] has a lead in pledged delegates.
# a capitalised trigger word inside a sentence in sentence case is a name
n18=0 | [Governor Tam|VALGOV|person] filed a complaint against the ministry, AG Lynch and two aides.
14 occurred; n19=0 | [Supporters|VALOPP|group] held Occupy Wall Street-style protests in the park on Monday.
# appeal as attraction is no request; an appeal names what is asked
n02=0 | [Senator Ben Ulm|VALLEG|person] pushed free tuition as a way to appeal to his young voter base.
n02=0 | [The candidate|VALPTY|person] appeals to [the union|VALLAB|organization] members because of their anxiety.
n02=0 | [Party donors|VALPTY|group] do not understand the appeal of [Ana Ruiz|VALPTY|person].
02 occurred | [The mayor|VALGOV|person] appealed to voters for calm after the vote.
# leaving a contest is no retreat; closing ranks is no demonstration
n08=0 | [The party|VALPTY|organization] pulled out of the debate on Monday.
0874 occurred | [Valdoria|VAL|country] pulled out of the disputed valley on Monday.
n14=0 | The party seeks to rally around [Ana Ruiz|VALPTY|person].
# a poll's note on method and a share of respondents agreeing are no acts
none | The [Valdorian News|VALMED|organization] poll was conducted by telephone among 1,031 voters and has a margin of sampling error of three points.
n11=0 | Asked about the plan, 48 percent overall agreed and 44 percent of independents disagreed.
11 occurred | [The opposition|VALOPP|organization] disagreed with the plan on Monday.
# receiving a thing is no visit; giving voice to a feeling is no aid
!04 | [Senator Ben Ulm|VALLEG|person] received the endorsement of [the governor|VALGOV|person] on Friday.
043 occurred | [The president|VALGOV|person] received [the Ormundi envoy|ORMGOV|person] on Friday.
!07 | [The candidate|VALPTY|person] has given voice to the frustration of millions of workers.
# meeting a norm without a determiner, and a demand met, are no meetings
n04=0 | [The director|VALGOV|person] urged staff to adjust salaries to meet campaign industry norms.
n04=0 | If the demands are not met, the farmers plan to leave the party.
04 | [The envoy|VALGOV|person] met farmers in the valley on Monday.
# insisting that something is so is a claim
!10 | [The candidate|VALPTY|person] outlined a strategy, insisting that the leaders are too concerned about the rebels.
10 | [The union|VALLAB|organization] insisted that the company reinstate the workers.
# a written rule as the doer in the present tense tells what it says
!07 | When I signed the bill, the law simply provides religious accommodations granted by many other states.
07 occurred src=VALGOV | [The government|VALGOV|organization] provided emergency aid to the flooded villages.
# a noun after as following a verb that names is a label, and so is its rather-than twin
19 occurred; n14=0; n18=0 | The attack on the compound was first portrayed by [the ministry|VALGOV|organization] as a violent protest rather than a terrorist attack.
!20 | [Officials|VALGOV|group] described the killings at the farm as a massacre.
20 occurred | [Soldiers|VALMIL|group] carried out a massacre at the farm, officials said.
# where arms are named, a person of politics attacking another is still words; an attack on
# such a person by someone else stays an attack
111 occurred; !19 | A gunman opened fire at the school, killing six. Weeks later [Senator Ben Ulm|VALLEG|person] attacked [Ana Ruiz|VALELI|person] at a debate.
19 occurred | A gunman opened fire at the school, killing six. Weeks later a man attacked [Senator Ben Ulm|VALLEG|person] outside his office.
# in an article with no armed group or weapon, a battle between people of politics is a contest
!19 | [Anna Berg|VALGOV|person] benefited from the long battle with [Ivo Tam|VALELI|person] in the primaries.
!19 | [Ivo Tam|VALBUS|person] and a dozen others battle it out for the party nomination.
19 occurred | [The rebels|VALREB|group] fought a long battle with [the army|VALMIL|organization] near the dam.
# charged as an adjective of feeling is no accusation
!11 | The dispute remains so politically charged that [Senator Ted Ulm|VALLEG|person] made it a theme of his campaign.
112 occurred | [The opposition|VALOPP|organization] charged that [the minister|VALGOV|person] had lied.
# the charge's name gives way to the act it names: the event is the stabbing, not the murder
180 occurred tgt=VALCIV trig=stabbing; n18=1 | [A Dunmore man|-|person] has been charged with murder in the stabbing death of [a shop owner|VALCIV|person].
# meeting a need, a goal or a pledge, and a sports meet, are no meetings
!04 | [The city council|VALGOV|organization] built a reservoir to meet the projected population needs.
!04 | [Valdoria|VAL|country] met its emission goals for the third year.
04 planned | [The heads of state|VALGOV|group] will meet in Oslo on Friday.
04 occurred | [The envoy|VALGOV|person] met [the farmers|VALAGR|group] on Monday.
!04 | The relay team advanced to the state meet for the first time.
04 | [The envoy|VALGOV|person] flew in on Sunday to meet with [Ormundi officials|ORMGOV|group].
# meetings as a kind are no meeting; meetings with a party, or counted, are
!04 | The debate belongs at school committee meetings, the candidate said.
!04 | We attended meetings at the district office every spring.
04 | [The French minister|FRAGOV|person] was in town for meetings with [Saudi officials|SAUGOV|group].
04 planned | City officials have scheduled two community meetings for later this month.
# meeting a demand, a meeting's minutes and a prayer meeting are no consultations
none | According to the council's meeting minutes, the vote was close.
!04 | [The pastor|VALREL|person] led the prayer meeting in the chapel on Sunday.
040 occurred | [The pastor|VALREL|person] held a meeting with [the mayor|VALGOV|person] on Sunday.
# a voter asking for a ballot is paperwork, no appeal
!02 | [Residents|-|group] requested absentee ballots at the town hall last week.
02 occurred src=VALOPP | [The opposition|VALOPP|organization] requested a new ballot in the northern district.
# agreeing with an opinion is no intent to cooperate; agreeing to act, on an act or with a
# state to act is
!03 | [Commissioner Stan Marsh|VALGOV|person] agreed that the delays had gone on long enough.
!03 | [Councillor Ada Brel|VALGOV|person] agreed with [Tom Oswalt|-|person] that the plan was sound.
!03 | It is a fine plan, [Harrison|-|person] agreed.
030 occurred src=VALGOV | [The Valdorian cabinet|VALGOV|organization] agreed that talks would resume in March.
030 occurred src=VALGOV | [The Valdorian cabinet|VALGOV|organization] agreed with [Ormund|ORM|country] to reopen the border crossing.
03 occurred src=VALREB | [The rebels|VALREB|group] agreed to a truce.
030 occurred | [The board|VALGOV|organization] agreed with the developer's request to extend the deadline.
# to demonstrate something is to show it; a protest is told with no object
!14 | Chefs in the hotel kitchen demonstrated holiday recipes on Saturday.
!14 | The cadets demonstrated rescue techniques at the pool on Friday.
141 occurred src=VALAGR | [Farmers|VALAGR|group] demonstrated despite the ban on Sunday.
141 occurred | Thousands demonstrated Sunday in the capital against the new tax.
141 occurred src=VALAGR | [Farmers|VALAGR|group] demonstrated outside the ministry.
# lists, polls and descriptions released are papers, not people set free
!08 | [The health ministry|VALGOV|organization] released lists of questions about the outbreak.
none | [Police|VALCOP|organization] did not release any descriptions of the attackers.
0841 occurred src=VALMIL | [The Valdorian army|VALMIL|organization] released two captured pilots on Monday.
# an irregular verb form is no noun: a country that struck sites made no labour strike
19 hypothetical; !14 | [Valdoria|VAL|country] warned it would respond if [Ormund|ORM|country] struck its border posts.
# a participle between a determiner and an actor names a state, not a new act
!17 | [The envoy|VALGOV|person] called on [Ormund|ORM|country] to free the detained [reporters|ORMMED|group].
!17 | [The court|VALJUD|organization] ordered the release of the detained [activists|VALOPP|group].
# an attack on a plan, a law, a decision or words is criticism, whoever makes it; a campaign's
# attack ads, attack dogs and lines of attack, and a striking distance, are no force
111; !19; !18 | [Critics|-|group] attacked the zoning plan as a giveaway to developers.
111; !19 | [Valdorian rebels|VALREB|group] attacked the ceasefire agreement with [Ormund|ORM|country] as a trap.
111; !19; !18 | The new fishing law came under attack from [the opposition|VALPTY|organization] on Tuesday.
111; !19 | [The senator|VALLEG|person] launched a fresh attack on the pension reform.
111; !19 | The ruling was attacked by [the bar association|VALNGO|organization] as unjust.
111; !19 | [The ruling party|VALPTY|organization] mounted an assault on the constitution.
!19; !18; !11 | The lobby spent a fortune on attack ads against [the mayor|VALGOV|person].
!19; !18 | [Valdorian troops|VALMIL|group] moved the guns within striking distance of the port.
# a brawl or a sports scuffle between people with no armed or state actor is no armed fight
!19 | The two goalkeepers fought near the tunnel after the final whistle.
19 | [Valdorian troops|VALMIL|group] fought the insurgents near the reservoir.
!19 | Two cousins got into a fight over a stall at the market.
19 | [Valdorian troops|VALMIL|group] got into a fight with rebels near the pass.
190 occurred src=VALMIL | [Valdorian troops|VALMIL|group] fought the rebels near the dam.
# an intention is no intent to cooperate: a plan to rob, a thing's purpose (the act intended,
# when it is one, is coded planned); a commitment to a truce is one
!03 | [The smuggler|-|person] told detectives he intended to rob the courier.
!03 | [The gang|-|group] intended to hammer the rival crew at the market.
!03 | The new clinic is intended to serve three mountain villages.
04 planned | [Valdoria|VAL|country] intends to hold talks with [Ormund|ORM|country] next month.
03 | [Valdoria|VAL|country] committed to a ceasefire with [Ormund|ORM|country] on Monday.
# a contest for votes, in court or against a flood is no armed battle
!19 | [Senator Alvar|VALLEG|person] is expected to play a big part in the battle for the nomination.
!19 | The legal battle over the dam has cost the province millions.
!19 | [The union|VALLAB|organization] vowed to keep up its court fight against the pension cuts.
!19 | Hundreds of volunteers joined the flood fight along the levee.
!19 | [The party|VALPTY|organization] is bracing for a bruising battle for control of the senate.
19 | [Valdorian troops|VALMIL|group] won the battle for the airport after two days.
19 | [Valdorian troops|VALMIL|group] fought for control of the bridge on Sunday.
# a word in an office's or a committee's name, calls from the public to an office, a ban on
# burning or on a school's athletes are no aid, no phone diplomacy, no sanction
!07 | The ranking member of the Senate Finance and Appropriations Committee spoke on Monday.
!07 | Markets rose after [Finance Minister Ana Ruiz|VALGOV|person] presented the budget.
07 | [Ormund|ORM|country] financed the new hospital in [Valdoria|VAL|country].
!04 | [The police|VALCOP|organization] received several calls about gunshots near the depot.
!04 | [The clerk's office|VALGOV|organization] received many calls from voters on Friday.
04 | [The president|VALGOV|person] received a phone call from [the Ormundi leader|ORMGOV|person] on Monday.
!17 | The county lifted its burn ban after two days of rain.
!17 | The league's sports ban kept the transfer students off the team for a year.
17 | [The ministry|VALGOV|organization] banned [the opposition newspaper|VALMED|organization] on Friday.
# deploying and violating a law are a state's or an armed group's acts: an airbag, a buoy, a
# pharmacist charged with breaking a drug law are none
!15 | The car's airbags deployed on impact, the police report said.
!15 | [The start-up|-|organization] deployed its wave energy buoy off the coast in March.
15 | [Ormund|ORM|country] deployed two warships to the strait on Friday.
!12 | [The pharmacist|-|person] was charged with violating the state's drug law.
128 | [Ormund|ORM|country] violated international law by seizing the ship, [the envoy|VALGOV|person] said.
# a plea or an appeal in court, a press secretary, one's own accord, a pilot's or a rescue
# crew's overflight, an owner's demolition
!02 | The judge accepted the defendant's plea and set sentencing for June.
!02 | [Marta Soler|-|person] and her son will stay in the city pending the appeal.
02 | [Valdoria|VAL|country] made an urgent appeal to [Ormund|ORM|country] for food aid.
!10 | Campaign press secretary [Jo Park|VALPTY|person] refused to explain the remark on Tuesday.
10 | [Valdoria|VAL|country] pressed [Ormund|ORM|country] to release the fishermen.
!05 | The party insisted that [the envoy|VALGOV|person] had resigned on his own accord.
!15 | [Kurt Lind|-|person] climbed into the cockpit and then flew over the stadium three times before landing.
15 | [Ormundi jets|ORMMIL|group] flew over the disputed islands on Sunday.
none | The landlord, [Piet Vos|-|person], wanted to demolish the cottages and sell the land.
17 | [Ormundi troops|ORMMIL|group] demolished the homes of [two villagers|VALCIV|group].
# a share of the vote won, a danger no one voiced, a warning sign, a motor rally
!17 | [The Green candidate|VALPTY|person] captured nine percent of the vote in the first round.
17 | [Valdorian troops|VALMIL|group] captured two rebel commanders near the border.
!13 | [The minister|VALGOV|person] spoke of the threat facing coastal towns from rising seas.
!13 | [The council|VALGOV|organization] said the threat posed by the crumbling dam was growing.
!13 | [Rangers|VALGOV|group] put up warning signs along the cliff path.
13 | [Ormund|ORM|country] issued a threat to [Valdoria|VAL|country] over the fishing dispute.
!14 | [The town council|VALGOV|organization] approved the annual biker rally on the seafront.
!14 | Oil shares led a market rally in [Valdoria|VAL|country] on Monday.
14 | [Opposition supporters|VALOPP|group] held a rally in the capital on Monday.
# a fight or a war in a peaceful domain
!19 | The tariff fight has squeezed cotton exporters for two seasons.
!19 | The custody battle has dragged on for two seasons.
# a contest inside a party or a chamber, in a story that also names a war
!19 | As troops massed on the border, [Ana Ruiz|VALPTY|person] won her nominating battle against [Senator Ulm|VALLEG|person].
!19 | As troops massed on the border, [Senator Ulm|VALLEG|person] engineered a floor fight over the rules against [Ana Ruiz|VALPTY|person].
19 occurred | [Rebels|VALREB|group] fought a battle with [troops|VALMIL|group] near the port on Monday.
19 | [Valdorian troops|VALMIL|group] won a fierce battle near the ford.
!19 | The retired judge is recovering after a gruelling cancer battle.
!19 | The tycoon keeps fighting deportation to Ormund.
19 | [The militia|VALREB|group] keeps fighting the army near the port.
!19 | Firefighters battled the brush fire for nine hours.
19 | [Valdorian troops|VALMIL|group] battled the insurgents for nine hours.
# an address, a weapon drawn, a compound adjective
!14 | The suspect rented a flat on the 1100 block of Cedar Lane.
14 | Striking farmers block the highway into the capital.
!087 | The mugger pulled out a revolver and demanded the till.
0874 occurred src=VALMIL | [Valdorian troops|VALMIL|group] pulled out of the border town.
!05 | [Ormund|ORM|country]-backed militias seized the ridge.
05 | [Ormund|ORM|country] backed [Valdoria|VAL|country] in the dispute over the ridge.
# harm to oneself, by accident
!18 | Rangers said the trapper accidentally stabbed himself in the thigh.
18 | Rangers said the trapper stabbed a poacher in the thigh.
# a release of a thing or from hospital
!084 | [The ministry|VALGOV|organization] released the budget figures for the new embassies.
!084 | [The cyclist|VALCIV|person] was bandaged and released from a clinic in the evening.
!084 | [The governor|VALGOV|person] noted in a press release that the audit was over.
!084 | A 46-page analysis released by [the ministry|VALGOV|organization] last month shows the rise.
!084 | [The committee|VALLEG|organization] released the emails of [the aide|VALGOV|person] on Friday.
0841 occurred src=VALREB | [The rebels|VALREB|group] released two aid workers on Sunday.
084 | [Ormund|ORM|country] secured the release of [two fishermen|VALCIV|group].
# a blaze is no gunfire, nor is fighting it
!19 | [Deputy Alma Reyes|-|person] answered a call about a fire at the grain store on Quarry Road.
!19 | [Ms Pruitt|-|person] escaped a kitchen fire on the third floor.
!19 | [Ivo Brandt|-|person] was hurt in a fire at a caravan park near the estuary.
!19; !18 | Crews mounted an attack on the flames from the roof of the garage.
19 | Gunmen fire at [Valdorian troops|VALMIL|group] near the customs post.
18 | [Valdorian troops|VALMIL|group] opened fire at the insurgents near the customs post.
# talk about a subject is discourse, not a meeting
!04 | The coach likes to talk about his years at the academy.
!04 | The talk of fresh tolls on the bridge alarmed hauliers.
04 | The coach held talks with the owners about his contract.
# a visit to a web site
!04 | For the full timetable, visit the county's website.
04 | [The envoy|VALGOV|person] visited the refinery on Friday.
# a plea in court, a reporter's request, a court motion
!02 | [Ada Quill|-|person] entered a plea of not guilty to both counts on Monday.
!02 | [Ada Quill|-|person] answered a request for comment by email.
!19 | [Judge Orr|-|person] granted a motion to strike the new counts.
02 | [The bishop|-|person] made a plea for calm after the riot.
# an animal's attack, the weather, a hall, a crisis that struck
!19 | [The rancher|-|person] survived a bee attack near the creek.
!19 | [Tom Reyes|-|person] recorded the strongest gusts during the storms near the farm.
!02 | [The league|-|organization] held registration in the gymnasium lobby on Saturday.
02 | [The growers|-|organization] went to the capital to lobby in the assembly for the subsidy.
!19 | A deepening crisis struck [Valdorian farmers|VALAGR|group] last year.
19 | [Valdorian troops|VALMIL|group] struck the depot near the river.
# a plan's or a grant's content
!02 | The grant also called for two new trailers for [the county|-|organization].
# a notice to the reader, a passive met, a road accident, a charge's name, cash withdrawn
!04 | Phone the front desk or visit the annex to sign up for the course.
04 | [The envoy|VALGOV|person] visited the library on Friday.
!04 | [The plan|-|organization] was met with scorn by [the marchers|-|group].
04 | [The marchers|-|group] met [the governor|VALGOV|person] at the gate.
!19 | [Ned Cole|-|person] struck a parked car on the bypass.
19 | [Valdorian troops|VALMIL|group] struck a rebel convoy of trucks near the dam.
!17 | [Ned Cole|-|person] faces a charge of resisting arrest.
!08 | [The two men|-|group] tried to withdraw cash at a [Valdorian Bank|VALBUS|organization] kiosk.
# a patient's visit, a trade, a political fight, a habit
!04 | Routine doctor visits cost [the uninsured|-|group] dearly last year.
!04 | Emergency room visits by [county residents|-|group] grew by a third.
!04 | [Nurse Ada Bell|-|person] made 34 home visits in March.
!04 | [Lena Ward|-|person] works as a real estate broker in the valley.
04 | [Ormund|ORM|country] brokered talks between the two factions.
!19 | The long battle over raising the fuel tax could end this month.
!04 | [The ranger|-|person] routinely meets hikers at the trailhead.
!04 | [The ranger|-|person] meets hikers at the trailhead every morning.
18 | [Valdorian guards|VALMIL|group] routinely beat detainees at the camp, a court heard.
04 | [The ranger|-|person] met [the governor|VALGOV|person] at the trailhead on Monday.
# a sports meet, the visiting side, a greeting, kinds of event given as examples
!04 | It was a close dual meet for both squads, said [coach Ripley|-|person].
!04 | [Ivo Brandt|-|person] pinned his man for the visiting Hornets in the second period.
!04 | Nice to meet you, [the mayor|-|person] said to the caller.
!04 | [The clubs|-|group] organise outings such as picnics, concerts, meetings and fairs.
04 | [The committees|-|group] held meetings with [the governor|VALGOV|person] on Monday.
# an attack among civilians is an assault, not military force
180 occurred | [Ned Cole|-|person] attacked his neighbour with a hammer, police said.
!19 | [Ned Cole|-|person] attacked his neighbour with a hammer, police said.
190 occurred | [Valdorian troops|VALMIL|group] attacked the rebel post at dawn.
190 occurred | [Ormund|ORM|country] attacked the port of [Valdoria|VAL|country].
# shooting a ball or a film
!18 | [Gerry Hale|-|person] loved to shoot three-pointers from the corner, his coach said.
!18 | [The crew|-|group] shot the footage at the harbour on Friday.
18 | [Gerry Hale|-|person] shot the clerk at the harbour on Friday.
# a web address to visit
!04 | For the club's fixtures, visit www.harbourrowers.example.org today.
# meeting a goal, a budget or a standard is no meeting
!04 | [The county|-|organization] met the 20 percent recycling goal for the third year.
!04 | [The shelter|-|organization] sold its van to meet its budget.
04 | [The mayor|-|person] met the transport minister over the budget.
# money named, not money given
!07 | [The clinic|-|organization] has funding until June only.
!07 | [The agency|-|organization] cut $90,000 of yearly funding for the clinic.
07 | [Ormund|ORM|country] provided funding for the clinic.
# (funding in the general verb is aid only between political actors: a foundation funding a
# clinic is philanthropy, not a CAMEO event; the government's funding is one)
!07 | [The foundation|-|organization] is also funding the new clinic.
07 | [The health ministry|VALGOV|organization] is also funding the new clinic.
# a jail as a place
!17 | [Ned Cole|-|person] sits in the county jail awaiting a hearing.
17 | [Police|-|organization] arrested [Ned Cole|-|person] on a parole violation.
# how-to demonstrations at a show
!14 | [The nursery|-|organization] held timed demonstrations on pruning roses at the flower fair.
!14 | Interactive demonstrations held through the day covered pruning and potting.
14 | Thousands of students joined demonstrations against the fuel tax on Sunday.
# what surrounds a place; a board and a package named by a trigger word
!19 | Landowners surrounding the quarry have complained about dust.
19 | [Valdorian troops|VALMIL|group] surrounded the quarry at dawn.
!04 | The hotel will have 9,000 square feet of meeting space, according to [Arlo Group|-|organization].
!07 | Finance board member [Dana Pruitt|-|person] and [Sheriff Cole Amberly|-|person] said they would run.
!07 | [The council|-|organization] approved a funding package for the depot.
!17 | The shopkeeper was cut, according to the [Dale County Sheriff's Office|-|organization] arrest report.
# a question or a tip-line request is no appeal
!02 | The senator asked the admiral about the shortages at the depot.
020 | The senator asked the admiral to end the shortages at the depot.
!02 | Deputies ask anybody holding information to phone the precinct.
020 | Deputies ask the governor to fund the precinct.
# a document's content, an impression, a characterisation, a ruling
!02 | The forecast calls for sleet along the ridge.
02 | The bishop calls for calm along the ridge.
!14; !19 | The episode struck several critics as rehearsed.
19 | [Valdorian jets|VALMIL|group] struck the depots near the ridge.
!13 | Mounting uncertainty is threatening to stall the harvest.
13 | [Ormund|ORM|country] is threatening to stall the harvest convoys.
!11 | [The district judge|VALJUD|person] dismissed the lawsuit against the columnist.
11 | [Ormund|ORM|country] dismissed the remarks of [Valdoria|VAL|country] as reckless.
01 | [Ormund|ORM|country] dismissed the accusation from [Valdoria|VAL|country] as lies.
# resigning a company post, withdrawing a business filing
!083 | [Ms Tarrow|VALBUS|person] resigned as chief financial officer in May.
083 | [The interior minister|VALGOV|person] resigned in May.
!087 | [The state lender|VALBUS|organization] is withdrawing its application for a brokerage licence.
087 | [Valdoria|VAL|country] is withdrawing its battalion from the valley.
# ending an investigation is no investigation
!09 | Auditors have scrapped their investigation into the tender.
09 | Auditors launched a fresh investigation into the tender.
# a noun modifying another noun, a kind under an abstract head, a speech setting
!06 | Lawyers warn the extradition bill would gut judicial review.
06 | [Ormund|ORM|country] approved the extradition of two smugglers to [Valdoria|VAL|country].
!04; !05 | Economists doubt the chances of any kind of fisheries deal before winter.
05 | [Ormund|ORM|country] and [Valdoria|VAL|country] struck a fisheries deal before winter.
!19 | The village became a supply hub in the fight against smuggling gangs.
19 | [Valdorian troops|VALMIL|group] lost the fight against the smugglers near the village.
!04 | Diplomats familiar with the negotiations called the mood frosty.
04 | [Ormund|ORM|country] and [Valdoria|VAL|country] held negotiations on the canal.
!14 | The bishop spoke at a rally near the docks.
14 | Thousands of nurses staged a rally near the docks.
# a habitual relative clause, statistics
!04 | The lobbyist, who meets with several senators, took questions.
04 | [The envoy|VALGOV|person] meets with several senators on Thursday.
!18 | Stabbings are down 9 percent compared with the previous year.
18 | Two stabbings were reported near the port on Sunday.
# an event word before the noun it modifies, with no subject before it and a verb after
!14 | Shoppers fled as riot police moved along the arcade.
!14 | Pensioners and riot police argued near the depot.
# a bare verb with a subject before it takes the noun after it as its object
18 | Gangs attack police posts near the depot, residents say.
# an adjective before a noun is no accusation; a person named by an act is no act
!11 | The court heard about the banker's ties to the convicted fraudster and alleged arms dealer Viktor Kast.
!04 | Two late goals handed the hosts victory over [Norway|NOR|country] in the final.
# sports: one country beating another, a title defended; markets: a share rally, output that
# beats forecasts, a hit to an economy; money rather than financing; a pep talk
!18 | [Sweden|SWE|country] beat [Norway|NOR|country] on Sunday.
!05 | [Sweden|SWE|country] will face defending champion [Norway|NOR|country] on Friday.
!18 | [Sweden|SWE|country]'s factory output beat forecasts in March.
!14 | The broker put the jump down to a rally in bank stocks after the ruling.
14 | Thousands of nurses held a rally outside parliament on Tuesday.
!19 | Port delays could cost farmers dearly and be a hit to the wider Swedish economy.
!07 | The personal finances of young savers are fragile.
!04 | The coach gave the players a pep talk.
# a word inside a name in running text
!09 | The agency said its Comets Investigating Dust Sampler would fly past the planet next year.
# a question; showing; a noun demonstration with a clause after it is a protest
!10 | The interviewer repeatedly demanded how the general could be so certain.
!14 | The study demonstrates the ways the virus spreads.
14 | A peaceful demonstration that turned violent left two dead.
# travel by people with no actor code, a private visit; a minister's trip is a visit
!04 | Thousands of families have been leaving for the coast since the floods.
!04 | The teacher was visiting her father in the capital when the storm hit.
04 | [The foreign minister|VALGOV|person] flew to [Ormund|ORM|country] on Monday.
# a recording, a stance, a participle opening a headline, anonymous sources' boilerplate,
# thanks to a law, help with another act
!17 | Cameras captured video of the suspect fleeing.
!18 | The recruit practised his shooting stance at the range.
!17 | Jailed blogger Arif Damirov freed after four years.
none | Two aides not authorized to discuss the budget spoke to reporters.
!05 | The protest fizzled out thanks to the new curfew laws of [Ormund|ORM|country].
!07 | [The former premier|VALGOV|person] has helped unite a splintered opposition.
# diplomats expelled reduce relations
16 | Forty diplomats being expelled from [Ormund|ORM|country] boarded a flight home on Sunday.
# an opinion shared, a defendant, a capture of gas, a show of resolve or strength, an
# ambassador recalled for consultations, an acquittal, a talk show, a weapon's legal name, a
# withdrawal by no armed actor
!03 | Maria Lopez, the clinic's nurse, agrees.
!11 | The accused, identified as Tom Reyes, did not appear in court.
none | The plant will capture carbon from its chimneys.
none | Ministers wanted to demonstrate solidarity with the flooded towns.
none | A demonstration of air power over the capital unsettled residents.
!04 | [Slovenia|SVN|country] recalled its envoy for consultations.
!11 | In March 2001, the court found Ramos not guilty of arson.
!04 | The comedian made the joke on a breakfast talk show.
!19 | The boxer was arrested for carrying an offensive weapon.
none | The inmate withdrew from the parole hearing in May.
# a crime named in a charge is no act told (the charge itself is an arrest-type event)
!18 | [Dale Voss|-|person], 31, was charged Tuesday with burglary, reckless driving and two counts of aggravated assault with a firearm.
!18 | [Dale Voss|-|person] and [Ken Ash|-|person] have each been charged with murder, court records show.
!18 | [Dale Voss|-|person] also faces three counts of attempted murder and one count of arson.
!18 | [Rita Lund|-|person] was arrested Friday on suspicion of assault with intent to kill.
!18 | By charging [Dale Voss|-|person] with felony murder, the county can seek a longer term.
!14 | [Dale Voss|-|person] was booked on charges of rioting and looting.
# a plural after a quantifier names a kind of act; a link to another story; a record
!18 | Detectives are sent out, as is usual in all police shootings.
none | More: Arrest made after break-ins at two storage yards
!17 | A search of [Ned Cole|-|person]'s arrest record turned up two old warrants.
# a market's rally told without a market's name
!14 | Traders said the rally has only now broken above its long trend line.
# a product released, a finding demonstrated
!08 | [The phone maker|-|organization] released its new folding smartphone in March.
!14 | The two biologists demonstrated in 2015 that the enzyme slows the decay.
# contact details for the reader
none | Call [Harbourline|-|organization] by telephone on 1-800-555-0134 or email sales@harbourline.example.
# a storm's damage, works carried out, a paper released
!17 | Last autumn [Hurricane Clara|-|organization] completely destroyed the old chapel near the quay.
!18 | Both dam projects were executed by [Valdorian Army|VALMIL|organization] engineers over two years.
!08 | On Monday [the ministry|VALGOV|organization] released a white paper about farm subsidies.
# something shown in the passive
!14 | Our resolve was also demonstrated by the decision of the cabinet.
# a visit online, a market's demand, a fight against an ill, a race lost
!04 | Follow the festival and visit its pages on Facebook and Instagram.
!04 | Change the password on every site you visit at least twice a year.
!10 | [Harbour Studios|-|organization] executive [Kevin Marsh|-|person] said overwhelming demand and a coding glitch led to outages.
!19 | [Valdoria|VAL|country] has been fighting toxic smog for two centuries.
!19 | Volunteers spent the night fighting a grass fire near the ranger station.
!18 | In the 200 metre freestyle, [Ruiz|-|person] was beaten out by a swimmer from the coast.
# a telephone as a device, a promising quality
!04 | [The tablet|-|organization] pairs with phones and laptops.
!03 | [The new coach|-|person] said the early results are promising.
# a sentence about a game being played
!18 | The Harbour Hawks beat the Mill Town Rovers in overtime to reach the playoffs.
!19 | Lind grabbed an offensive rebound and sank a 3-pointer with a minute left.
!04 | The goalkeeper made 31 saves as the two clubs met for the third time.
# states agreeing that something should be done take a position
03 | [Ormund|ORM|country] and [Valdoria|VAL|country] agree that the border quarrel belongs before a tribunal.
# declining to answer is no rejection
!12 | The press officer declined to answer questions about the tender.
12 | [Ormund|ORM|country] rejected the tender from [Valdoria|VAL|country].
# an idiom: words shot down, a past harked back to (a proposal shot down is a rejection)
!18; !19 | At the motor show [the carmaker's president|-|person] shot down rumours of a new engine.
!05 | The speech hearkens back to the old slogans of [Mayor Dunne|VALGOV|person].
# a habit or a standing position: frequent or regular acts, a traditional stance, a preference
!04 | [The envoy|VALGOV|person] has been making frequent visits to the northern provinces.
!11 | [Ormund|ORM|country] traditionally opposes any foreign base in the region.
!04 | [Valdoria|VAL|country] has come out in favour of dialogue with [Ormund|ORM|country].
# a purpose of a thing is no intent; the need for something is no demand
!03 | Under the new plan [the county|-|organization] will host four public workshops across the region intended to inform farmers about grants.
!10 | [Valdorian authorities|VALGOV|group] seemed motivated by the need to preserve sovereignty, [the minister|VALGOV|person] said.
# a word inside a name: a crowded sentence is no title-case headline; a surname
!05 | In late 2016 [Valdoria|VAL|country] worked with the [United Federation|UFD|country] as the [Government|VALGOV|group] of National Accord in Zelvik launched Operation Solid Structure.
!19 | [Rory|-|person] Shell, 38, and [Dale Watts|-|person], 41, are the inmates.
# prisoners are no verdict; involvement in a scandal is no accusation
!11 | [Judge Suarez|VALJUD|person] ordered the four male convicts to be sent to the island prison.
!11 | Also implicated in the scandal was [the shipping magnate|-|person].
!11 | The verdict closes a bribery scandal that gripped [Valdoria|VAL|country], upending its politics and implicating its most powerful figures.
# a charge on trial; a statement released; people arriving; a fight in court; photo captions
!18 | [The three defendants|-|group] are on trial for murder alongside the driver.
!08 | [The president|VALGOV|person] released a communique pledging austerity.
!04 | Aid groups are helping the growing number of [Valdorians|VAL|nationality] arriving in the north of the country.
!19 | The parents staged a months-long battle with the courts to keep the clinic open.
!19 | The sergeant served with [Valdorian forces|VALMIL|group] in the country battling [the Dawn Front|VALREB|group], file photo.
# an outlet's editor's note under its story
none | Editor’s note: [Ana Ruiz|VALPTY|person] has repeatedly pledged to ban all rallies in the capital.
!17 | [Ivo Brandt|-|person], who has been arrested on suspicion of arson (Picture: Harbour Police) Officers said the house had no water.
# the last words of a name; a haste to act
!06 | [The minister|VALGOV|person] defended the North [American|USA|nationality] Free Trade Agreement, but asked for changes.
# a reference back (as promised) and an abstract promise are no pledge
!03 | Inflation would only worsen if [the candidate|VALGOV|person] unleashes new spending, as promised.
!03 | The law targets those who seek accountability, fulfilling the promises of the revolution and the [Valdorian|VAL|nationality] people's hopes for a fair country, she said.
# market demand, a project's phase, money raised
none | [Valdoria|VAL|country] and [Ormund|ORM|country] will have a significant increased demand for biological solutions.
!14 | [The firm|-|organization] will prepare for the demonstration phase expected to begin in the autumn.
!07 | [The minister|VALGOV|person] helped [the banker|-|person] raise donations from companies for his foundations.
# help, funding and gifts to a sector of society, help to do something, a patient airlifted
!07 | The new scheme helps [students|EDU|group] with their fees.
!07 | [The charity|NGO|organization] funded [the clinic's doctors|MED|group] for a year.
!07 | [Ormund|ORM|country] helped [Valdoria|VAL|country] win the vote on the seabed treaty.
!07 | [Ormund|ORM|country] helped [the militia|VALREB|group] tighten its hold on the valley.
!07 | [The army|VALMIL|organization] airlifted the injured driver to a hospital in the capital.
!07 | [Ormund|ORM|country] contributed to deepening the partnership with its neighbours.
# a fight, a strike or an occupation in an article with no word of war, no coded side, no place
# and no dead is another sense of the word
!19 | The teenager who is fighting leukaemia has joined a running club.
!19 | [The young driver|-|person] stormed to a lead of nine points.
!19 | [The boy|-|person] was struck by flying glass outside the shop.
!19 | [The retailer|-|organization] occupied the empty units with discount stores.
# meetings, visits and calls between people of no public standing: private life
!04 | [Barry|-|person] and [Beryl|-|person] met as teenagers on a coach back from the seaside.
!04 | [Sally|-|person] visited her cousins by the lake on Sunday.
!04 | [The plumber|-|person] had to meet a client in her car because of the rain.
!04 | [The couple|-|group] discussed the wedding menu with their caterer.
# (a family's visit to a prisoner is private: what an analyst codes is who blocked it)
!04 | Prison guards blocked relatives from visiting the jailed poet.
!08 | [Her brother|-|person] convinced him to hand over his benefit cheque.
# a name with a possessive, a candidate's rally, an appeal that charms or goes to court, a
# flight back, the terms of a deal, a claim insisted on, tax returns released
!14 | Rally's founder sold half of the burger chain last year.
!14 | Thousands of supporters cheered at a [Garvey|-|person] rally at the county fairground.
!14 | [The senator|VALGOV|person] told the crowd at his campaign rally that taxes would fall.
# a rally in an article of an election campaign that tells of no protest is the campaign's
!14 | At a rally on Friday the candidate told voters the election was rigged.
!14 | [The governor|VALGOV|person] will hold a rally in the capital, where voters go to the polls in the primary next week.
!02 | Pundits praised the populist appeal of the governor's message.
!02 | The council is considering filing an appeal against the planning ruling.
!05 | [The minister|VALGOV|person] flew back to the capital on Tuesday.
!02 | The terms call for the bank to issue new shares to every holder.
!10 | [His aides|-|group] insist he is returning to the Senate unchanged.
!08 | [The candidate|VALGOV|person] released his tax returns on Friday.
!17 | [The aide|VALGOV|person] destroyed the emails before the inquiry began.
17 | [The militia|VALREB|group] destroyed three houses in the village.
# in an article with no word of war, an attack between people of politics is words and a
# beating is a vote
!18 | [Garvey|VALGOV|person] has the better chance to beat [the governor|VALGOV|person] in November.
!19 | [Garvey|VALGOV|person] attacked [the governor|VALGOV|person] for his tax plan.
";

/// Filters that must not drop real events: each sentence holds an event of the named root
/// whose wording resembles one of the no-event readings above.
const KEEPS: &str = "\
# force told near words of plans stays force when the plan is another's: people enforcing a ban,
# supporters of a plan; a killing beside an attack it does not name keeps both
19; !11 | [Rioters|VALOPP|group] attacked [police|VALCOP|organization] enforcing the ban.
!11 | A bus carrying supporters of the peace plan came under attack near the border.
18; 19 | [Security forces|VALMIL|group] killed a militant involved in the attack on the hotel.
# a claim about an attack is not the attacker's: the attack keeps no source
015; !19 | [Ormund|ORM|country] claimed the attack was staged.
# force against people or places next to words of plans and laws stays force; a vow to attack
# them is a threat of force
19 | [Valdorian rebels|VALREB|group] attacked the town despite the ceasefire agreement.
19 | [Valdorian troops|VALMIL|group] attacked the rebel positions, reports said.
19 | [Gunmen|VALCRM|group] attacked law enforcement officers near the court.
138; 19 planned | [Valdorian troops|VALMIL|group] vowed to attack [the rebels|VALREB|group] in the hills.
# a rally of protesters in a campaign stays a protest
14 | Protesters held a rally outside the candidate's campaign office before the election.
14 | [The nurses' campaign group|VALLAB|organization] held a rally before the debate in parliament on the pay bill.
14 | At a rally against the dam, voters in the election district heard [the candidate|VALGOV|person] speak.
# a commander in a place is an armed word: a fight there stays a fight
19 | The police commander in the port said rival gangs clashed near the market.
# a release on bail, whatever records show later, is a release
084 | [Ada Quill|-|person] was released on bail, court records show.
# real events near this session's filters (found in review)
195 occurred | The airstrike on the market, which could further inflame tensions, killed 12 civilians in {Idlib|SY|city} <on Monday|2016-12-12|day>.
195 | [Western powers|-|group] including [France|FRA|country] and [Britain|GBR|country] launched airstrikes on [Syrian|SYR|nationality] chemical sites.
19 | [Boko Haram fighters|NGAREB|group] attack village, set fire to homes.
19 | The attack on the fire station killed two guards, [the army|VALMIL|organization] said.
19 | The [Tamil Tiger|LKAREB|group] attack on the army base killed 40 soldiers.
18 | A protester was shot dead at the scene by [police|VALCOP|organization] in {Harare|ZW|city}.
18 | [Rebels|VALREB|group] shot the pilot after his helicopter came down.
040 occurred | At the meeting in {Brussels|BE|city}, [NATO ministers|IGONAT|group] said they will send more troops.
04 | [Xi|CHNGOV|person] was met at the airport by [Trump|USAGOV|person] on Thursday.
04 | The visiting [Iranian|IRN|nationality] foreign minister held talks with [Valdorian officials|VALGOV|group].
04 | [Putin|RUSGOV|person] met [Abe|JPNGOV|person] at the economic forum held every year in {Vladivostok|RU|city}.
07 | [Qatar|QAT|country], which funds [Hamas|PSEREB|group], denied the report.
07 | [The government|VALGOV|organization] funds the militia in the north.
19 | Twelve villagers died in a battle over land rights between two clans.
17 | [Thai courts|THAJUD|organization] jail two activists for insulting the king.
18 occurred date=2016-12-12 | [Soldiers|VALMIL|group] killed five militants <on Monday|2016-12-12|day> in a village abandoned decades ago.
# an act told after a list of charges, or with its own object after \"accused of\"
18 | [Dale Voss|-|person] was charged with murder for the killing of a ferry pilot near the pier.
18 | [Rita Lund|-|person] is accused of stabbing a neighbour outside the laundry.
18 | [Rita Lund|-|person] is accused of stabbing and robbing a courier near the docks.
18 | [Ivan Moss|-|person] was arrested for robbery and then shot a deputy during the chase.
18 | Two brothers accused of carrying out the harbour bombing were named by the court.
18 | [Ivan Moss|-|person] was charged with the murder of a ferry pilot near the pier.
# a call by phone, a promise to act
04 | [The envoy|VALGOV|person] spoke by phone with [the Ormund premier|ORMGOV|person] on Monday.
04 | [The envoy|VALGOV|person] talked with [the Ormund premier|ORMGOV|person] over the phone on Monday.
03 | [The minister|VALGOV|person] is promising to reopen the border crossing.
# an arrest in a sports report
17 | [Police|VALCOP|organization] arrested the goalkeeper after the playoff match in which he made 30 saves.
# words of war and politics that sports reports share: no game
19 | [Rebels|VALREB|group] attacked three points along the border in the dry season, claiming victory.
190 occurred | [Rebels|VALREB|group] attacked the forward base after the league of tribes scored a point in talks.
# a question quoted after the act is no question about it
173 occurred | [Police|VALCOP|organization] arrested the driver after he asked \u{201c}Why me?\u{201d}
# a quantifier that counts acts told, or a part of them
18 | Most of the shootings took place near the bus station, [police|VALCOP|organization] said.
# an -ing verb after a verb or an auxiliary takes an object; it is no compound modifier
17 | Soldiers began detaining activists outside the courthouse.
18 | Youths were attacking police near the depot.
# a release of people reported by a document
084 | The communique said the militia released four captives near the pass.
# weapons withdrawn from a front are a de-escalation
087 | Both armies withdrew heavy weapons from the ceasefire line.
# a protest after a statistic
14 | Rallies broke out after bread prices jumped 40 percent.
# an irregular past after a relative pronoun is no habitual
08 | [Valdorian troops|VALMIL|group] that withdrew from the valley crossed the river.
# resigning a post in a party or a state body
083 | [The lawmaker|VALLEG|person] resigned as head of the ruling party.
# a verb \"call on\" with a number
02 | The envoy called on 14 donor nations to pledge funds.
# the critics of a document call for something
02 | Critics of the budget called for a recount.
# demonstrating by doing
14 | Students demonstrated by occupying the library.
# an adverb after the subject, a time after the verb, a trip for talks
19 | [Gunmen|XXXREB|group] reportedly attacked villagers near the market.
14 | Thousands of farmers demonstrated this week in Brussels.
042 | The mediators arrived in Doha for talks on Sunday.
# words shot down from the sky; a deal agreed; an act an actor intends (coded planned, the
# intention itself no 03 event); a routine stop
19 | [Valdorian troops|VALMIL|group] shot down a drone over the dam.
19 | [Valdorian troops|VALMIL|group] shot down a helicopter on Monday.
057 planned | [The minister|VALGOV|person] intended to sign the accord in March.
18 | Gunmen opened fire on [a patrol|VALMIL|group] during a routine stop.
# a verdict reached; an accuser who implicates
11 | The jury voted to convict [the former mayor|VALGOV|person] on Friday.
11 | [The witness|-|person] implicated [two officers|VALCOP|group] in the beating.
# an envoy arriving; captives released
04 | [The envoy|VALGOV|person] arrived in [Ormund|ORM|country] on Monday for talks.
08 | [The rebels|VALREB|group] released two hostages on Friday.
17 | (Photo: Harbour Police) Three men were arrested at the quay on Friday.
03 | [The minister|VALGOV|person] promised aid to [Ormund|ORM|country].
14 | [Protesters|VALOPP|group] staged a demonstration outside parliament.
07 | [The European Union|IGOEUREEC|organization] gave donations of food to [Valdoria|VAL|country].
# According to is no accord; a request named with its asker is told
!05; 12 occurred | According to [Mayor Soule|-|person] and school board meeting minutes, [the board|-|organization] rejected the plan.
02 | The city has yet to pass a resolution supporting the extension as requested by [the district|-|organization].
# found in review: help in the passive or with an adverb after the helped, a record number
# destroyed, an appeal near a decision, a demand insisted with that, an opposition rally, an
# attack by criminals, a hostage released by uncoded kidnappers
07 | [Valdoria|VAL|country] was helped by [Ormund|ORM|country] after the floods.
07 | [Ormund|ORM|country] helped [Valdoria|VAL|country] financially after the floods.
17 | [The rebels|VALREB|group] destroyed a record number of homes in the valley.
02 | [The United Nations|IGOUNO|organization] launched an appeal for aid to [Valdoria|VAL|country] after the decision to close the border.
10 | [Valdoria|VAL|country] insisted that [Ormund|ORM|country] withdraw its troops.
14 | Thousands joined the opposition leader's rally in the capital against the war.
!11 | [The kidnappers|CRM|group] attacked [the mayor|VALGOV|person] outside the town hall.
08 | The kidnappers released the shopkeeper after two weeks.
!07 | [The senator|VALGOV|person] said he would gladly accept the governor's help.
!07 | [Valdorian troops|VALMIL|group] were helping with the harvest in the north.
!14 | [Protesters|VALOPP|group] scuffled outside one of [Garvey|-|person]'s rallies.
!18 | The primary win gave [the senator|VALGOV|person] a big shot of momentum.
!02 | The boy's relatives pressed their appeal in the [Valdorian|VAL|nationality] appeals court.
!19 | The campaign's war chest grew as the two candidates battled for the nomination.
# kinds said to be common or numerous, a criminal record, imprisonment as a state
!19 | Clashes between the army and the rebels are frequent in the border villages.
!14 | Protests are common in the border province, the report said.
19 | Clashes erupted in the valley, a region where such attacks are rare, [the army|VALMIL|organization] said.
17 occurred | [The regime|VALGOV|organization] has already jailed dozens of journalists this year.
17 | [The journalist|MED|person] is jailed for ten years for sedition.
!17 | [The driver|-|person] has prior arrests for trespassing and theft.
!17 | [Ten journalists|MED|group] remain imprisoned in [Valdoria|VAL|country] on political charges.
!17 | [Ormund|ORM|country] urged the release of all those wrongfully imprisoned.
17 | [The journalist|MED|person] was imprisoned for ten years on Friday.
# an appeal to a body of state, a protest rally, a verbal attack, an attack with a knife
02 | [The United Nations|IGOUNO|organization] renewed its appeal for aid to [Valdoria|VAL|country].
14 | Thousands rallied against the fuel tax outside parliament.
111 | [Garvey|VALGOV|person] attacked [the governor|VALGOV|person] for his tax plan.
# the president's title names no armed force
111; !19 | [Garvey|VALGOV|person] attacked [the governor|VALGOV|person] as unfit to be commander-in-chief.
!11 | [The governor|VALGOV|person] was hurt when [Garvey|VALGOV|person] attacked him outside the hall.
18 | [The governor|VALGOV|person] was attacked by a man with a knife outside his home.
10 | [The union|LAB|organization] insisted on a new vote.
10 | [Valdorian officials|VALGOV|group] insist they have a legal right to see the detained sailor.
# a public body meets, or a pronoun stands for public people named just before
04 | The council met on Monday to discuss the budget for the harbour.
04 | The two foreign ministers spoke for an hour. They met again in the evening.
# help and funding given to a state or an armed group, help with something
07 | [Ormund|ORM|country] helped [Valdoria|VAL|country] after the earthquake.
07 | [Ormund|ORM|country] assisted [the Valdorian army|VALMIL|group] with fuel and spare parts.
07 | [Ormund|ORM|country] has funded [the rebels|VALREB|group] for years.
07 | [Norway|NOR|country] contributed 20 million kroner to [Valdoria|VAL|country].
07 | [The World Food Programme|IGOWFP|organization] airlifted food to the stranded villagers.
";

const STATUS: &str = "\
# an act braced for or expected is still to come
14 planned | Convention cities brace for protests.
14 planned | Expecting thousands for a protest on the opening day, [the organizer|VALOPP|person] said he would ignore the route.
# a word right before a modal is a noun: the protests will erupt
14 planned | Organizers say the city is raising the likelihood that unsanctioned protests will erupt next week.
# leave or power to act is no act
17 hypothetical | A state law signed in spring lets religious groups restrict membership.
173 hypothetical | A new law permits [police|VALCOP|organization] to detain suspects for a week.
173 occurred | [Police|VALCOP|organization] detained four suspects for a week.
# a passive infinitive under a call, and a second object of the call after and, are what was
# called for; the first to be arrested was arrested
17 hypothetical | [The governor|VALGOV|person] called for the mine to be shut down.
173 hypothetical | [Critics|VALOPP|group] have called for the plant to be closed and its owners to be arrested.
17 hypothetical | [Ana Ruiz|VALGOV|person] is calling for a judge to investigate the deal and for the agency to be shut down.
173 occurred | He was the first to be arrested in the raid.
# a capitalised word of a name is no cue: the gathering of Planned Parenthood was held
040 occurred | [Ana Ruiz|VALGOV|person] told a [Planned Parenthood|VALNGO|organization] meeting with [the governor|VALGOV|person] on Monday.
# the noun told something, and a pronoun opening what was told: the future is what was said
040 occurred | [The mayor|VALGOV|person] told a town meeting in Dover he will cut taxes.
040 planned | [The mayor|VALGOV|person] said the town meeting will be held on Monday.
# a proposal to act, and being open to an act, are no acts
16 planned; !08 | [The senator|VALLEG|person] released a proposal to ban imports from [Ormund|ORM|country].
!08 | The ad that [the senator|VALLEG|person] released today is a disgrace, the mayor said.
!19 | [The senator|VALLEG|person] said the outpost was left more vulnerable to attack after the troops withdrew.
19 occurred | [Rebels|VALREB|group] attacked the outpost after the troops withdrew.
# a clause of its own between a verb of telling and its to-infinitive is no order: the meeting happened
040 occurred | [The envoy|VALGOV|person] told reporters he flew to [Ormund|ORM|country] to meet [the premier|ORMGOV|person].
# an act someone is advised, urged or pressed to do has not happened, however long the object;
# an act someone was forced to do has
0831 hypothetical; !08 | [The party's deputy spokesman|VALPTY|person] advised the party chairman, [Chief Arno Tiel|VALPTY|person], to resign his post.
172 hypothetical; !17 | [The clerics|VALREL|group] urged the new media minister of [Valdoria|VAL|country] on Sunday to ban the festival.
0831 occurred | The cabinet forced [the finance minister|VALGOV|person] to resign on Monday.
# talks told as the purpose of a meeting or of a call for one are that meeting, not a second
# event; a trip and the meeting held on it stay two
n04=1; 040 occurred src=VALGOV | [The mayor|VALGOV|person] met with [the governor|VALGOV|person] on Thursday to discuss the future of the ferry.
n04=0; 026 occurred src=VAL | [Valdoria|VAL|country] called for an urgent meeting of the grain ministers to discuss export quotas.
042 occurred; 040 occurred | [The Valdorian envoy|VALGOV|person] flew to [Ormund|ORM|country] on Sunday to meet with the cabinet.
# a would reported after a verb of saying is the speaker's will: an announced act is planned,
# its talks taking place too; a forecast about another actor stays a possibility
12 planned | [The Valdorian president|VALGOV|person] said he would veto the fishing bill.
04 planned | [Officials|VALGOV|group] said the talks would continue next week.
19 hypothetical | [Analysts|-|group] said [Ormund|ORM|country] would invade [Valdoria|VAL|country] within weeks.
19 hypothetical | [Officials|VALGOV|group] said it would be a mistake to attack [Ormund|ORM|country].
# a past ability with could stays what happened
17 occurred | [Valdorian troops|VALMIL|group] could only cross the river by seizing the bridge.
# a means by a gerund shares the modal of its verb; a negation inside a condition is a condition
040 hypothetical | [The carmaker|BUS|organization] could raise the pressure by convening a meeting of the shareholders.
100 hypothetical | [The carmaker|BUS|organization] could raise the pressure by calling a meeting and urging [the board|BUS|organization] to drop the limit.
0874 hypothetical | The envoy warned that if [Ormund|ORM|country] did not withdraw its troops, sanctions would follow.
# a promise not kept stays negated
087 negated | [Ormund|ORM|country] did not keep its promise to withdraw its troops.
# a condition by inversion at the head of the sentence; the same words asking or telling
0874 hypothetical | Had [Valdorian troops|VALMIL|group] withdrawn earlier, the rebels would have seized the town.
0874 hypothetical | Had [Valdorian troops|VALMIL|group] not withdrawn, the rebels would have seized the town.
19 hypothetical | Were [Ormund|ORM|country] to attack [Valdoria|VAL|country], the alliance would respond.
0874 occurred | [Valdorian troops|VALMIL|group] had withdrawn from the town by Monday.
# yet to: not done so far
0841 negated | [The rebels|VALREB|group] have yet to release [the hostages|VALCIV|group].
04 negated | [The two envoys|VALGOV|group] are yet to meet, officials said.
# a promise kept, any talks, anything to apologise for, a ban wanted
180 occurred | [The kidnappers|CRM|group] kept their promise to kill the shopkeeper.
046 hypothetical | [Valdoria|VAL|country] voiced doubts about any negotiations with [Ormund|ORM|country].
055 hypothetical | It is not that [the senator|VALGOV|person] has anything to apologize for.
163 hypothetical | [The farmers' union|LAB|organization] wants a ban on imports of foreign grain.
# suggested, recommended, anticipated, committed or open to: not happened yet
040 hypothetical | [The trade envoy|VALGOV|person] suggested direct talks among the parties.
046 planned | [Valdoria|VAL|country] and [Ormund|ORM|country] committed themselves to negotiate a new treaty by the end of the year.
0874 planned | [The sheriff|VALCOP|person] anticipated the two men surrendering on the warrants later that day.
040 hypothetical | [The mayor|VALGOV|person] left the door open to discuss the issue with the unions.
# a schedule told in the present with its clock time or day
040 planned; !04 | The board meeting begins at 7:15 p.m. in the school gym.
040 planned; !04 | The board meeting is at 8 p.m. in the school gym.
040 planned; !04 | The neighbourhood meetings, which will take place over the summer, will cover the bus routes.
040 planned; !04 | At the council meeting, [the design firm|-|organization] will present its plan.
040 occurred | The board meeting was at 8 p.m. in the school gym, and it ran late.
# a non-occurrence governor
06 negated | The financier has so far evaded extradition to [Ormund|ORM|country].
# a counterfactual, with or without a negation inside it
03 hypothetical; !03 | [Ormund|ORM|country] would not otherwise have pledged to a truce.
# an inverted conditional
08 hypothetical; !08 | Penalties will follow should [Ormund|ORM|country] not accede to the demands.
# a tip-line names a known event; a guess about a past event's nature keeps it past
18 occurred | Deputies ask anybody with information on the stabbing to phone them.
18 occurred | Investigators suspect the stabbing may have been a feud.
# an act feared, risked or awaited; a removal resisted or faced is still pending
20 hypothetical; !20 | Farmers in the valley feared a massacre by the militia.
18 hypothetical; !18 | \u{201c}Did [the militia|VALREB|group] shoot anyone at the depot?\u{201d} [the officer|VALCOP|person] asked.
17 hypothetical; !17 | Strikers who block the port risk arrest.
06 hypothetical; !06 | The banker is fighting extradition to [Ormund|ORM|country].
17 hypothetical; !17 | The reporter faces deportation to [Ormund|ORM|country].
# the invasion that is resisted happened
19 occurred | [Valdorian troops|VALMIL|group] resisted the invasion by [Ormund|ORM|country].
# a forecast or a schedule after a noun trigger; a guess about who did a past act is no forecast
19 hypothetical; !19 | Commanders say an offensive is likely before the thaw.
04 planned; !04 | A meeting with [Ormund|ORM|country] is expected on Thursday.
18 occurred | The bombing was likely planned by [the militia|VALREB|group].
# an act that a step opens the way for has not happened
04 hypothetical; !04 | The truce paved the way for talks with [Ormund|ORM|country].
# a present-tense act in a when-clause is generic (or to come); a noun there is no such act
16 hypothetical; !16 | When the government slaps tariffs on imports, prices rise.
18 occurred | When the suicide attack happened, the market was full.
# a negation at a distance; an agreed deal is an agreement
03 negated; !03 | At no time did the firm agree to those terms.
057 occurred | The club has agreed a deal with the striker.
# a blocked act; a capitalised May is a name, not a modal (in a title-case headline it is
# the modal); a from before a place keeps the act; a toll expected to rise is no forecast of
# the attack
17 occurred | Border guards stopped migrants from Syria and detained them.
16 hypothetical | [Russia|RUS|country] May Expel [British|GBR|nationality] Diplomats
18 occurred | The death toll from Saturday's bombing is expected to rise.
04 negated; !04 | Prison guards blocked the senator from visiting the jailed poet.
11 occurred | [Defence Secretary Julia May|VALGOV|person] has blamed [Ormund|ORM|country] for the cyber raid.
# an act named as a willingness or an ability is no act that happened
040 hypothetical | The rebels signalled their willingness to discuss the border.
# a purpose or wish is no occurred event
08 hypothetical; !08 | [Valdoria|VAL|country] has been keen to withdraw its brigades from the frontier.
# a bomb that went off in a when-clause went off
183 occurred | The convoy was near the bridge when the booby-trapped bomb exploded.
# the act an attempt aimed at, through another verb, did not happen
!08 | [The prince|VALGOV|person] detained [the premier|ORMGOV|person] and tried to force him to resign.
# an infinitive of purpose takes the modal of the verb it serves
040 planned; !04 | [The chief executive|-|person] will travel to the capital next week to testify before [parliament|VALLEG|organization] to discuss the data plan.
# a plea that is rejected was made
020 occurred | The court rejected [the lawyers'|-|group] plea to delete two chapters of the memoir.
08 hypothetical; !08 | In his haste to withdraw from [Ormund|ORM|country], [the president|VALGOV|person] stands alone.
# could is also a past ability: the act it tells happened
09 occurred | The team had to clear the site before [police|VALCOP|organization] could go in to investigate.
# the act a deal is struck to do is planned; a past verb after a comma is the next act told,
# not the complement of an appeal
064 planned; !06 | In 2014 [Valdoria|VAL|country] and [Ormund|ORM|country] struck a deal to secure the border and share intelligence.
0874 occurred | [The council|VALGOV|organization] urged [the army|VALMIL|group] to withdraw, and [the army|VALMIL|group] withdrew.
# a bare verb after and shares the first verb's modal across a place
161 planned; !16 | [Valdoria|VAL|country] will close the consulate in the port city and expel foreign diplomats, the minister said.
# an aim stated with be is no act
05 hypothetical; !05 | Its main purpose was supporting [Valdorian special forces|VALMIL|group] in the hills.
# too much or too little to act: the verb right after it did not happen, the object of another
# verb is untouched
040 negated | [Aides|-|group] said it was too early to discuss a merger with [party leaders|VALPTY|group].
190 negated | [The rebels|VALREB|group] are too weak to attack [the capital|VALGOV|organization].
190 occurred | [Valdorian troops|VALMIL|group] arrived too late to stop the attack on [the village|VALCVL|group].
# too meaning also is no degree
173 occurred | [Police|VALCOP|organization] too moved to arrest [the smugglers|VALCRM|group] on Monday.
# an act still to be decided
040 hypothetical; !04 | There was no decision on a meeting between [the two leaders|VALGOV|group].
16 hypothetical; !16 | Any decision to expel [the envoy|ORMGOV|person] must be agreed by [both governments|VALGOV|group].
# a denial, or a rejection of a claim, reaches into its that-clause; a that-clause after a verb
# of saying keeps its act
195 negated; !195 occurred | [The Ormundi government|ORMGOV|organization] denied that [Ormundi|ORM|nationality] jets had bombed the hospital.
18 negated; !18 occurred | [The army|VALMIL|organization] denied reports that its soldiers had killed civilians.
190 negated | [Ormund|ORM|country] denies that its forces attacked the convoy.
190 occurred | [Ormund|ORM|country] said that its forces attacked the convoy.
# a vow to fight a thing that is no fight is no threat of force
!13 | [The union|VALLAB|organization] vowed to fight the pension cuts.
";

const DATES: &str = "\
# a vague time long before the story, fronted or after the act in its clause
09 occurred date=none | Some years ago, [the council|-|organization] looked into repairs at the pool.
17 occurred date=none | [The council|-|organization] banned the sale of fireworks decades ago.
17 occurred date=none | In the past, [police|-|organization] arrested dozens of hawkers at the fair.
17 occurred date=2016-12-14 | [Police|-|organization] arrested a man who had stolen a car years ago, officials said.
# a year inside the trigger's noun phrase dates it before the story: no publication date
112 occurred date=none | Prosecutors revived a 2013 bribery allegation against [the governor|VALGOV|person].
04 occurred date=none | The envoy once visited the rebel camp in the hills.
# a time that opens the sentence dates every past act in it without a date of its own
12 occurred date=2014 | In <2014|2014|year>, [Judge Amara|VALJUD|person] ruled the wiretaps lawful, rejecting the claim of the mosques.
09 occurred date=none | The board cited a previous investigation by [the Valdorian police|VALCOP|organization].
# a time that opens a clause after a colon, or ends a fronted when-clause, dates the past acts
# after it; the acts before the colon keep their own
19 occurred date=2014 | In <2008|2008|year>, [Ormund|ORM|country] annexed the island; in <2014|2014|year>, [Ormund|ORM|country] invaded [Valdoria|VAL|country].
04 occurred date=2009-12 | The envoy tells the story often: In <December 2009|2009-12|month>, with the conference close to failure, the two ministers burst into a meeting of [Ormundi officials|ORMGOV|group].
030 occurred date=1996 | Back when it joined the pact <more than 20 years ago|1996|year>, [Valdoria|VAL|country] pledged to open its roads.
";

#[test]
fn wrong_senses_and_generic_mentions_are_no_events() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("sense", SENSE, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn filters_keep_real_events_that_resemble_non_events() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("keeps", KEEPS, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn non_occurrence_counterfactual_and_conditional_status() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("status", STATUS, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn background_in_the_noun_phrase_gets_no_publication_date() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("dates", DATES, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
