import Testing
@testable import Verbatim

/// One expected reported-speech attribution: kind, content as stated, speaker mention and cue.
struct ExpectedReport: Sendable, CustomTestStringConvertible {
    var input: String
    var kind: AttributionKind
    var text: String
    var mention: String
    var cue: String
    var testDescription: String { input }
}

/// Reported speech (``ReportedSpeech``): indirect and mixed attributions, their content
/// boundaries, and what is not speech.
@Suite("Reported speech: indirect and mixed attributions")
struct ReportedSpeechTests {
    @Test("one reported attribution with its content, speaker and cue", arguments: [
        // Cue after the source, with and without `that` (annotators keep `that` in the content).
        ExpectedReport(input: "Kerry said there had been progress on a ceasefire.", kind: .indirect,
                       text: "there had been progress on a ceasefire", mention: "Kerry", cue: "said"),
        ExpectedReport(input: "Kerry said on Tuesday that there had been progress.", kind: .indirect,
                       text: "that there had been progress", mention: "Kerry", cue: "said"),
        // The addressee is neither content nor speaker.
        ExpectedReport(input: "Lavrov told reporters the talks would go on.", kind: .indirect,
                       text: "the talks would go on", mention: "Lavrov", cue: "told"),
        // An addressee, then a `to` clause: annotators keep the object in the content.
        ExpectedReport(input: "The senator urged Congress to act before the recess.", kind: .indirect,
                       text: "Congress to act before the recess", mention: "The senator", cue: "urged"),
        // Cue after the content, both orders.
        ExpectedReport(input: "The talks will resume next week, a State Department official said.", kind: .indirect,
                       text: "The talks will resume next week", mention: "a State Department official", cue: "said"),
        ExpectedReport(input: "The talks will resume next week, said Maria Zakharova.", kind: .indirect,
                       text: "The talks will resume next week", mention: "Maria Zakharova", cue: "said"),
        // Auxiliaries and adverbs between the subject and the cue are not the speaker
        // (`rules/function-words.tsv`, modifiers): they go with the cue.
        ExpectedReport(input: "State officials are hoping they will win the appeal next year.", kind: .indirect,
                       text: "they will win the appeal next year", mention: "State officials", cue: "are hoping"),
        ExpectedReport(input: "The senator almost suggested that the question was out of line.", kind: .indirect,
                       text: "that the question was out of line", mention: "The senator", cue: "almost suggested"),
        // A subject that opens the sentence, with asides between commas before the cue.
        ExpectedReport(input: "The employee of nearly four years, a registered Republican who spoke on the condition of anonymity, said she was dismayed by the policy.",
                       kind: .indirect, text: "she was dismayed by the policy", mention: "The employee", cue: "said"),
        // `As reported by X, CLAUSE` and `as X noted, CLAUSE`: the clause after the frame.
        ExpectedReport(input: "As reported by the Ledger, the minister was told of the leak in March.", kind: .indirect,
                       text: "the minister was told of the leak in March", mention: "the Ledger", cue: "reported"),
        ExpectedReport(input: "And as Menendez pointed out, court rulings have a lasting impact on women.", kind: .indirect,
                       text: "court rulings have a lasting impact on women", mention: "Menendez", cue: "pointed out"),
        // A role held by what it knows of (`familiar with the matter`): the whole phrase, not
        // its object, is the speaker (`rules/phrase-words.tsv`, holder-adjective).
        ExpectedReport(input: "People familiar with the matter said the talks would resume.", kind: .indirect,
                       text: "the talks would resume", mention: "People familiar with the matter", cue: "said"),
        ExpectedReport(input: "The talks will resume in May, a person familiar with the matter said.", kind: .indirect,
                       text: "The talks will resume in May", mention: "a person familiar with the matter", cue: "said"),
        // A label verb with an object pronoun (`rules/reporting.tsv`, label).
        ExpectedReport(input: "Sanders called him divisive and dangerous.", kind: .indirect,
                       text: "him divisive and dangerous", mention: "Sanders", cue: "called"),
        // The content ends before its speaker, even after an appositive with commas of its own.
        ExpectedReport(input: "The new plans “will not solve this challenge,” Anne Richards, assistant secretary of state for population, refugees, and migration, said on the call.",
                       kind: .mixed, text: "The new plans “will not solve this challenge,”", mention: "Anne Richards", cue: "said"),
        // A quantifier after its noun floats; the subject is before it.
        ExpectedReport(input: "But Richards and Menendez both stressed that it was not all bad news.", kind: .indirect,
                       text: "that it was not all bad news", mention: "Richards and Menendez", cue: "stressed"),
        // A document that is the object of the verb speaks for the clause's subject.
        ExpectedReport(input: "The mayor released a statement saying the comments were unfounded.", kind: .indirect,
                       text: "the comments were unfounded", mention: "The mayor", cue: "saying"),
        // A short phrase of time opening the sentence is no subject (`Hours later,`).
        ExpectedReport(input: "Hours later, Trump returned the compliment, telling Reuters the two had been friends for years.", kind: .indirect,
                       text: "the two had been friends for years", mention: "Trump", cue: "telling"),
        // A cue form used as a noun ends a description (`her thinking`, `the court's ruling`).
        ExpectedReport(input: "People familiar with her thinking say she now accepts the plan.", kind: .indirect,
                       text: "she now accepts the plan", mention: "People familiar with her thinking", cue: "say"),
        ExpectedReport(input: "The court's ruling said the law was invalid.", kind: .indirect,
                       text: "the law was invalid", mention: "court's ruling", cue: "said"),
        // `according to X, CLAUSE`.
        ExpectedReport(input: "According to Shehata, Russia and the US have a common goal.", kind: .indirect,
                       text: "Russia and the US have a common goal", mention: "Shehata", cue: "According to"),
        // A year after the determiner is part of the source (`a 2014 Labor Department study`).
        ExpectedReport(input: "Most large companies fund maternity leave, according to a 2014 Labor Department study.", kind: .indirect,
                       text: "Most large companies fund maternity leave", mention: "a 2014 Labor Department study", cue: "according to"),
        // Stance and intention cues annotators mark most of the time (`rules/cue-verbs.tsv`),
        // with an object or a `to` clause as content.
        ExpectedReport(input: "The senator expressed concern about the new tariffs.", kind: .indirect,
                       text: "concern about the new tariffs", mention: "The senator", cue: "expressed"),
        ExpectedReport(input: "The governor sought to delay the vote until after the election.", kind: .indirect,
                       text: "to delay the vote until after the election", mention: "The governor", cue: "sought"),
        // An article before a name after the content; a named addressee with `The`.
        ExpectedReport(input: "Slower growth is being offset elsewhere, the IMF said.", kind: .indirect,
                       text: "Slower growth is being offset elsewhere", mention: "IMF", cue: "said"),
        ExpectedReport(input: "The deal could work, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.", kind: .indirect,
                       text: "The deal could work", mention: "Sen. Lindsey Graham", cue: "told"),
        // A possessive is no addressee on its own: `his advisers` is.
        ExpectedReport(input: "Mr. Obama told his advisers to figure out how to cut emissions.", kind: .indirect,
                       text: "his advisers to figure out how to cut emissions", mention: "Mr. Obama", cue: "told"),
        // A quoted show's name inside the addressee.
        ExpectedReport(input: "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.", kind: .indirect,
                       text: "that nobody would question her intelligence", mention: "Sanders", cue: "told"),
        // A name before a dash-closed aside; a person before `who`.
        ExpectedReport(input: "Kall -- co-editor of a book on the debates -- said the candidate made announcements.", kind: .indirect,
                       text: "the candidate made announcements", mention: "Kall", cue: "said"),
        ExpectedReport(input: "Trump refused to pay an architect who said he was stiffed.", kind: .indirect,
                       text: "he was stiffed", mention: "an architect who", cue: "said"),
        // A stance whose object is a name is reported whatever its length.
        ExpectedReport(input: "The governor endorsed Cruz.", kind: .indirect, text: "Cruz", mention: "The governor", cue: "endorsed"),
        ExpectedReport(input: "The senator assailed the deal as a giveaway.", kind: .indirect,
                       text: "the deal as a giveaway", mention: "The senator", cue: "assailed"),
        // A time phrase between subject and cue; an adverbial between cue and a clause that
        // opens with a pronoun; a role's holder after `to`.
        ExpectedReport(input: "Wells Fargo just this month announced it would end the incentives.", kind: .indirect,
                       text: "it would end the incentives", mention: "Wells Fargo", cue: "announced"),
        ExpectedReport(input: "Trump said after the convention he would not accept the endorsement.", kind: .indirect,
                       text: "he would not accept the endorsement", mention: "Trump", cue: "said"),
        ExpectedReport(input: "In recent days, advisers to Mr. Obama say, the president has grown exasperated.", kind: .indirect,
                       text: "In recent days the president has grown exasperated", mention: "advisers to Mr. Obama", cue: "say"),
        // A cue that takes an object does not invert after a comma: `Russia` is its object.
        ExpectedReport(input: "The US, meanwhile, accuses Russia of targeting western-backed fighters.", kind: .indirect,
                       text: "Russia of targeting western-backed fighters", mention: "US", cue: "accuses"),
        // A headline.
        ExpectedReport(input: "Kerry Says Ceasefire Deal Is Close", kind: .indirect,
                       text: "Ceasefire Deal Is Close", mention: "Kerry", cue: "Says"),
        // Writing verbs.
        ExpectedReport(input: "Trump tweeted that the deal was a disaster.", kind: .indirect,
                       text: "that the deal was a disaster", mention: "Trump", cue: "tweeted"),
        // A plain object for a verb that takes one (`criticized the accord`).
        ExpectedReport(input: "Sanders criticized the accord adopted in Paris.", kind: .indirect,
                       text: "the accord adopted in Paris", mention: "Sanders", cue: "criticized"),
        // A relative subject without a comma: the mention runs to the pronoun.
        ExpectedReport(input: "It was the students who said the plan had failed.", kind: .indirect,
                       text: "the plan had failed", mention: "the students who", cue: "said"),
        // A percentage as the subject.
        ExpectedReport(input: "In Texas, 47 percent said they would vote for Clinton.", kind: .indirect,
                       text: "they would vote for Clinton", mention: "47 percent", cue: "said"),
        // Intentions, findings and fears whose attributions annotators confirm most of the time.
        ExpectedReport(input: "Mr. Clarke wants to offset the emissions with pollution credits.", kind: .indirect,
                       text: "to offset the emissions with pollution credits", mention: "Mr. Clarke", cue: "wants"),
        ExpectedReport(input: "An internal review found the agency was in breach of the agreement.", kind: .indirect,
                       text: "the agency was in breach of the agreement", mention: "An internal review", cue: "found"),
        ExpectedReport(input: "The latest survey shows Clinton leading Trump by four points.", kind: .indirect,
                       text: "Clinton leading Trump by four points", mention: "The latest survey", cue: "shows"),
        ExpectedReport(input: "Many economists fear a slowdown will follow the election.", kind: .indirect,
                       text: "a slowdown will follow the election", mention: "Many economists", cue: "fear"),
        // A preposition before a quantity opens content; a time phrase in -ing is no participle;
        // a clause after `, said` is no inverted speaker.
        ExpectedReport(input: "The budget office said about 20 agencies had overspent.", kind: .indirect,
                       text: "about 20 agencies had overspent", mention: "The budget office", cue: "said"),
        ExpectedReport(input: "Sean Spicer on Thursday evening said the party was not in a crisis.", kind: .indirect,
                       text: "the party was not in a crisis", mention: "Sean Spicer", cue: "said"),
        ExpectedReport(input: "Mayor Ana Ruiz, a Democrat who refused to back him, said the Ortega family deserved better.", kind: .indirect,
                       text: "the Ortega family deserved better", mention: "Mayor Ana Ruiz", cue: "said"),
        // A base form after a plural subject (`stress` is a noun after a singular word).
        ExpectedReport(input: "Western officials stress the ceasefire has held for a week.", kind: .indirect,
                       text: "the ceasefire has held for a week", mention: "Western officials", cue: "stress"),
        // `reminded` with a clause and no addressee.
        ExpectedReport(input: "She reminded that earlier rounds of talks had ended without a deal.", kind: .indirect,
                       text: "that earlier rounds of talks had ended without a deal", mention: "She", cue: "reminded"),
        // A belief stated with a copula and an adjective: the copula is part of the cue.
        ExpectedReport(input: "The envoy was hopeful that the talks would resume in May.", kind: .indirect,
                       text: "that the talks would resume in May", mention: "The envoy", cue: "was hopeful"),
        // A participle after a clause whose subject cannot speak takes the subject of the
        // subordinate clause before it.
        ExpectedReport(input: "The summit was in doubt after Ostrava objected to the agenda, charging that the hosts had favoured its rivals.", kind: .indirect,
                       text: "that the hosts had favoured its rivals", mention: "Ostrava", cue: "charging"),
        // A negated infinitive is what was decided; a year between the subject and the cue.
        ExpectedReport(input: "The agency decided not to recommend charges against the mayor.", kind: .indirect,
                       text: "not to recommend charges against the mayor", mention: "The agency", cue: "decided"),
        ExpectedReport(input: "Senator Okafor in 2010 said the most important goal was to win the House.", kind: .indirect,
                       text: "the most important goal was to win the House", mention: "Senator Okafor", cue: "said"),
        // A cue that may take an addressee, with an infinitive and none.
        ExpectedReport(input: "The governor has promised to veto the bill.", kind: .indirect,
                       text: "to veto the bill", mention: "The governor", cue: "has promised"),
        // A share of those polled; a description with a participle after it (`briefed on`
        // ties the role to what it knows of: the whole phrase).
        ExpectedReport(input: "Six in 10 say the governor is doing a good job.", kind: .indirect,
                       text: "the governor is doing a good job", mention: "Six in 10", cue: "say"),
        ExpectedReport(input: "People briefed on the plan said it would be announced on Monday.", kind: .indirect,
                       text: "it would be announced on Monday", mention: "People briefed on the plan", cue: "said"),
        // A role after a hyphenated prefix can speak (the subject of a cue after `but`).
        ExpectedReport(input: "His ex-wife agreed, but contended that she should not have to give up her privacy.", kind: .indirect,
                       text: "that she should not have to give up her privacy", mention: "His ex-wife", cue: "contended"),
        // A condition after the cue is part of what is said.
        ExpectedReport(input: "Cruz said if elected president he could work with the leadership.", kind: .indirect,
                       text: "if elected president he could work with the leadership", mention: "Cruz", cue: "said"),
        // A contracted subject (`he’s`) opens the clause after an addressee.
        ExpectedReport(input: "Calabrese told reporters he’s already received hundreds of emails.", kind: .indirect,
                       text: "he’s already received hundreds of emails", mention: "Calabrese", cue: "told"),
        // A subject after an addressee opens the clause, before any later `that`.
        ExpectedReport(input: "Schiff told reporters it is clear that hacking took place.", kind: .indirect,
                       text: "it is clear that hacking took place", mention: "Schiff", cue: "told"),
        // `how` after an addressee and a time word opens the clause.
        ExpectedReport(input: "The pollster told the host on Thursday how surprised he is that health has come first.", kind: .indirect,
                       text: "how surprised he is that health has come first", mention: "The pollster", cue: "told"),
        // The addressee's infinitive comes before a later `whether`: it is part of the content.
        ExpectedReport(input: "The committee asked the department to investigate whether she lied.", kind: .indirect,
                       text: "the department to investigate whether she lied", mention: "The committee", cue: "asked"),
        // `assured` is speech: it reports a clause after its addressee.
        ExpectedReport(input: "Jones assured Trump that most of his listeners supported him.", kind: .indirect,
                       text: "that most of his listeners supported him", mention: "Jones", cue: "assured"),
        ExpectedReport(input: "Activists are demanding that the flag be removed.", kind: .indirect,
                       text: "that the flag be removed", mention: "Activists", cue: "are demanding"),
        ExpectedReport(input: "The staffer told his subordinates never to speak of the email again.", kind: .indirect,
                       text: "his subordinates never to speak of the email again", mention: "The staffer", cue: "told"),
        // `shown` after `have` reports a finding (a passive `was shown` does not).
        ExpectedReport(input: "Recent polls have shown the senator's lead eroding.", kind: .indirect,
                       text: "the senator's lead eroding", mention: "Recent polls", cue: "have shown"),
        // A short adverbial after `that` and its comma open the clause; the cue after them is part of it.
        ExpectedReport(input: "Party leaders told reporters that in private, the candidate has shown real interest in their towns.",
                       kind: .indirect, text: "that in private, the candidate has shown real interest in their towns",
                       mention: "Party leaders", cue: "told"),
        // A subordinate clause opening the sentence ends at the comma before the main clause.
        ExpectedReport(input: "Although the president has said he opposes the war, his aides plan a surge.", kind: .indirect,
                       text: "he opposes the war", mention: "the president", cue: "has said"),
        // A cue that takes a `to` clause also takes a clause with a subject of its own.
        ExpectedReport(input: "Mr. Tribe agreed there are qualified candidates.", kind: .indirect,
                       text: "there are qualified candidates", mention: "Mr. Tribe", cue: "agreed"),
        // A poll opening the sentence reports its finding.
        ExpectedReport(input: "In a Quinnipiac University poll released Monday, Sanders led by four points.", kind: .indirect,
                       text: "Sanders led by four points", mention: "a Quinnipiac University poll released Monday", cue: "In"),
        // `To NAME,` opening a sentence states that person's view.
        ExpectedReport(input: "To Frank, the party has abandoned its working-class base.", kind: .indirect,
                       text: "the party has abandoned its working-class base", mention: "Frank", cue: "To"),
        // A club speaks (`rules/roles.tsv`, organisation), after the content and with a time after it.
        ExpectedReport(input: "Rivers United have sacked their manager after the cup defeat, the club announced on Monday.",
                       kind: .indirect, text: "Rivers United have sacked their manager after the cup defeat", mention: "the club",
                       cue: "announced"),
        // A participle cue opening the sentence: its content to the comma, the main clause's subject.
        ExpectedReport(input: "Arguing that the deal was flawed, Republicans voted against it.", kind: .indirect,
                       text: "that the deal was flawed", mention: "Republicans", cue: "Arguing"),
        ExpectedReport(input: "After saying that the talks had failed, the minister flew home.", kind: .indirect,
                       text: "that the talks had failed", mention: "the minister", cue: "saying"),
        // `went on to say`: one cue, the subject of `went`.
        ExpectedReport(input: "Ham went on to say that cuts to military spending left his hands tied.", kind: .indirect,
                       text: "that cuts to military spending left his hands tied", mention: "Ham", cue: "went on to say"),
        ExpectedReport(input: "Ham went on to explain how he believes cuts left his hands tied.", kind: .indirect,
                       text: "how he believes cuts left his hands tied", mention: "Ham", cue: "went on to explain"),
        // An adverb, then adverbials, before `that`.
        ExpectedReport(input: "Republicans learned again during the first debate that their nominee will not change.", kind: .indirect,
                       text: "that their nominee will not change", mention: "Republicans", cue: "learned"),
        // `As X told Y, CLAUSE`: a frame, past a name of several words.
        ExpectedReport(input: "As the senator told the New York Daily News, tax relief is given in exchange for jobs.", kind: .indirect,
                       text: "tax relief is given in exchange for jobs", mention: "the senator", cue: "told"),
        // `underlined that`, as wire copy writes it.
        ExpectedReport(input: "The top diplomat underlined that Moscow did not seek confrontation.", kind: .indirect,
                       text: "that Moscow did not seek confrontation", mention: "The top diplomat", cue: "underlined"),
        // A cue form that is a noun among the adverbials before `that` (`call`) ends nothing.
        ExpectedReport(input: "John Podesta insisted in a conference call with reporters that her position had not changed.",
                       kind: .indirect, text: "that her position had not changed", mention: "John Podesta", cue: "insisted"),
        // A name in commas before the cue, then adverbials and `that`: the content follows the cue.
        ExpectedReport(input: "The main trade group, PhRMA, said in a statement that price controls would stifle innovation.",
                       kind: .indirect, text: "that price controls would stifle innovation", mention: "PhRMA", cue: "said"),
        // A label after a noun phrase object: `a` opens what it is called.
        ExpectedReport(input: "Trump has called climate change a hoax perpetrated by China.", kind: .indirect,
                       text: "climate change a hoax perpetrated by China", mention: "Trump", cue: "has called"),
        ExpectedReport(input: "The doctor called Oz a quack and a charlatan.", kind: .indirect,
                       text: "Oz a quack and a charlatan", mention: "The doctor", cue: "called"),
        // A cue form inside a name (`States`) does not end the description before the cue.
        ExpectedReport(input: "The Battleground States average shows Clinton ahead by 3.7 percentage points.", kind: .indirect,
                       text: "Clinton ahead by 3.7 percentage points", mention: "The Battleground States average", cue: "shows"),
        // A quotation after the object labels it: one mixed attribution with the object.
        ExpectedReport(input: "Carson called the political system “rotten to the core.”", kind: .mixed,
                       text: "the political system “rotten to the core.”", mention: "Carson", cue: "called"),
        // `many of whom say`: the phrase before the comma speaks.
        ExpectedReport(input: "The bill is opposed by families of 9/11 victims, many of whom say the claims are unfounded.",
                       kind: .indirect, text: "the claims are unfounded", mention: "families of 9/11 victims, many of whom", cue: "say"),
        ExpectedReport(input: "Two Democrats, both of whom opposed the Iran deal, are backing the measure.",
                       kind: .indirect, text: "the Iran deal", mention: "Democrats, both of whom", cue: "opposed"),
        // A participle before a role after `where` is the role's modifier.
        ExpectedReport(input: "The company filed in Richmond, Va., where restructuring experts say some judges are eager to move cases.",
                       kind: .indirect, text: "some judges are eager to move cases", mention: "restructuring experts", cue: "say"),
        // An adverbial opening, however long, goes on after the aside.
        ExpectedReport(input: "During his seven and a half years in office, the president said, most Americans have come to accept the science.",
                       kind: .indirect, text: "During his seven and a half years in office most Americans have come to accept the science",
                       mention: "the president", cue: "said"),
        // The sentence's own verb before `that` is no deferred `that` of the cue's.
        ExpectedReport(input: "The truth, the senator said, was that his rival had attacked his wife.", kind: .indirect,
                       text: "The truth was that his rival had attacked his wife", mention: "the senator", cue: "said"),
        // A description between commas that can speak, in the middle of what it says.
        ExpectedReport(input: "The cuts, a wide array of economists say, limited the economic recovery.", kind: .indirect,
                       text: "The cuts limited the economic recovery", mention: "a wide array of economists", cue: "say"),
    ])
    func reported(_ e: ExpectedReport) {
        let d = Fixture.analyse(e.input)
        #expect(d.attributions.count == 1)
        guard let a = d.attributions.first else { return }
        #expect(a.kind == e.kind)
        #expect(a.text == e.text)
        #expect(a.speaker.map { d.string($0.mention) } == e.mention)
        #expect(a.cue.map { d.string($0) } == e.cue)
    }

