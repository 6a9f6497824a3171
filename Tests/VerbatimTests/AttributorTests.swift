import Testing
@testable import Verbatim

/// One expected attribution: content text, speaker mention and cue, as they stand in the text.
struct ExpectedAttribution: Sendable, CustomTestStringConvertible {
    var input: String
    var text: String
    var mention: String?
    var cue: String?
    var testDescription: String { input }
}

@Suite("Attributor: speech, speakers and cues")
struct AttributorTests {
    // The basic patterns, one sentence each: exactly one attribution, with this content,
    // speaker mention and cue.
    @Test("one attribution with its speaker and cue", arguments: [
        // Cue after the quote, speaker before the cue.
        ExpectedAttribution(input: "“We are close,” Kerry said.", text: "We are close,", mention: "Kerry", cue: "said"),
        // A social-media handle is a speaker.
        ExpectedAttribution(input: "“Enough,” tweeted @realDonaldTrump.", text: "Enough,", mention: "@realDonaldTrump", cue: "tweeted"),
        // Inverted: cue then speaker.
        ExpectedAttribution(input: "“We are close,” said Kerry.", text: "We are close,", mention: "Kerry", cue: "said"),
        // A pronoun as the speaker.
        ExpectedAttribution(input: "“We are close,” he said.", text: "We are close,", mention: "he", cue: "said"),
        // A question mark instead of a comma, another cue verb.
        ExpectedAttribution(input: "“Is it over?” Kerry asked.", text: "Is it over?", mention: "Kerry", cue: "asked"),
        // `told` with its addressee after it.
        ExpectedAttribution(input: "“We are close,” Kerry told reporters on Monday.", text: "We are close,", mention: "Kerry",
                            cue: "told"),
        // Colon introduction: the cue (with its colon) before the quote.
        ExpectedAttribution(input: "Kerry said: “We are close.”", text: "We are close.", mention: "Kerry", cue: "said:"),
        // An appositive between the name and the cue: the speaker is the name, not the description.
        ExpectedAttribution(input: "Yuri Barmin, an expert at the Russian International Affairs Council, told Gazeta: “It is hard to say.”",
                            text: "It is hard to say.", mention: "Yuri Barmin", cue: "told"),
        // `according to NAME,` before the quote.
        ExpectedAttribution(input: "According to Smith, “the talks have failed completely.”",
                            text: "the talks have failed completely.", mention: "Smith", cue: "According to"),
        // `according to NAME` in mid-sentence: one mixed attribution, the clause on both sides.
        ExpectedAttribution(input: "The talks failed, according to Smith, “because nobody wanted them to succeed at all.”",
                            text: "The talks failed “because nobody wanted them to succeed at all.”", mention: "Smith",
                            cue: "according to"),
        // A name after a dash, before the colon, speaks (not the subject of the clause before it).
        ExpectedAttribution(input: "Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”",
                            text: "Keep on contacting voters as late as possible.", mention: "Carl Bialik", cue: ":"),
        // Two names joined by `and` speak together.
        ExpectedAttribution(input: "TOO EARLY - Mark Blumenthal and Jon Cohen: “The polls failed to predict the result.”",
                            text: "The polls failed to predict the result.", mention: "Mark Blumenthal and Jon Cohen", cue: ":"),
        // A role held through a possessive object (`familiar with Cruz’s thinking`).
        ExpectedAttribution(input: "Another source familiar with Cruz’s thinking said, “He will certainly try.”",
                            text: "He will certainly try.", mention: "Another source familiar with Cruz’s thinking", cue: "said"),
        // A possessive name and the role it opens are the clause's subject.
        ExpectedAttribution(input: "Ryan’s campaign shrugged off the comments, telling reporters, “Nobody asked for it.”",
                            text: "Nobody asked for it.", mention: "Ryan’s campaign", cue: "telling"),
        // A title before the name is part of the mention (and stripped from the name, below).
        ExpectedAttribution(input: "“We are close,” said Sen. Ted Cruz, the Texas Republican.", text: "We are close,",
                            mention: "Sen. Ted Cruz", cue: "said"),
    ])
    func explicit(_ e: ExpectedAttribution) {
        let found = Fixture.attributions(e.input)
        #expect(found.count == 1, "\(found)")
        guard let a = found.first else { return }
        #expect(a.text == e.text)
        #expect(a.mention == e.mention)
        #expect(a.cue == e.cue)
    }

