// English word lists, hand-written for Momentos. Not derived from any data set.
// Valence −3…+3; `*` = prefix; `_` joins a phrase.

import type { LexiconSource } from "./lexicon.js";

export const lexiconEn: LexiconSource = {
  negators: `not no never nothing nobody none neither nor without cannot cant can't dont don't doesnt doesn't didnt
    didn't isnt isn't wasnt wasn't arent aren't werent weren't wont won't wouldnt wouldn't couldnt couldn't
    shouldnt shouldn't havent haven't hasnt hasn't hadnt hadn't aint ain't hardly barely neednt n't nowhere
    no_one not_at_all by_no_means rarely seldom`,
  contrast: `but however yet nevertheless nonetheless except_that other_than_that the_only_thing
    on_the_other_hand instead`,
  concessive: `although though even_though despite in_spite_of while whereas albeit`,
  // The never_… phrases are emphasis, not negation ("never been so disappointed"): a phrase is matched before
  // its first word, so "never" does not open a negation there.
  intensifiers: `very really so too extremely super absolutely totally completely incredibly truly highly
    especially exceptionally remarkably amazingly terribly awfully seriously utterly such quite
    particularly insanely hugely mega ultra soo sooo damn freaking freakin fucking fuckin friggin effing way_too so_much
    much real_good deeply thoroughly entirely
    never_been_so never_been_more never_felt_so never_felt_more never_seen_such never_been_this
    never_seen_so never_had_such`,
  diminishers: `slightly somewhat little a_little a_bit kind_of kinda sort_of sorta fairly rather barely
    marginally partly partially mildly moderately almost nearly occasionally a_tad a_touch relatively`,
  expectations: `arrived arrive arrives came come comes work works worked working answer answered answers
    respond responded responds reply replied replies help helped helps fix fixed fixes resolve resolved
    resolves refund refunded refunds show showed showed_up call called calls deliver delivered delivers
    get got received receive load loads loaded bother bothered care cared`,
  sentiment: `
    // First listing wins. Descriptive words that are not opinions by themselves, and forms that are not
    // inflections of an opinion word ("news" is not "new" + s, "means" not "mean" + s, "later" not "late" + r).
    0: not_only not_just new news right ready means later lately k kk super_bowl superbowl united fair_trade
       beat beats hold shot shoot shoots fighter fighters firefighter* crush the_rest_of rest_of years_old
       year_old months_old the_hell_out_of again latest can't_believe cant_believe can_not_believe
       don't_believe unbelievable unbelievably hard_copy
    // Set phrases whose words would mislead: a negated or negative word that praises, and the reverse.
    3: can_not_wait not_bad_at_all couldn't_be_happier couldnt_be_happier could_not_be_happier couldn't_be_better couldnt_be_better
       could_not_be_better never_been_better never_felt_better second_to_none can't_go_wrong cant_go_wrong
    2: can't_complain cant_complain no_complaints no_problem no_problems no_worries not_a_problem no_doubt
       without_a_doubt hell_of_a one_hell_of_a holy_shit holy_crap holy_cow miss_you missed_you miss_u
       crush_on the_shit killed_it kills_it wanted_it_so_bad want_it_so_bad so_bad_to wanna_see
       sick_beat
    // Mild: occasions and laughter (which is as often nervous or mocking as happy).
    1: birthday party weekend jaja sure
    3: excellent* amazing amazingly awesome* perfect* outstanding* fantastic* wonderful* superb superbly brilliant* incredible*
       exceptional* phenomenal* spectacular* flawless* magnificent* marvelous* marvellous* best love loved loves
       lovely adore adored impeccable* stellar* top_notch five_stars 5_stars 10/10 highly_recommend*
       exceeded_expectations exceeded_my_expectations blown_away the_best rockstar* rock_star* rocks a+ kudos
       heavenly* delightful* gorgeous* stunning* beautiful* thrilled ecstatic overjoyed
    2: good great nice pleasant* friendly* helpful* clean* comfortable* comfy cozy cosy recommend* enjoy*
       happy happier glad pleased satisfied delicious* tasty yummy fresh spacious* quick* fast* prompt*
       efficient* professional* courteous* polite* kind kindly attentive* welcoming* warm* cute fun funny
       cool liked likes thank thanks thx ty grateful* appreciat* congrat* fab fabulous* gem awesome
       smooth* easy easily reliable* trustworthy* safe pleasure well_done good_job great_job sweet nicely
       worth worth_it will_be_back come_back will_return well_worth excited exciting glad hope hopeful
       win winner winning won yay woohoo hooray proud wow lol haha jaja <3 favourite favorite fave best_of
       impressive* impressed superior* quality_service on_time ahead_of_schedule right_away better improved
       rescued saved solved resolved excellent_service legit dope
    1: fine decent* okay ok alright adequate* reasonabl* affordabl* cheap* inexpensive* fair solid* correct
       clear interesting* new modern* updated helpful_enough pretty_good not_bad useful* convenient* handy
       calm quiet* relaxing* relaxed peaceful* welcome hopefully luck lucky
    -1: meh average mediocre* so-so ordinary bland* boring* small* tiny cramped* old dated* outdated* worn*
       noisy* noise loud* cold* lukewarm expensive* pricey overpriced* costly slow* late delay* delayed wait
       waited waiting queue* line_up problem* issue* trouble* complain* complaint* error* mistake* confus*
       complicat* difficult* hard annoy* inconvenien* uncomfortable* lacking lack* missing* miss missed could_be_better
       needs_improvement not_great nothing_special underwhelm* overrated* crowded* busy sold_out cancel*
       rebook* stuck strand* hold on_hold weird odd sorry unfortunately* unfortunate* sad lost lose losing
       fail* tired* sick ugh smh wtf hmm bored forgot forgotten ignored ignore* no_response still_waiting
       still_no hours_on_hold
    -2: bad poor* worse broken* damag* defect* faulty* dirty* filth* stain* smell* stink* smelly rude* unfriendly*
       unhelpful* unprofessional* incompetent* useless* hopeless* disappoint* frustrat* annoyed angry anger
       upset* mad unacceptable* ridiculous* rubbish* crap* crappy* sucks suck sucked lousy* shoddy* sloppy*
       unreliable* misleading* mislead* lie lied lies liar* scam* fraud* rip-off ripoff ripped_off cheated*
       overcharg* hate hated hates hating dislike* regret* waste wasted wasting pathetic* shame shameful*
       insult* disrespect* ignorant* careless* negligent* worst_part fail failed failure unhappy* dissatisf*
       cockroach* bedbug* bed_bugs mold* mould* roach* rats hair_in nightmare* hell screwed messed mess
       cancelled_my delayed_again lost_my never_again not_worth
    -3: terrible* horrible* awful* horrendous* atrocious* abysmal* appalling* disgust* dreadful* worst
       nasty* vile* gross* revolting* despicable* outrag* furious* livid disgrace* abomination* fuck fucking_awful
       shit shitty bullshit dreadful never_again avoid_at_all_costs do_not_recommend don't_recommend
       zero_stars 0_stars one_star 1_star the_worst complete_waste total_waste horrific* joke_of
    // General vocabulary (news, social posts), beyond customer service.
    2: admire* adorable agree* alive amus* appeal* approv* attractive* authentic* beaut* benefit* bless* bliss*
       bonus bravo bright brighter brightest champion champions charm* cheerful* cheers chill clever* comfort* compassion* confident* congrats
       courage* creative* cuddl* dear* eager* effective* elegan* encourag* energetic* enthusias* fascinat*
       fortunate* friend friends friendship generous* genius gift* glorious glory graceful* gracious* grand grin grinning handsome harmony heal heals healed healing healthy healthier
       healthy heart hero heroes heroic* honest* honor* honour* hug hugs humor* humour* ideal inspir* intelligen*
       jolly justice keen kiss* laugh* legend* liberty lively loyal* magic* masterpiece merry miracle* motivat*
       neat optimis* paradise passion* peace* pleasure popular positive* powerful praise* precious pretty pride
       prize* progress* prosper* protect* purr refresh* relief relieved respect* reward* rich romantic* secure*
       sexy shine* shining smart smile* smiling soothing special splendid* stable strong* succeed* success*
       sunshine support supported supportive supporting supreme talent* terrific thrill* treasure* triumph* trust trusted trustworthy truth united upbeat valuable
       victory victories victorious vibrant* vivid warmth wealth* wisdom wise won wonderful* wondrous worthy yummy zest celebrat* birthday
       christmas holiday* weekend party fave favourite favorite freedom glad thankful goodness fabulous*
    1: free dream dreams dreamy ready sure true yes hope hoping joke* share* interesting* easy fine fit natural quality
    -1: apolog* alone argue* argument* awkward* beat blame* bored boring bother* broke burden* clash* conflict*
       confused critic* doubt* drama* dull* dumb empty exhausted fat fault* forget* forgot fool* foolish* guilt*
       headache* ill lame lonely* lose loser* loss mean mess messy miss misses mistake* nervous* noisy* nonsense odd
       outage* protest* reject* silly sin sore sorry strange* stress* struggl* stuck tired* trouble* unfair*
       warn* weak* weird* wrong yell yelled yelling yells cancel cancelled canceled rip r.i.p
    -2: abandon* abus* accident* ache* afraid aggressive* alarm* anger angry annoy* anxious* arrest* arrogant*
       ashamed assault* attack* bad betray* bitter* bleed* bloody bomb* brutal* bully* cancer cheat* choke*
       collapse* corrupt* crash* crazy crime* criminal* crisis cruel* crush* cry cries crying cursed damag* damn
       danger* dead deadly death* debt* defeat* deny denied depress* destroy* devastat* die died dies dirty
       disaster* dislike* dismal* disrupt* distress* dread* drown* dying emergenc* enemy enemies evil fail* fake
       fatal* fear fears feared fearful fight* flop* fraud* frighten* fright* frustrat* funeral* gloomy greed* grief grieve* guilty gun
       guns harm* hate hatred helpless* hostil* hurt* idiot* illegal* injur* injustice insane* insult* jail jailed
       jealous* kill* liar* lie lies lonely miserable* moron* murder* negative* offend* outrage* pain pains painful* panic*
       poor prison* punish* rage rape* regret* riot* rob robbed robbery rotten rude* ruin* sad sadly sadness
       scandal* scare* scary scream* selfish* shame* shock* shoot* shot sick* slave* sorrow* stink* stolen
       stupid* suck* suffer* terror* threat* toxic* tragedy* tragic* trap* trash* ugly* unhappy* upset* useless*
       victim* violen* war wars waste* worr* worse wreck* awful
    -3: suicide* terrorist* disgusting disgusted hideous horrific* heartbroken* devastating* worthless*
    // Social media: slang, interjections and hashtag words.
    3: luv loving ily ilysm bestest goat g.o.a.t epic_win perfection masterpiece* legendary iconic flawless slay slayed
       slays slaying killed_it nailed_it crushed_it rocked_it fire lit on_fire greatest_ever so_proud so_happy
       so_excited can't_wait cant_wait cannot_wait cantwait can't_wait_to cant_wait_to love_it love_this
       love_you loving_it best_day best_night best_thing best_ever happy_birthday hbd congratulations
       well_deserved thank_you_so_much thanks_so_much much_love
    2: yay yey woo woot whoo whoohoo yippee hurray huzzah hooray wooo cheers congrats congratz gz omg_yes yass
       yas yes! fab faves fav favs bae bff cutie cuteness adorbs swag dope sick_of_it_not badass rad epic
       stoked pumped psyched hyped thrilled blessed grateful* thankful honoured honored privileged inspired
       inspiring* inspirational motivating motivated uplifting* heartwarming* wholesome refreshing* soothing
       enjoyed enjoying enjoyable fun funny hilarious* lmao lmfao rofl haha hehe lol jaja xoxo hugs kisses
       excited exciting excitement looking_forward look_forward psyched can_wait good_luck best_wishes
       well_done bravo applause champ champs winner winners victory undefeated unbeaten top_class first_class
       world_class classy stylish* chic sleek* neat tidy spotless* pristine* wonderful* glorious magnificent*
       dreamy marvel* miracle* gem treasure* beloved darling sweetheart lovable loveable likable likeable charming
       delight* enjoy* pleasur* satisf* fulfil* rewarding worthwhile recommended must-see must_see must_read
       must-have must_have highlight* breathtaking* jaw-dropping awe awesome* awe-inspiring admirable genius
       smartest brilliant* talented gifted skilled skillful* masterful* impressive* competent* capable*
       productive* successful* success* accomplish* achiev* overcome* improv* upgrade* boost* benefit*
       helpful* useful* valuable* priceless free_of_charge bargain* affordable* generous* kindhearted
       kind-hearted considerate* patient* respectful* supportive* reliable* dependable* honest* sincere*
       genuine* fair peaceful* harmonious* cozy comfy safe_and_sound happy_hour happily joyous* jubilant*
       elated* euphoric* giddy gleeful* cheery merry festive* celebrat* party partying fiesta holiday*
       vacation* weekend sunny sunshine rainbow* beach paradise heaven* heavenly perfect_day
    1: ok okay k kk alright aight fine cool sure yes yeah yea yep yup ya indeed agreed agree* right
       correct true interesting* curious* intrigu* fair_enough not_bad decent* solid legit promising* hope*
       wish* wishing pray* prayer* faith* believe* luck lucky chance easy simple clear free new fresh
       ready relax* chill chilled chilling calm* quiet* gentle* soft* warm* welcome* welcoming* care caring
       nice-ish worthy deserve* deserving* proper
    -1: meh eh hmm hmmm ugh uh-oh uh_oh oops whoops yikes eek sigh smh tbh_no nah nope no_way boo booo
       bleh blah ew eww ewww gah argh grr grrr fml ffs omfg wth ffs idk idc dunno whatever ok_then
       hmph pfft tsk bummer* dang darn shucks drat rats pity shame_about too_bad so_sad so_tired
       tired* sleepy exhausted* bored* boring* dull* lame meh_ish overrated* overhyped* cringe* cringey
       awkward* weird* odd strange* bizarre* confus* puzzl* unclear unsure uncertain* doubt* sceptic*
       skeptic* suspicious* questionable* dubious* pointless* useless* meaningless* senseless* hollow
       late delay* slow* stuck miss missed missing lost lose losing loses loser* defeat* beaten
       cancel* postpone* sorry apolog* regret* unfortunately* sadly sad_news bad_news rough tough hard*
       struggl* suffer* hurt* pain* sick ill illness flu cold_feet headache* hangover* broke broken*
       worry* worri* nervous* anxious* scared* afraid fear* creepy* spooky
    -2: sucks suck sucked sucky sux blows stinks stank stinky lousy crappy crap* shitty bs b.s. rubbish
       garbage trash* junk* bogus* fake* phony* fraud* scam* hoax* lies liar* lying cheat* corrupt*
       hypocrit* racist* racism sexist* sexism bigot* misogyn* homophob* xenophob* fascis* nazi* extremis*
       idiot* moron* stupid* dumb dumbass dumber dumbest fool* clown* jerk* loser* creep* pig pigs bastard*
       asshole* arsehole* dick dickhead prick bitch* wanker* douche* scum* thug* coward* traitor* villain*
       evil* wicked* cruel* brutal* vicious* savage* violent* violence abuse* abusive* bully* bullied
       harass* assault* attack* kill* murder* massacre* slaughter* bomb* shooting* shot_dead stabbed
       dead death* died dies dying deadly fatal* tragic* tragedy tragedies disaster* catastroph* crisis
       chaos* chaotic mess messed messy ruin* destroy* wreck* damage* collapse* crash* fail* failure* flop*
       lose_to lost_to defeated eliminated relegated knocked_out sacked fired layoff* bankrupt*
       angry anger mad pissed pissed_off furious* annoyed* annoying* irritat* frustrat* upset* outrag*
       offend* offensive* insult* disrespect* rude* arrogant* selfish* greedy* lazy* incompetent* useless
       pathetic* ridiculous* absurd* ludicrous* nonsense disgrace* shame* shameful* embarrass* humiliat*
       disappoint* let_down letdown heartbreak* heartbroken devastat* depress* miserable* misery
       lonely* alone_again cry* crying cried tears sob sobbing weep* mourn* grief griev* rip r.i.p
       hate* hating hatred loathe* despise* detest* can't_stand cannot_stand sick_of fed_up tired_of
       worst_day ruined_my screw_you screw_this no_thanks not_happy not_impressed unimpressed
    -3: fuck* fck fuk fkn motherf* shit_show shitshow clusterfuck trainwreck train_wreck dumpster_fire
       worst_ever worst_thing hate_you hate_this hate_it i_hate disgusting* disgusted revolting* vile
       horrendous* atrocious* abysmal* despicable* deplorable* abhorrent* repulsive* sickening* appalling*
       evil_people terror* terrorism terrorist* genocide* atrocit* rape* raped rapist* pedophil* paedophil*
    // News, sport, shows and daily life.
    2: entertaining entertained fascinating* captivating* gripping riveting thrilling* spectacular* historic
       milestone* landmark breakthrough* record-breaking comeback triumphant* champions clinch* clinched
       qualif* promoted advance* advancing unstoppable dominant dominat* star-studded sold-out
       big_fan huge_fan biggest_fan fan_of fangirl* fanboy* obsessed addicted_to hooked_on mind_blowing
       mind-blowing goosebumps chills tearjerker can't_get_enough cant_get_enough see_you_there see_ya
       let's_go lets_go let's_do_this bring_it_on here_we_go game_on whoop whoopee finally_here
       looking_forward looked_forward look_forward looks_forward interested keen to_die_for yummy delish
       scrumptious mouthwatering cheerful upbeat jolly grooving groovy vibing good_vibes vibes cherish*
       reunite* reunion together_again welcome_back homecoming free_tickets giveaway* bonus perk* treat
       treats surprise_party forgive forgiven forgiveness hero heroes brave* bravery courage* kindness
       generosity gratitude thank thankful thanks appreciate* honour honor pride proudly
    -2: whine* whining whiny complain* moan* moaning rant ranting refuse* refused refusal reject* rejected
       denied deny denial banned ban bans suspend* suspension penalt* forfeit* dispute* feud* feuding
       row_over quarrel* clash* meltdown* breakdown* collapse* destruct* devastation vulnerab* exploit*
       breach* hack hacked leak* leaked stolen theft thief thieves robbed fraudulent false lie lying
       misinform* propaganda censor* oppress* discriminat* persecut* inequality unjust* injustice
       exploitation poverty starving starvation famine homeless* refugee_crisis casualt* wounded injured
       injury injuries hospitali* overdose* addiction sickening shite crap bloody_hell are_you_kidding
       you_kidding kidding_me not_allowed smdh
       shaking_my_head facepalm* sigh* worst_nightmare nightmare* heartless* soulless* ruthless*
       scandal* controvers* backlash outcry boycott* protest* riot* unrest turmoil tension* threat*
       warning* alarming* worrying* concerning troubling* disturbing* shocking* horrifying*
    // Everyday adjectives of quality and manner.
    3: exquisite* sensational* dazzling* enchanting* tremendous* invaluable remarkabl* seamless* effortless*
    2: beneficial advantage* adventur* angelic believable compelling* crisp durable engaging enormous_help
       favorable* favourable* fond_of humble innovative* insightful* intuitive* lavish* luxur* playful*
       polished punctual* radiant* responsive* robust* slick snappy speedy* sturdy* witty zealous colorful*
       colourful* content_with delighted modest_price reasonably_priced well_made well-made top_quality
    1: tolerable acceptabl* modest sharp quirky tender
    -1: bummed clunky* cumbersome* dreary* erratic* excessive* fragile* greasy* grumpy* harsh* hassle*
       impatient* inaccurate* irrelevant* lethargic* monotonous* moody picky* pushy* sour soured stale* stingy*
       tedious* tiresome* insecure* naughty
    -2: abhor* accus* aching agony agonizing anguish* apathetic* appalled* arrogance avoid backfire* baffl*
       bleak* blunder* buggy clumsy* conceited* crummy* desperate* discourteous* displeas* distasteful*
       dodgy enraged envious* exhausting* feeble* flawed flimsy* futile* ghastly* grim immature* impolite*
       inadequate* inconsiderate* ineffective* inefficien* inferior* insensitiv* irresponsib* laggy
       lifeless* neglect* obnoxious* pessimis* pitiful* rancid* resentful* shabby* sluggish* sneaky*
       spiteful* spoiled spoilt subpar substandard* tacky* tasteless* unbearabl* understaffed unhygienic*
       unpleasant* unresponsive* unsatisfactory vulgar* woeful* wretched* yucky amateur amateurish
    2: i_like i_really_like i_do_like we_like we_really_like really_like i_kinda_like have_a_great
       have_a_good have_a_nice well_played merry_christmas happy_new_year get_well_soon
    1: good_morning good_night goodnight nite_nite sweet_dreams
    -1: insane crazy_busy oh_great just_great just_what_i_needed oh_joy yeah_right
    -2: daft nitwit* numpty dimwit* halfwit* brainless clueless* spineless gutless
    -1: blocked unfollow* ignored ignoring snub* snubbed leaving_me left_out bored_of over_it so_over
       can't_sleep cant_sleep insomnia hungover homework exam exams mondays monday_blues rainy raining
       traffic stuck_in_traffic cramps allergies hay_fever flu sick_day
  `,
  emotions: `
    joy: happy happier happiest happiness joy* joyful* glad delight* cheer* fun enjoy* smile* smiling laugh*
       lol haha jaja yay woohoo hooray celebrat* love_it loving_it awesome great_time wonderful* win won
       winner proud pleased thrilled ecstatic overjoyed blessed grateful* thankful
    calm: calm* relax* peace* peaceful* quiet* serene* comfortable* comfy cozy cosy smooth* easy easily
       hassle-free hassle_free no_hassle stress-free stress_free safe secure* reassur* rest rested restful
    pleasant_surprise: surpris* amazing amazingly amazed amaze amazes amazement astonish* astound* wow whoa omg unexpected* impressed impressive*
       exceeded_expectations exceeded_my_expectations blown_away beyond_expectations mind-blowing speechless
       pleasantly
    excitement: excit* thrill* can't_wait cant_wait cannot_wait looking_forward eager* pumped hyped hype
       psyched stoked anticipat* count_down counting_down
    affection: love loved loves lovely adore* sweet* kind kindness caring care_about warm* heart* hug* kiss*
       friendly* welcoming* attentive* thoughtful* generous* gentle* darling dear <3 xoxo bless*
    indifference: meh whatever average ordinary nothing_special so-so okay_i_guess fine_i_guess boring*
       bored indifferent* don't_care dont_care who_cares
    frustration: frustrat* annoy* irritat* fed_up sick_of tired_of ugh argh smh again_and_again yet_again still_waiting
       still_no on_hold hours_on_hold waited wait_time no_response useless* hopeless* impossible* stuck strand*
       delay* delayed cancel* rebook* queue* nobody_answers no_answer keep_getting every_time struggle*
    anger: angry anger mad furious* livid rage* outrag* pissed hate hated hates hating rude* disrespect* insult*
       disgrace* unacceptable* ridiculous* wtf fuck fucking shit bullshit damn screw* screwed idiot* stupid*
       incompetent* pathetic* worst ripped_off scam* liar* lied cheat*
    disappointment: disappoint* let_down letdown sad sadly unfortunately* regret* shame pity expected_more
       expected_better not_worth underwhelm* mediocre* poor* sorry heartbroken* heartbreak* miss missed
       cry crying tears upset* depress* unhappy* lost loss grief
    worry: worr* anxious* anxiety nervous* fear* afraid scared scary concern* panic* uncertain* unsure
       doubt_that risk* danger* dangerous* unsafe alarm* terrif* frighten* stress* stressed stressful* hope_not
    distrust: distrust* mistrust* suspicious* sketchy shady fishy scam* fraud* fake* lie lies lied liar* misleading*
       mislead* deceiv* deceptive* dishonest* rip-off ripoff ripped_off cheat* unreliable* untrustworthy
       disgust* gross* nasty* vile* revolting* corrupt*
  `,
  topics: `
    price: price prices priced pricing cost costs costing costly expensive* cheap* pricey overpriced* afford* value money pay paid paying
       fee fees charge_for dollar* bucks euro euros deal deals discount* coupon* sale* budget* rate rates fare fares
    delivery: driver* courier* delivery_guy postman mailman deliver* shipping shipped ship shipment* courier* parcel* package_arrived arrived arrive
       arrival tracking track_my dispatch* postal post_office usps ups fedex dhl order_arrived my_order
       pick_up pickup baggage bag bags luggage lost_luggage
    staff: staff employee* worker* waiter* waitress* server* receptionist* agent* rep reps representative*
       cashier* manager* crew attendant* flight_attendant* pilot* driver* host hosts hostess hostesses clerk* personnel
       team associate* technician* concierge housekeep* bartender* chef* guy lady gate_agent customer_service
    product_quality: quality product* item* material* broke broken* defect* faulty* durab* lasted work
       works working stopped_working malfunction* food meal* dish* taste* flavo* breakfast dinner lunch drink*
       room* bed* mattress* shower* bathroom* pool view seat seats seating seated legroom entertainment wifi_on plane
       aircraft size fit fabric battery screen
    website_app: website site web online app apps application* login log_in password* account* portal
       checkout cart page link* browser* internet wifi wi-fi bug* glitch* crash* crashed online_booking
    waiting_time: wait waited waiting waits delay* delayed late hours hour minutes queue* line lines slow*
       fast* quick* quickly prompt* promptly on_time hold on_hold took_forever forever asap wait_time
    returns: return* refund* exchang* money_back warranty* guarantee* send_it_back sent_it_back rma
       store_credit replacement* voucher*
    billing: bill billing billed invoice* charge* charged charges card credit_card receipt* payment* subscription*
       double_charged overcharg* tax taxes statement* fee_was
    packaging: packag* box* boxes wrapping wrapped seal* sealed crushed dented packed packing bubble_wrap
       envelope* container*
    communication: communicat* inform* information* email* e-mail mail call* phone* message* dm dms text* chat*
       reply replied respond* response* answer* notif* update* contact* explain* explanation* told tell
       support customer_service hotline
    cleanliness: clean* dirty* filth* stain* smell* stink* smelly hygien* sanit* dust dusty mold* mould* cockroach*
       roach* bug_in bedbug* bed_bugs hair trash garbage tidy untidy spotless* immaculate*
  `,
  negationRaising: `think thought believe believed seem seems seemed feel felt expect expected say said
    find found suppose reckon guess`,
  suffixes: `iest>y ier>y ily>y ies>y ied>y est> est>e er> er>e ly> ness> s> es> ed> ed>e ing> ing>e in>ing`,
  stopwords: `a about above after again all am an and any are as at be because been before being below between
    both by can could did do does doing down during each few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my myself of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom why will with
    would you your yours`,
};