    // A quoted fragment inside reported speech: one mixed attribution whose content is the
    // whole reported clause, quotation marks included, and no separate direct one.
    @Test("a quoted fragment makes one mixed attribution")
    func mixed() {
        let d = Fixture.analyse("Kerry told reporters that they had “achieved clarity on the path forward” in Geneva.")
        #expect(d.attributions.map(\.kind) == [.mixed])
        #expect(d.attributions.first?.text == "that they had “achieved clarity on the path forward” in Geneva")
        #expect(d.attributions.first?.speaker?.name == "Kerry")
    }

    // `… and she warned …`: a pronoun with a cue of its own after a conjunction ends the
    // first clause; the second is an attribution of its own.
    @Test("a conjunction, a subject and its own cue end a reported clause")
    func secondClause() {
        let d = Fixture.analyse("Clinton said the hackers were Russian and she also warned that more attacks would come.")
        #expect(d.attributions.map(\.text) == ["the hackers were Russian", "that more attacks would come"])
        #expect(d.attributions.map { $0.cue.map(d.string) } == ["said", "also warned"])
        let e = Fixture.analyse("Republicans said they were convinced the department erred and Democrats accused the GOP of stoking the issue.")
        #expect(e.attributions.map(\.text) == ["they were convinced the department erred", "the GOP of stoking the issue"])
    }

