import Testing
@testable import Verbatim

/// Speaker resolution: pronouns by gender and salience, descriptions through roles, joint
/// speakers, the cue that governs a fragment, and one identity per person.
@Suite("Speakers: pronouns, descriptions, fragments and identities")
struct SpeakerTests {
    // One quotation each: the resolved speaker and how it was found.
    @Test("one quotation's resolved speaker", arguments: [
        // `she` skips the men named in between and finds the woman; `he` the man.
        ("Ilse Marandi met Tomas Reyne on Monday. Reyne left early. “We are close,” she said.", "Ilse Marandi", "pronoun"),
        ("Ilse Marandi met Tomas Reyne on Monday. Marandi left early. “We are close,” he said.", "Tomas Reyne", "pronoun"),
        // An honorific gives the gender when the given name is unknown.
        ("Ms. Okonkwo met Mr. Dalby. “We are close,” she said.", "Okonkwo", "pronoun"),
        // The document gives it: `Zorvan Dalby said he` makes Dalby a man.
        ("Ms. Okonkwo spoke first. Then Zorvan Dalby said he was tired. “We are close,” she said.", "Okonkwo", "pronoun"),
        // A description resolves through the role (and place) the person was introduced with.
        ("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry.\n\n“We are close,” the Russian foreign minister said.",
         "Sergei Lavrov", "descriptor"),
        ("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry.\n\n“We are close,” Washington’s top diplomat said.",
         "John Kerry", "descriptor"),
        // A fragment belongs to the outer reporting verb, not to one inside its clause.
        ("Wasserman Schultz said in her opening remarks that the platform should reiterate the party’s support for “stalwart allies.”",
         "Wasserman Schultz", "explicit"),
        ("Rubio said the United States “must increase our efforts at home and abroad.”", "Rubio", "explicit"),
        ("While Trump argued that the cuts were wrong, Rubio said only that his “numbers don’t add up.”", "Rubio", "explicit"),
    ])
    func resolved(text: String, name: String, resolution: String) {
        // Reported speech in the text (`Zorvan Dalby said he was tired`) is attributed too: the
        // quotation's attribution is the direct one.
        let a = Fixture.analyse(text).attributions.filter { $0.kind != .indirect }
        #expect(a.count == 1)
        #expect(a.first?.speaker?.name == name)
        #expect(a.first?.speaker?.resolution.rawValue == resolution)
    }

    // A surname that is also a function word (`May`, a modal) after a given name, or before a
    // cue in the past, is a name; a modal before a verb is still a modal, and title case
    // (`Hillary Just Vowed`) makes no surname.
    @Test("`Theresa May said`, `“…,” May said`: the surname is a name")
    func functionWordSurname() {
        let d = Fixture.analyse("Prime Minister Theresa May met Ilse Marandi on Monday. Theresa May said the deal was close.\n\n“The deal is dead,” May said.")
        #expect(d.attributions.map { $0.speaker?.name } == ["Theresa May", "Theresa May"])
        #expect(d.attributions.map { $0.cue.map(d.string) } == ["said", "said"])
        #expect(Fixture.attributions("“It is dead,” he may have said.").map(\.mention) == ["he"])
        #expect(Fixture.attributions("He may say that the deal is dead.").isEmpty)
        #expect(Fixture.attributions("Hillary Just Vowed To Never Say These Words").map(\.mention) == ["Hillary"])
    }

    // A given name that is also a modal, a month or a cue (`Will`, `April`, `Hope`) belongs to
    // the name after it.
    @Test("`Will Hurd said`, `Hope Hicks said`: the given name is part of the name", arguments: [
        ("Will Hurd said the deal was dead.", "Will Hurd", "will-hurd"),
        ("Hope Hicks said the deal was dead.", "Hope Hicks", "hope-hicks"),
        // After a quotation: `Hope` is no cue, `Will` no modal.
        ("“It is dead,” Hope Hicks said.", "Hope Hicks", "hope-hicks"),
        ("“It is dead,” Will Hurd said.", "Will Hurd", "will-hurd"),
    ])
    func givenNameThatIsAWord(_ text: String, _ mention: String, _ entity: String) {
        let d = Fixture.analyse(text)
        #expect(d.attributions.map { $0.speaker.map { d.string($0.mention) } } == [mention])
        #expect(d.attributions.map { $0.speaker?.entity } == [entity])
    }