    // `he` is the mention; the name is the person the text named before it.
    @Test("a pronoun resolves to the person named earlier")
    func pronounResolves() {
        let a = Fixture.attributions("John Kerry arrived. “We are close,” he said.")
        #expect(a.count == 1)
        #expect(a.first?.mention == "he")
        #expect(a.first?.name == "John Kerry")
        #expect(a.first?.entity == "john-kerry")
        #expect(a.first?.resolution == "pronoun")
    }

    // A pronoun right after a sentence whose subject is a named person refers to that person,
    // not to the speaker of the previous attribution (001_harbor-ledger: `Reyne struck a warmer
    // tone. “I came here …,” he said.` after Marandi's `she said`).
    @Test("a pronoun resolves to the subject of the sentence just before it", arguments: [
        ("“Nothing is signed,” Ilse Marandi said.\n\nTomas Reyne struck a warmer tone. “I came here expecting a fight,” he said.",
         "Tomas Reyne"),
        ("“We are far apart,” John Kerry said.\n\nAngela Merkel disagreed. “We are close,” she said.", "Angela Merkel"),
        // The subject is a surname alone, its full name given earlier (exactly 001's case).
        ("Tomas Reyne and Ilse Marandi met.\n\n“Nothing is signed,” Marandi said.\n\n"
            + "Reyne struck a warmer tone. “I came here expecting a fight,” he said.", "Tomas Reyne"),
    ])
    func pronounAfterNamedSubject(text: String, name: String) {
        let a = Fixture.attributions(text)
        #expect(a.count == 2)
        #expect(a.last?.name == name)
    }

    // `X said …, which she said “…”`: the pronoun is the subject of its own sentence,
    // not the previous paragraph's speaker nor a name opening an earlier sentence
    // (003_wire-digest, Marandi).
    @Test("a pronoun inside reported speech resolves to that sentence's subject", arguments: [
        "“We are far apart,” said Mara Velloso.\n\n"
            + "Ilse Marandi said the next round would focus on the annex, which she said “is where the arithmetic happens.”",
        // The subject is a surname alone, after a sentence opened by another name.
        "Ilse Marandi arrived.\n\n“We are far apart,” said Mara Velloso.\n\nThe Joint Basin Council has hosted five rounds.\n"
            + "Marandi said the next round would focus on the annex, which she said “is where the arithmetic happens.”",
    ])
    func pronounInReportedSpeech(text: String) {
        let a = Fixture.attributions(text)
        #expect(a.last?.text == "is where the arithmetic happens.")
        #expect(a.last?.name == "Ilse Marandi")
    }

    // An interrupted quote is ONE attribution with two spans; its text drops the marks of
    // each piece and joins the pieces with one space (the contract's `A, B.` example).
    @Test("an interrupted quote is one attribution with two spans", arguments: [
        ("“A,” he said, “B.”", ["“A,”", "“B.”"], "A, B."),
        ("“We are close,” he said, “but not there yet.”", ["“We are close,”", "“but not there yet.”"],
         "We are close, but not there yet."),
        // The second piece is its own sentence.
        ("“A,” he said. “B.”", ["“A,”", "“B.”"], "A, B."),
    ])
    func interrupted(text: String, pieces: [String], joined: String) {
        let a = Fixture.attributions(text)
        #expect(a.count == 1, "\(a)")
        #expect(a.first?.pieces == pieces)
        #expect(a.first?.text == joined)
        #expect(a.first?.mention == "he")
    }

    // A paragraph that is only a quote, right after a paragraph with an attribution, goes on
    // with the same speaker: one attribution, one more piece.
    @Test("a quote-only paragraph joins the attribution of the paragraph before")
    func paragraphContinuation() {
        let a = Fixture.attributions(
            "“We are close,” Kerry said.\n\n“But we are not there yet, and nobody should pretend otherwise.”")
        #expect(a.count == 1)
        #expect(a.first?.pieces.count == 2)
        #expect(a.first?.mention == "Kerry")
        #expect(a.first?.text == "We are close, But we are not there yet, and nobody should pretend otherwise.")
    }

    // A short quoted line with no closing punctuation after an attributed paragraph is a
    // subheading, not more of the speaker's words.
    @Test("a quoted subheading does not continue the paragraph before")
    func subheadingIsNoContinuation() {
        let a = Fixture.attributions(
            "The rebels insisted that the president leave power “at the start of the transition”.\n\n‘Not isolating Moscow’\n\nOfficials said the talks would go on.")
        #expect(a.count == 2)
        #expect(a.first?.text == "that the president leave power “at the start of the transition”")
        #expect(!a.contains { $0.text.contains("Not isolating") })
    }