    // `“A,” X said, adding that … “B” …`: B belongs to the clause `adding that` opens, not to A.
    @Test("a quotation inside `, adding that …` is part of that clause")
    func addingThat() {
        let d = Fixture.analyse("“There is no evidence of a link to terrorism,” the mayor said, adding that it would take “more hours” before details emerged.")
        #expect(d.attributions.map(\.kind) == [.direct, .mixed])
        #expect(d.attributions.last?.text == "that it would take “more hours” before details emerged")
        #expect(d.attributions.last?.speaker.map { d.string($0.mention) } == "the mayor")
    }

    // A claim the writer hedges (`seemed to`, `is expected to`): the subject and the `to`
    // clause, two pieces, with no speaker; not after `it`, nor under a negation.
    @Test("an evidential before `to` is a claim with no speaker", arguments: [
        ("Iowa, Mr. Rubio seemed to be on the upswing after the debate.", "Mr. Rubio to be on the upswing after the debate", "seemed"),
        ("The ruling is widely expected to reach the Supreme Court.", "The ruling to reach the Supreme Court", "is widely expected"),
        // Before a complement: an adjective or a noun phrase.
        ("Trump’s supporters seemed equally unperturbed.", "Trump’s supporters equally unperturbed", "seemed"),
        ("The race appears closer in Ohio.", "The race closer in Ohio", "appears"),
    ])
    func evidential(input: String, text: String, cue: String) {
        let d = Fixture.analyse(input)
        #expect(d.attributions.count == 1)
        guard let a = d.attributions.first else { return }
        #expect(a.text == text)
        #expect(a.spans.count == 2)
        #expect(a.speaker == nil)
        #expect(a.cue.map { d.string($0) } == cue)
    }