    // The subject of the last sentence is more salient than a speaker quoted earlier.
    @Test("a pronoun prefers the subject of a sentence with a cue over an earlier speaker")
    func pronounSalience() {
        let text = "“We will see,” said John Kerry.\n\nDuring a press conference, Carter said the talks were useful.\n\n“They are a long way from that,” he said."
        let a = Fixture.attributions(text)
        #expect(a.last?.name == "Carter")
    }

    // A person introduced with an appositive is the subject of the sentence.
    @Test("an appositive subject is salient")
    func appositiveSubject() {
        let text = "“Good,” said Tomas Reyne. The envoy, Dr. Anselm Kovi, who chaired the sessions, was upbeat. “Both sides kept their word,” he said."
        #expect(Fixture.attributions(text).last?.name == "Anselm Kovi")
    }

    // With no person of that role, the description stays itself.
    @Test("a description with no matching person keeps its words")
    func descriptionUnmatched() {
        let a = Fixture.attributions("“We are close,” a Western diplomat said.")
        #expect(a.first?.name == "a Western diplomat")
    }

    @Test("joint speakers name both")
    func joint() {
        let a = Fixture.attributions("Sergei Lavrov met John Kerry. Kerry and Lavrov said: “We have reached clarity.”")
        #expect(a.first?.name == "John Kerry and Sergei Lavrov")
        #expect(a.first?.entity == "john-kerry+sergei-lavrov")
    }

    // `they` is the last group that spoke: joint speakers, a plural role, an organisation.
    @Test("they resolves to the last group that spoke", arguments: [
        ("Sergei Lavrov met John Kerry. Kerry and Lavrov said: “We have reached clarity.” “We will meet again in May,” they added.",
         "John Kerry and Sergei Lavrov"),
        ("“The plan is dead,” the campaign said in a statement. “We will not revive it,” they added.", "the campaign"),
    ])
    func they(text: String, name: String) {
        #expect(Fixture.attributions(text).last?.name == name)
    }

    // With no group before it, `they` stays itself.
    @Test("they with no group before it is not resolved")
    func theyAlone() {
        #expect(Fixture.attributions("“We will not revive it,” they said.").first?.name == "they")
    }

    // One sentence each: the speaker's mention and resolved name.
    @Test("the speaker phrase of one sentence", arguments: [
        // A cue word used as a noun (`Clark’s comments`) does not take the quotation; the
        // closing `…, the groups say` does.
        ("Clark’s comments further “the anti-Muslim mob mentality” of the campaign, the groups say.", "the groups", "the groups"),
        // A number may open an inverted speaker phrase.
        ("“It is wrong,” said 35-year-old nurse Jane Doe.", "35-year-old nurse Jane Doe", "Jane Doe"),
        // A given name that is also an auxiliary (`Will`, `May`) before a surname.
        ("“It is a pretty expensive business model,” said Will Doyle, a professor.", "Will Doyle", "Will Doyle"),
        // An inverted cue opening the sentence, with an appositive before the quotation.
        ("Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of him.”", "Dorothy Poynter",
         "Dorothy Poynter"),
        // `told Fox News:` names the addressee after the cue, not the speaker.
        ("Priebus later Thursday told Fox News: “Both men are meeting next week to talk.”", "Priebus", "Priebus"),
        // A name that is all titles keeps its words.
        ("The Associated Press warns that “any further communication will go through our attorney.”",
         "Associated Press", "Associated Press"),
        // The agent of a participle is not the speaker: the letter warns.
        ("A letter obtained by The Associated Press warns that “any further communication will go through our attorney.”",
         "A letter", "A letter"),
    ])
    func phrase(text: String, mention: String, name: String) {
        let a = Fixture.attributions(text)
        #expect(a.first?.mention == mention)
        #expect(a.first?.name == name)
    }

    // An unattributed quotation ending its paragraph joins the attributed one opening the next.
    @Test("an unattributed quotation takes the speaker of the next paragraph's quotation")
    func forward() {
        let a = Fixture.attributions("The hearing went on for hours. “You blamed thousands of workers.”\n\n“It is gutless leadership,” Warren said.")
        #expect(a.count == 1)
        #expect(a.first?.name == "Warren")
    }

    // An indefinite, plural or organisation description names someone new, not the person
    // named before it.
    @Test("a description that is not definite and singular stays itself", arguments: [
        ("U.S. Secretary of State John Kerry met Putin. A monitoring group said air strikes killed 34 civilians.", "A monitoring group"),
        ("Lavrov met Kerry. Lavrov said the two countries agreed to intensify “our efforts in counterterrorism.”", "two countries"),
        ("Yuri Barmin, an expert, spoke first. A source in the Russian delegation partially confirmed the assumption, adding that the US may use the talks.",
         "A source in the Russian delegation"),
    ])
    func indefiniteDescription(text: String, name: String) {
        let text = text.replacingOccurrences(of: "Lavrov met", with: "Sergei Lavrov met")
        #expect(Fixture.attributions(text).last?.name == name)
    }