    // Quotation marks that do not enclose speech: scare quotes, quoted titles, quoted words
    // in headlines. They are found as quotations but yield no attribution.
    @Test("scare quotes, titles and headline words are not speech", arguments: [
        // Scare quote with no cue anywhere.
        "The group armed its “moderate” fighters in the north.",
        // Scare quote in a sentence that has a cue verb: still a modifier, not what was said.
        // Quoted titles in a headline line (single straight marks, title case).
        "'Russia’s Influence in Syria' Making US Search for 'Compromise'",
        // A report title followed by a cue whose subject is the report (002_northern-courier).
        "Her report ‘Rivers Without Borders’, published last year, estimated the losses.",
    ])
    func notSpeech(text: String) {
        #expect(Fixture.analyse(text).quotations.count >= 1)
        #expect(Fixture.attributions(text).isEmpty)
    }

    // Names: a surname alone takes the fullest form of the name the document gives, titles
    // are stripped from the name (kept in the mention), the entity is the name as an id.
    @Test("speaker names are resolved", arguments: [
        ("Russian Foreign Minister Sergei Lavrov arrived.\n\n“We are close,” Lavrov said.", "Lavrov", "Sergei Lavrov",
         "sergei-lavrov"),
        // The full name may come after the surname.
        ("“We are close,” Lavrov said. Russian Foreign Minister Sergei Lavrov then left.", "Lavrov", "Sergei Lavrov",
         "sergei-lavrov"),
        ("U.S. Secretary of State John Kerry said: “We are close.”", "U.S. Secretary of State John Kerry", "John Kerry",
         "john-kerry"),
        ("“We are close,” said Sen. Ted Cruz, the Texas Republican.", "Sen. Ted Cruz", "Ted Cruz", "ted-cruz"),
        // A surname with a particle takes the full name too (EntityID's own example).
        ("Staffan de Mistura arrived.\n\n“We are close,” de Mistura said.", "de Mistura", "Staffan de Mistura",
         "staffan-de-mistura"),
    ])
    func names(text: String, mention: String, name: String, entity: String) {
        let a = Fixture.attributions(text)
        #expect(a.count == 1)
        #expect(a.first?.mention == mention)
        #expect(a.first?.name == name)
        #expect(a.first?.entity == entity)
    }

    // Quotation marks with nothing between them enclose no speech: an attribution always has
    // content (a quote record with empty `text` and a span of two marks means nothing).
    @Test("empty quotation marks are not speech", arguments: ["Kerry said “”.", "Kerry said \"\".", "“” Kerry said."])
    func emptyQuote(text: String) {
        #expect(Fixture.attributions(text).isEmpty)
    }

    // Publisher boilerplate (`Follow … on Twitter`, `Related:`) yields nothing, quotes or not.
    @Test("boilerplate paragraphs yield nothing", arguments: [
        "Follow Jane Doe on Twitter @jd \"quote\"",
        "Follow Jane Doe on Twitter @jd “We are close,” she said.",
        "Related: “We are close,” she said.",
    ])
    func boilerplate(text: String) {
        #expect(Fixture.attributions(text).isEmpty)
    }

    // A long quote filling its paragraph with no cue anywhere is speech with no speaker.
    @Test("a standalone quote has no speaker and no cue")
    func standalone() {
        let a = Fixture.attributions("“We will never give up on this river, never.”")
        #expect(a.count == 1)
        #expect(a.first?.mention == nil)
        #expect(a.first?.cue == nil)
    }

    // Content entirely inside quotation marks is `direct` (the contract's definition).
    @Test("a fully quoted content is direct")
    func kindIsDirect() {
        let d = Fixture.analyse("“We are close,” Kerry said.")
        #expect(d.attributions.map(\.kind) == [.direct])
    }

    // No text, no speech: no attributions.
    @Test("empty text and text without speech", arguments: ["", "\n\n", "The river rose two metres overnight."])
    func nothing(text: String) {
        #expect(Fixture.attributions(text).isEmpty)
    }

    // The stage contract: it reads paragraphs and quotations and adds the attributions layer.
    @Test("the attributor declares and marks its layers")
    func layers() {
        let d = Fixture.analyse("“We are close,” Kerry said.")
        #expect(Attributor(rules: .defaults).requires == [.paragraphs, .sentences, .quotations])
        #expect(d.layers.isSuperset(of: [.paragraphs, .sentences, .quotations, .attributions, .claims]))
    }
}