    @Test("no hedged claim after `it`, a negation or a relative", arguments: [
        "It seemed to be the end of the campaign.",
        "The senator did not seem to mind the question.",
        "The plan, which appears to have stalled, was shelved.",
        // Another sense: before a preposition, a name or a time word, or as an infinitive.
        "He appeared on Fox News on Tuesday.",
        "She appeared Tuesday at a rally in Ohio.",
        "His client was ready to appear behind closed doors.",
        "In the profile fellow doctors seemed eager to talk.",
    ])
    func notEvidential(text: String) {
        #expect(Fixture.analyse(text).attributions.isEmpty)
    }

    // A content that is only a quotation stays direct: `Kerry said: “…”` is not reported speech.
    @Test("a quotation after a cue stays direct", arguments: [
        "Kerry said: “We are close to a deal on the ceasefire.”",
        "“We are close to a deal on the ceasefire,” Kerry said.",
        "‘Nobody expected a breakthrough this week’, she said, ‘and nobody should mistake one for a treaty.’",
        // `told` after a speaker and an appositive: the name after it was told, it is no speaker.
        "“Technically, it is very hard to imagine,” Yuri Barmin, an expert at the council, told Gazeta.ru.",
        // A quotation after a possessive is the object's noun, no label of it.
        "In a tweet, he called Machado’s “sex tape.”",
    ])
    func direct(text: String) {
        #expect(Fixture.analyse(text).attributions.allSatisfy { $0.kind == .direct })
    }