    // A description is matched on the roles of every mention of a person, and the role words it
    // shares beat nearness: `the U.N. envoy` is the U.N.'s envoy, not the nearer Russian diplomat.
    @Test("a description prefers the person whose roles share its words")
    func descriptionSharedRoles() {
        let text = "U.N. Special Envoy Staffan de Mistura was hopeful.\n\nA meeting was held between Russian Deputy Foreign Minister Gennady Gatilov and the envoy.\n\nThe U.N. envoy said that the talks would resume in August."
        #expect(Fixture.attributions(text).last?.name == "Staffan de Mistura")
    }

    // `According to him` is a pronoun, resolved like `he`.
    // So it is before a quotation (the quotation sieve's `according to`), and in a mixed clause.
    @Test("according to a pronoun resolves it", arguments: [
        "The game has changed, Reda Shehata, a former assistant, said. According to him, the US understands that the settlement should involve all parties.",
        "The game has changed, Reda Shehata, a former assistant, said. According to him, “the US understands that the settlement should involve all parties.”",
        "The game has changed, Reda Shehata, a former assistant, said. According to him, the US is open to dialogue “on an equal footing.”",
    ])
    func accordingToPronoun(text: String) {
        let a = Fixture.attributions(text)
        #expect(a.last?.name == "Reda Shehata")
        #expect(a.last?.mention == "him")
    }

    // A participle (`, saying`) takes the subject of the cue that governs its clause.
    @Test("a participle's speaker is the outer cue's subject")
    func participleGoverningCue() {
        let a = Fixture.attributions("Clinton told the debate audience that she believes we must continue to push policies, saying that “race still determines too much” in America.")
        #expect(a.last?.name == "Clinton")
    }

    // The subject of the clause a participle goes on: a given name in -ly opening the sentence
    // is no adverb; a description opened by a quantifier opens the clause as one opened by a
    // determiner does.
    @Test("the clause's subject speaks for its participle", arguments: [
        ("Carly Fiorina threw her support behind the senator, saying it is time for a “real conservative in the White House.”",
         "Carly Fiorina"),
        ("One operative inside the campaign tried to downplay the comments, saying they were “not a big deal around here.”",
         "One operative inside the campaign"),
    ])
    func participleClauseSubject(text: String, mention: String) {
        #expect(Fixture.attributions(text).last?.mention == mention)
    }

    // A sentence's subject with an age in commas (`Grecco, 54, had been …`) is the nearest
    // subject for `he`, before an earlier speaker.
    @Test("a subject with an age in commas is the antecedent of `he`")
    func subjectWithAge() {
        let text = "Chairman Ian Moss said results had fallen short.\n\nPaolo Grecco, 54, had been under pressure for weeks. "
            + "Speaking after the match, he admitted his side had been “second best all afternoon.”"
        #expect(Fixture.attributions(text).last?.name == "Paolo Grecco")
    }

    // A headline `Name: clause` is an attribution when the text names that person in full,
    // names the source again, or the word is a role (`Poll:`); not a label.
    @Test("a headline with a source's name and a colon", arguments: [
        ("Sanders: Clinton needs to ‘get away from all of this personality stuff’ with Trump.\n\nBernie Sanders offered advice on Friday.", "Bernie Sanders"),
        ("Poll: Clinton leads Trump in three key states.\n\nThe poll was taken last week.", "Poll"),
        ("Judicial Watch: State Department hid a key email for years.\n\nJudicial Watch obtained the email.", "Judicial Watch"),
        ("EXCLUSIVE: State Department hid a key email for years.\n\nThe group obtained the email.", nil),
        ("Delegate Update: The latest count in the Democratic race.\n\nThe count is close.", nil),
    ] as [(String, String?)])
    func headlineColon(text: String, name: String?) {
        let a = Fixture.attributions(text).filter { $0.resolution == "colon" }
        #expect(a.first?.name == name)
    }

    // A quotation in the next sentence, after words with no subject of their own, goes on
    // with the previous speaker.
    @Test("a quotation in the next sentence continues the speaker")
    func nextSentenceContinues() {
        let a = Fixture.attributions("“It is an enormous moment,” said Steve Schmidt, a strategist. Unless rivals quit the race, “it is very difficult to see how he is stopped.”")
        #expect(a.count == 1)
        #expect(a.first?.pieces.count == 2)
        #expect(a.first?.name == "Steve Schmidt")
    }