    // An adverbial before an aside and a quotation is no content: the quotation is direct.
    @Test("`After reciting a passage, Beck said, “…”`: one direct quote")
    func adverbialBeforeQuotedAside() {
        let a = Fixture.analyse("After reciting a passage from the Bible, Beck said, “It couldn’t be more clear, and yet so many people are missing it.”").attributions
        #expect(a.map(\.kind) == [.direct], "\(a)")
    }

    // Not speech: negated and hypothetical cues, passives, cue words used otherwise, and a cue
    // with nothing reported after it. (`rules/reporting.tsv`)
    @Test("negated, hypothetical, passive and non-verb cues report nothing", arguments: [
        "Kerry did not say whether the talks would resume.",
        "Lavrov would not say when the ceasefire begins.",
        "Reid declined to say which candidate he preferred.",
        "The minister was told the talks had failed.",
        "The talks are said to be close to a deal.",
        "His remarks drew a sharp response from the ministry.",
        "Sanders held a rally in State College on Tuesday night.",
        "Kerry said.",
        "Kerry spoke to reporters in Geneva on Friday.",
        // Cue forms used as nouns (`rules/phrase-words.tsv`).
        "The memo reflects the greatest fear that the talks will fail.",
        "Aides met to discuss plans to expand the program.",
        // A label verb before a name names, it does not label (`rules/reporting.tsv`).
        "A militant group called Lashkar carried out the attack on the convoy.",
        "The battleground states that ground will be harder to win again.",
        // Two words before `X said` are an adverbial, not what was said.
        "Most recently, Trump called to ban imports from the region.",
        // A participle opens no speaker's description (`including ones showing`).
        "Caddell went on to discuss recent polls, including ones showing Trump leading nationally.",
        // `called` with an object and no label convenes or names.
        "The mayor called an emergency meeting of the council on Monday.",
        "The mayor called the police to the scene of a crash.",
        // `it` after a cue that takes a `to` clause is as often its object.
        "Readers want it so badly that they will pay for subscriptions.",
    ])
    func notSpeech(text: String) {
        #expect(Fixture.attributions(text).isEmpty)
    }