    // A description opening the clause stops before its verb (`The ad targets …`).
    @Test("an opening description ends before the verb")
    func openingDescriptionVerb() {
        let a = Fixture.attributions("The ad targets a “corrupt political system that keeps in place a rigged economy.”")
        #expect(a.first?.mention == "The ad")
    }

    // A contracted subject pronoun is the speaker (`He’s claiming`).
    @Test("a contracted pronoun is a subject")
    func contractedPronoun() {
        let a = Fixture.attributions("Donald Trump spoke in Ohio. He’s claiming that voting fraud is “a big, big problem in this country.”")
        #expect(a.last?.mention == "He")
        #expect(a.last?.name == "Donald Trump")
    }

    // `what it calls “…”` quotes words of the sentence's own speech act.
    @Test("a quoting verb in a free relative gives way to the cue before it")
    func freeRelative() {
        let a = Fixture.attributions("The campaign is defending the tweets. The campaign is denouncing what it calls “the single-biggest coordinated media attack in history.”")
        #expect(a.last?.cue == "is denouncing")
        #expect(a.last?.mention == "The campaign")
    }

    // A cue form in -s after a past participle or a quantifier is a plural noun.
    @Test("a cue form used as a plural noun is no cue", arguments: [
        "Trump has faced questions about business practices at a foundation that bears his name.",
        "He would assert his rights in response to any questions that would be put to him.",
    ])
    func pluralNounCue(text: String) {
        #expect(Fixture.attributions(text).isEmpty)
    }

    // The same person, written differently, has one id.
    @Test("one id per person across spellings", arguments: [
        ("Paul D. Ryan", "Paul Ryan"), ("Sergei Lavrov", "SERGEI LAVROV"), ("Sergey Lavrov", "Sergei Lavrov"),
        ("José Martínez", "Jose Martinez"), ("Сергей Лавров", "Sergei Lavrov"),
    ])
    func identity(a: String, b: String) {
        let ids = EntityID(aliases: RuleSet.defaults.aliases)
        #expect(ids.make(a) == ids.make(b))
    }

    @Test("different people keep different ids")
    func distinct() {
        let ids = EntityID(aliases: RuleSet.defaults.aliases)
        #expect(ids.make("Bill Clinton") != ids.make("Hillary Clinton"))
        #expect(ids.make("George W. Bush") != ids.make("Jeb Bush"))
        // Initials are dropped, but not from a form the aliases name.
        #expect(ids.make("George W. Bush") != ids.make("George H. W. Bush"))
        #expect(ids.make("George H.W. Bush") == ids.make("George H. W. Bush"))
    }

    // A description with a name in apposition is that name, with the name's nickname and a
    // parenthesis after it left out of the name.
    @Test("a description named by its appositive", arguments: [
        ("“This is a big year!” Scott’s niece, state Del. Marcia “Cia” Price (D-Newport News), shouted to the crowd.", "Marcia Price"),
        ("His partner, Lawrence B. Cummings, said the deal was done.", "Lawrence B. Cummings"),
        // A place or organisation after a preposition is no appositive name.
        ("“It is done,” the official, a former mayor of Chicago, said.", "the official"),
    ])
    func appositiveName(text: String, name: String) {
        #expect(Fixture.attributions(text).first?.name == name)
    }

    // Letters written in decomposed form (`e` + U+0301) or as UTF-8 misread as Latin-1
    // (`FranÃ§ois`) stay one word, so the name is found.
    @Test("decomposed and mojibake letters stay inside a name", arguments: [
        "“Europe must defend itself,” French President Franc\u{0327}ois Hollande said.",
        "“Europe must defend itself,” French President FranÃ§ois Hollande said.",
        "“Europe must defend itself,” French President FranA\u{0303}\u{0083}A\u{0302}§ois Hollande said.",
    ])
    func brokenLetters(text: String) {
        let a = Fixture.attributions(text)
        #expect(a.first?.name?.hasSuffix("ois Hollande") == true, "\(a)")
    }

    // A new sentence with a cue of its own after a quotation is new speech, not the second
    // piece of the quotation before.
    @Test("a quotation opening a sentence with its own cue is not a continuation")
    func ownCueAfter() {
        let a = Fixture.attributions("“This just isn’t right,” Warren said. “You squeezed employees” to drive up the price, she said.")
        #expect(a.count == 2, "\(a)")
        #expect(a.last?.mention == "she")
    }