    // A belief, intention or stance inside what someone said is part of it, not a second
    // attribution; speech inside speech is one (`said that Lavrov told him`).
    @Test("only speech nests inside a reported clause", arguments: [
        ("Kerry said Russian diplomats were planning to meet in Geneva next week.", ["said"]),
        ("Lavrov believes that the opposition wants to denounce the Nusra Front.", ["believes"]),
        ("Kerry said that Lavrov told him the talks would go on.", ["said", "told"]),
        // So does a quotation: a belief before it is part of the clause that holds it.
        ("In office, Obama said, most Americans have come to believe “that climate change is real.”", ["said"]),
    ])
    func nesting(_ text: String, _ cues: [String]) {
        #expect(Fixture.attributions(text).map(\.cue) == cues)
    }

    // The content ends where a clause with its own attribution begins.
    @Test("content stops at a clause with its own cue")
    func clauseEnds() {
        let a = Fixture.attributions("While only 7 percent said they are undecided, 27 percent of those polled said they could change their minds.")
        #expect(a.map(\.text) == ["they are undecided", "they could change their minds"])
    }

    // The subject of a cue after `and`/`but` (the last attribution's mention, its cue):
    // - the subject of the sentence's first verb, even when that verb is no cue (`stress` is
    //   mostly a noun);
    // - a possessive is no verb, and a name in commas after the subject's head is who speaks;
    // - roles before a name are no verb: the name speaks;
    // - in a subordinate clause, that clause's subject.
    @Test("the speaker of a cue after a conjunction", arguments: [
        ("US officials stress Russia has committed to a transition and warn that the Kremlin will get bogged down.",
         "US officials", "warn"),
        ("The agency's spokeswoman, Lin Park, declined to comment but said the agency remains committed.", "Lin Park", "said"),
        ("White House press secretary Josh Earnest declined to criticize her but noted the president has a different view.",
         "Josh Earnest", "noted"),
        ("The governor slammed the senator as a “disgrace” after she attacked the police and blamed shootings on “implicit bias” against minorities.",
         "she", "blamed"),
    ])
    func conjoinedCueSubject(text: String, mention: String, cue: String) {
        let a = Fixture.attributions(text)
        #expect(a.last?.mention == mention, "\(a)")
        #expect(a.last?.cue == cue)
    }

    // `As X talked about OBJECT, CLAUSE` is no frame: the object is what was talked about,
    // and the main clause has its own cue.
    @Test("`As Clinton talked about …, Trump highlighted …`: two attributions")
    func asWithObjectIsNoFrame() {
        let a = Fixture.attributions("As Clinton talked about bringing communities together, Trump highlighted his message that the country needs order.")
        #expect(a.map(\.text) == ["bringing communities together", "his message that the country needs order"], "\(a)")
        #expect(a.map(\.mention) == ["Clinton", "Trump"])
    }