    // A quoting verb with an object and its complement reports: the quotation after it goes on.
    @Test("`X called him a master …` is continued by the quotation after it")
    func calledHim() {
        let a = Fixture.attributions("His former partner, Lawrence B. Cummings, called him a master at impossible deals. “He showed again and again an ability to put together deals.”")
        #expect(a.last?.name == "Lawrence B. Cummings", "\(a)")
    }

    // A title that is also a surname (`King`) ends no name; `Back in 1999` opens a sentence.
    @Test("a name ending in a title word, and an adverb opening a sentence", arguments: [
        ("“It is easy,” said Rep. Peter King.", "Peter King"),
        ("Back in 1999, Mr. Trump praised Mr. Clinton, telling CNBC: “I wish I could be like that.”", "Trump"),
        // A capitalised modifier, a role and a name: the name (not `Democratic`).
        ("Democratic presidential candidate Bernie Sanders is disavowing remarks, saying he condemns them.", "Bernie Sanders"),
        ("“The math is daunting,” explained Democratic strategist Simon Rosenberg.", "Simon Rosenberg"),
        // With a number after the modifier.
        ("“Nobody told us anything,” said Local 41 president Dave Kowalski.", "Dave Kowalski"),
    ])
    func nameEdges(text: String, name: String) {
        #expect(Fixture.attributions(text).last?.name == name)
    }

    // A role and its holder after the cue, as before it (`rules/phrase-words.tsv`, holder).
    @Test("a description and its holder after the cue", arguments: [
        ("“It is over,” said a source close to the campaign.", "a source close to the campaign"),
        ("The deal fell apart, according to three aides familiar with the talks.", "three aides familiar with the talks"),
        ("“It is over,” said a senior official in the administration.", "a senior official in the administration"),
        // Not a time: `at the weekend`.
        ("“It is over,” said a senior official at the weekend.", "a senior official"),
    ])
    func holderAfter(text: String, mention: String) {
        #expect(Fixture.attributions(text).last?.mention == mention)
    }

    // `both leaders` are the two people named most often among those named just before.
    @Test("`both leaders` names the two people the text is about")
    func bothLeaders() {
        let text = "Foreign Minister Tomas Reyne met Minister Ilse Marandi in Geneva. Reyne and Marandi talked for ten hours. Reyne said the talks were hard, and Marandi agreed. The region is ruled by President Anselm Kovi.\n\nStill, both leaders expressed optimism about a truce."
        let a = Fixture.attributions(text)
        #expect(a.last?.name == "Tomas Reyne and Ilse Marandi", "\(a)")
    }

    // A name that is a variant of `rules/aliases.tsv` is resolved to its canonical name, as
    // its entity id is.
    @Test("an alias variant is named by its canonical name", arguments: [
        ("“The talks will go on,” Hizballah said in a statement.", "Hezbollah"),
        ("The US, meanwhile, accuses Russia of targeting western-backed fighters.", "United States"),
    ])
    func aliasName(text: String, name: String) {
        #expect(Fixture.attributions(text).first?.name == name)
    }

    // A capitalised word opening a sentence that the text also writes in lower case is a
    // common noun: its id is the document's, not one shared by every `Critics` of an archive.
    @Test("`Critics say` is a description of the document when the text writes `critics`")
    func commonNounOpeningSentence() throws {
        let a = Fixture.attributions("The plan drew fire from critics in both parties. Critics say the plan will fail.")
        let critics = try #require(a.first { $0.mention == "Critics" }, "\(a)")
        #expect(critics.entity != "critics")
        #expect(critics.entity?.hasPrefix("t-") == true, "\(critics.entity ?? "nil")")
        // A name the text never writes in lower case stays a name.
        let b = Fixture.attributions("The plan drew fire. Kovi says the plan will fail.")
        #expect(b.first?.entity == "kovi", "\(b)")
    }

    // The lower-case test reads whole words only: not inside a longer word, not next to a
    // character beyond ASCII, not capitalised.
    @Test("writesInLowerCase finds whole lower-case words", arguments: [
        ("critics said", "critics", true),
        ("the Critics said", "critics", false),
        ("hypercritics said", "critics", false),
        ("criticsé", "critics", false),
        ("(critics)", "critics", true),
        ("", "critics", false),
    ])
    func lowerCaseWord(_ text: String, _ word: String, _ expected: Bool) {
        #expect(SpeakerResolver.writesInLowerCase(Array(word.utf8), in: Array(text.utf8)) == expected)
    }
}