    // A belief or stance after a comma inside the content is part of it; after a conjunction
    // or `while` it opens a clause of its own.
    @Test("a stance after a comma stays in the content, after `while` it does not", arguments: [
        ("Fowler noted that at one of his first meetings, in 1972, he supported a decision to nominate Shriver.",
         ["that at one of his first meetings, in 1972, he supported a decision to nominate Shriver"]),
        ("Twenty-four percent said they were more likely to vote for him, while 9 percent found it to be a deterrent.",
         ["they were more likely to vote for him", "it to be a deterrent"]),
    ])
    func stanceAfterComma(text: String, contents: [String]) {
        #expect(Fixture.attributions(text).map(\.text) == contents)
    }

    // A conjunction before a second cue of the same subject ends the first content.
    @Test("content stops at `but` before a cue")
    func conjunctionEnds() {
        let a = Fixture.attributions("The senator expressed concern about the tariffs but said they would pass.")
        #expect(a.map(\.text) == ["concern about the tariffs", "they would pass"])
    }

    // A subject alone before `and` does not end the content at the other subject's cue.
    @Test("`said he and Rubio promised …`: one content")
    func conjoinedSubjectInContent() {
        let a = Fixture.attributions("Cruz said both he and Rubio promised as Senate candidates to lead the fight.")
        #expect(a.map(\.text) == ["both he and Rubio promised as Senate candidates to lead the fight"])
    }

    // Shares of those polled: `42%`, `nine out of 10`; `said about half of …` is a clause.
    @Test("shares of those polled speak", arguments: [
        ("On economic issues, 42% say they are liberal.", "42%", "they are liberal"),
        ("Nearly nine out of 10 say they will need new skills.", "nine out of 10", "they will need new skills"),
        ("The budget office said about half of the adjustment reflected revenue losses.", "The budget office",
         "about half of the adjustment reflected revenue losses"),
    ])
    func shares(_ text: String, _ mention: String, _ content: String) {
        let a = Fixture.attributions(text)
        #expect(a.map(\.mention) == [mention], "\(a)")
        #expect(a.map(\.text) == [content], "\(a)")
    }

    // A description that opens the sentence before a dash-closed aside is the speaker.
    @Test("`The justice -- who … -- said`: the description speaks")
    func descriptionBeforeDashAside() {
        let a = Fixture.attributions("The Supreme Court justice -- who has been in a scuffle with the nominee -- said she regretted her remarks.")
        #expect(a.map(\.mention) == ["The Supreme Court justice"], "\(a)")
    }

    // A gerund after a preposition has the clause's subject, when a clause follows it.
    @Test("`X did Y by saying that …`: X says", arguments: [
        ("Donald Trump answered his daughter by saying he is ready to work.", ["Donald Trump"]),
        ("Bolton had a comparable assessment, while saying that the speech reassured him.", ["Bolton"]),
        ("Congress can act by asking federal prosecutors to charge someone.", []),
    ])
    func gerundAfterPreposition(_ text: String, _ mentions: [String]) {
        #expect(Fixture.attributions(text).map(\.mention) == mentions)
    }

    // Past a long adverbial closed by a comma, a subject pronoun opens the content.
    @Test("`explained after winning …, he would`: the clause after the comma")
    func adverbialBeforeContent() {
        let a = Fixture.attributions("He explained after winning his home state of Ohio on March 15, he would have to take most delegates.")
        #expect(a.map(\.text) == ["he would have to take most delegates"])
    }

    @Test("labels and addressees", arguments: [
        // `it` is an object too.
        ("Critics called it the enforcement of political correctness.", "it the enforcement of political correctness"),
        // A contracted subject ends the addressee.
        ("Beck told Thor he’d have to earn 15 percent in the polls.", "he’d have to earn 15 percent in the polls"),
    ])
    func labelsAndAddressees(_ text: String, _ content: String) {
        #expect(Fixture.attributions(text).map(\.text).contains(content))
    }

    // A cue of intention takes an object before its `to` clause; the object is content.
    @Test("`want Congress to act`: the object and its infinitive")
    func objectBeforeInfinitive() {
        #expect(Fixture.attributions("Most voters want Congress to act on immigration.").map(\.text) == ["Congress to act on immigration"])
    }

    // The subject of the clause speaks, not a phrase nearer the cue:
    // - a phrase read back from a cue that holds an auxiliary is a clause: the subject before it;
    // - a document that is the object of the clause's verb speaks for the clause's subject, past
    //   a particle, and whatever that subject's head noun;
    // - the agent of a participle (`obtained by X`) is not the subject of the cue after it.
    @Test("`Mr. Trump has lately started asking …`, `The town released a statement saying …`, `a report released by …`: the subject speaks", arguments: [
        ("Mr. Trump has lately started asking his supporters to raise their right hands.", "Mr. Trump"),
        ("Sanders supporters have launched petitions calling on superdelegates to back the will of voters.", "Sanders supporters"),
        ("The town released a statement saying the comments “are based on opinion, not facts.”", "The town"),
        ("His office put out a statement saying the state “does not have the capacity to vet refugees.”", "His office"),
        ("A report released by the committee said the agency failed.", "A report"),
    ])
    func clauseSubjectSpeaks(_ text: String, _ mention: String) {
        #expect(Fixture.attributions(text).map(\.mention) == [mention])
    }

    // Two descriptions joined by `and` that open their clause speak together.
    @Test("`teachers and union officials told …`: one joint speaker")
    func jointDescriptions() {
        let a = Fixture.attributions("Her support is strong among activists, teachers and union officials told reporters on Monday.")
        #expect(a.map(\.mention) == ["teachers and union officials"], "\(a)")
    }

    // A time phrase with its determiner and preposition stands between a subject and its cue.
    @Test("`who has in the past described`: the relative's antecedent speaks")
    func timePhraseBeforeCue() {
        let a = Fixture.attributions("Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” spoke on Monday.")
        #expect(a.first?.mention == "Beck, who", "\(a)")
    }

    // `note` as a verb; after an adjective it is a noun.
    @Test("`experts note that …`; `a rare note of` is a noun", arguments: [
        ("Experts note that new coal plants are still being built.", ["that new coal plants are still being built"]),
        ("He struck a rare note that pleased the crowd.", []),
    ])
    func noteAsVerb(_ text: String, _ contents: [String]) {
        #expect(Fixture.attributions(text).map(\.text) == contents)
    }

    // In a relative clause opened by a comma, the content ends at the comma that closes it;
    // a name before `, who` opens the sentence as its subject.
    @Test("`Sanders, who … and said he would campaign with him, did not`", arguments: [
        ("Jones, who said the plan would fail, voted against it.", ["the plan would fail"], ["Jones, who"]),
        ("Sanders, who met Canova and said he would campaign with him, did not.", ["he would campaign with him"], ["Sanders"]),
        ("Sanders, who endorsed Canova and said he would campaign with him, did not.", ["Canova", "he would campaign with him"],
         ["Sanders, who", "Sanders"]),
    ])
    func relativeClause(_ text: String, _ contents: [String], _ mentions: [String]) {
        let a = Fixture.attributions(text)
        #expect(a.map(\.text) == contents, "\(a)")
        #expect(a.map(\.mention) == mentions, "\(a)")
    }

    // A party tag after a name (`R-Ky.`) is an appositive of that name, never a speaker; it
    // does not run into the content either.
    @Test("`Sen. Rand Paul, R-Ky., said`: the name before the party tag speaks", arguments: [
        ("Sen. Rand Paul, R-Ky., said the bill would fail.", ["the bill would fail"], ["Sen. Rand Paul"]),
        ("Sen. Rand Paul, R-Ky., who chairs the panel, said it would fail.", ["it would fail"], ["Sen. Rand Paul"]),
        ("“It is done,” said Rep. Alan Brooks, R-Texas.", ["It is done,"], ["Rep. Alan Brooks"]),
        ("Rep. Alan Brooks, R-Texas, who endorsed the bill, was there.", ["the bill"], ["Rep. Alan Brooks, R-Texas, who"]),
        ("The bill would fail, said Sen. Rand Paul, D-N.Y., as he left.", ["The bill would fail"], ["Sen. Rand Paul"]),
    ])
    func partyTag(_ text: String, _ contents: [String], _ mentions: [String]) {
        let a = Fixture.attributions(text)
        #expect(a.map(\.text) == contents, "\(a)")
        #expect(a.map(\.mention) == mentions, "\(a)")
    }

    // `A, said X, adding that B`: the gerund's speaker is the inverted cue's, after it, and B
    // is the gerund's content, not a second piece of A.
    @Test("`…, said X, adding that …`: X adds")
    func invertedThenGerund() {
        let a = Fixture.attributions("The bill would fail, said Sen. Rand Paul, adding that it was dead.")
        #expect(a.map(\.text) == ["The bill would fail", "that it was dead"], "\(a)")
        #expect(a.map(\.mention) == ["Sen. Rand Paul", "Sen. Rand Paul"], "\(a)")
    }

    // A relative clause on the source of `according to` is neither the content nor a piece of it.
    @Test("`according to X, who …,`: the relative is no content", arguments: [
        ("According to Varga, who briefed reporters on Friday, the budget gap is narrowing.", "the budget gap is narrowing"),
        ("The budget gap is narrowing, according to Varga, who briefed reporters.", "The budget gap is narrowing"),
    ])
    func accordingToWho(_ text: String, _ content: String) {
        #expect(Fixture.attributions(text).map(\.text) == [content])
    }

    // Cue forms added from PolNeAR train's annotations: `hinted`, `emailed`, `questioning`; a
    // hint as a noun is none.
    @Test("`hinted that`, `emailed reporters that`, `questioning whether`", arguments: [
        ("He hinted that he would run.", ["that he would run"]),
        ("Officials emailed reporters that the vote was delayed.", ["that the vote was delayed"]),
        ("Party leaders are questioning whether the plan can work.", ["whether the plan can work"]),
        ("He dropped broad hints that he would run.", []),
    ])
    func addedCueForms(_ text: String, _ contents: [String]) {
        #expect(Fixture.attributions(text).map(\.text) == contents)
    }

    // `yet` after a negation, or between an auxiliary and `to`, is an adverb: the clause goes on.
    @Test("`had not yet decided`: `yet` does not end the content", arguments: [
        ("Peskov told journalists that Putin had not yet decided whether to attend.", "that Putin had not yet decided whether to attend"),
        ("Peskov said Putin has yet to decide whether to attend.", "Putin has yet to decide whether to attend"),
        ("Peskov said Putin was tired, yet decided to attend.", "Putin was tired"),
    ])
    func yetAsAdverb(_ text: String, _ content: String) {
        #expect(Fixture.attributions(text).first?.text == content)
    }

    // The normalised claim: case, quotation marks, dashes and spacing made uniform (ICU).
    @Test("claims normalise case, quotation marks, dashes and spacing", arguments: [
        ("“We want to have something done — that is effective,”", "we want to have something done - that is effective"),
        ("\"We want to have something done -- that is  effective\"", "we want to have something done - that is effective"),
        ("WE DON’T  want\nit.", "we don't want it"),
        ("Ｆｕｌｌ　width ﬁne", "full width fine"),
    ])
    func normalized(text: String, expected: String) {
        #expect(ClaimNormalizer.normalize(text) == expected)
    }
}
