import Testing
@testable import Verbatim

/// A non-transcript text with a reason, for the table of labels that must not become turns.
struct NotATranscript: Sendable, CustomTestStringConvertible {
    var reason: String
    var input: String
    var testDescription: String { reason }
}

@Suite("Transcript turns: `LABEL: text` paragraphs as attributions")
struct TranscriptTests {
    /// An invented interview: two named speakers (one with a title, one first in full then by
    /// surname), a clip, and a question with a quoted phrase in it.
    static let interview = """
        Partial transcript of the interview follows.

        JAKE TAPPER: Governor, the river talks ended last night. Take a listen.

        SECRETARY KERRY: Thank you. We have an understanding on the quotas, and it will hold.

        TAPPER: Critics call it “a paper deal.” Is it?

        DR. KOVI: No. The monitors will publish the readings every week.

        TAPPER: Thank you both.
        """

    /// The transcript turns of a text, as the attributions of a whole pipeline run.
    static func turns(_ text: String) -> [Fixture.Found] {
        Fixture.attributions(text).filter { $0.resolution == Resolution.transcript.rawValue }
    }

    // Every labelled paragraph is one attribution: the label is the speaker mention, the
    // colon the cue, the text after the label the content; the quoted phrase inside a turn
    // is not a second attribution.
    @Test("one attribution per turn: label as mention, colon as cue")
    func interviewTurns() {
        let all = Fixture.attributions(Self.interview)
        #expect(all.map(\.mention) == ["JAKE TAPPER", "SECRETARY KERRY", "TAPPER", "DR. KOVI", "TAPPER"], "\(all)")
        #expect(all.allSatisfy { $0.resolution == "transcript" && $0.cue == ":" }, "\(all)")
        #expect(all.map(\.text) == [
            "Governor, the river talks ended last night. Take a listen.",
            "Thank you. We have an understanding on the quotas, and it will hold.",
            "Critics call it “a paper deal.” Is it?",
            "No. The monitors will publish the readings every week.",
            "Thank you both.",
        ])
    }

    // A transcript quoted as a block, each turn opening with a quotation mark, is still
    // read turn by turn: the label after the mark is the speaker.
    @Test("a label after an opening quotation mark")
    func quotedTranscript() {
        let text = "Partial transcript as follows:\n\n\"WALLACE: Will she be there tomorrow night?\n\n\"PENCE: Well, look, this is serious business.\n\n\"WALLACE: Thank you."
        let all = Self.turns(text)
        #expect(all.map(\.mention) == ["WALLACE", "PENCE", "WALLACE"], "\(all)")
    }

    // The content span starts after the label, the colon and the space, and ends at the
    // paragraph's last character: the label is never part of the content.
    @Test("content spans exclude the label and the colon")
    func contentExcludesLabel() throws {
        let d = Fixture.analyse("MODERATOR: Welcome.  \n\nMINISTER REYNE:   Thank you.\n\nMODERATOR: Next question.")
        #expect(d.attributions.count == 3)
        let pieces = d.attributions.map { $0.spans.map { d.string($0) } }
        #expect(pieces == [["Welcome."], ["Thank you."], ["Next question."]])
        let second = try #require(d.attributions.dropFirst().first)
        #expect(d.string(try #require(second.speaker).mention) == "MINISTER REYNE")
        #expect(second.spans[0].start > (try #require(second.cue)).end)
    }

    // `Q:` and `A:` are roles: each turn is attributed to a description (an entity of this
    // document only), even though no speaker repeats a name.
    @Test("Q: and A: turns are turns, with role speakers")
    func questionsAndAnswers() throws {
        let text = "Q: What did you find when you came home?\n\nA: Nobody. The house was empty.\n\nQ: Did anyone help?\n\nA: No one did."
        let found = Self.turns(text)
        #expect(found.map(\.mention) == ["Q", "A", "Q", "A"], "\(found)")
        #expect(found.map(\.text) == ["What did you find when you came home?", "Nobody. The house was empty.",
                                      "Did anyone help?", "No one did."])
        let drafts = TranscriptTurns(lexicon: Lexicon(rules: .defaults)).turns(in: Fixture.analyse(text))
        #expect(drafts.allSatisfy { $0.speaker?.kind == .description })
        // A name label is a name.
        let named = TranscriptTurns(lexicon: Lexicon(rules: .defaults)).turns(in: Fixture.analyse(Self.interview))
        #expect(named.allSatisfy { $0.speaker?.kind == .name })
    }

    // A single Q and a single A are a transcript too: every label is a role.
    @Test("one question and one answer")
    func singleExchange() {
        #expect(Self.turns("Q: Why now?\n\nA: Because the river is low.").count == 2)
    }

    // Upper-case labels also open headlines, notes and datelines: none of these texts holds a
    // transcript, so none gives a turn.
    @Test("headlines, notes and datelines give no turn", arguments: [
        NotATranscript(reason: "a single correction note",
                       input: "CORRECTION: An earlier version of this article misstated the date of the talks.\n\nThe talks went on."),
        NotATranscript(reason: "a title-case shouting headline",
                       input: "BOOM: Trump Just Fired A Missile Directly At Hillary\n\nThe candidate spoke on Monday."),
        NotATranscript(reason: "a single dateline-like label",
                       input: "WASHINGTON: The Senate voted on Tuesday to extend the program.\n\nThe vote was close."),
        NotATranscript(reason: "two different one-off labels: nobody speaks twice",
                       input: "FIX IS IN: the moderators ignore the scandals.\n\nAP: Trump chair routed money to lobbyists."),
        NotATranscript(reason: "a repeated heading (rules/transcript-labels.tsv)",
                       input: "UPDATE: The minister has since resigned.\n\nThe talks went on.\n\nUPDATE: The talks have been suspended."),
        NotATranscript(reason: "a repeated boilerplate prefix (rules/boilerplate.tsv)",
                       input: "SUBSCRIBE: our newsletter arrives every morning.\n\nSUBSCRIBE: the podcast arrives every week."),
        NotATranscript(reason: "title-case headlines, repeated",
                       input: "HUFFPOLLSTER: A Seismic Shift Among Voters May Have Won Cruz The Caucus.\n\n"
                           + "HUFFPOLLSTER: Indiana’s Primary Will Be A Battle Between Demographics And Economics."),
        NotATranscript(reason: "all upper-case headlines, repeated",
                       input: "UN: PEACEKEEPERS PAYING FOR SEX\n\nUN: COUNCIL TO MEET ON FRIDAY"),
        NotATranscript(reason: "repeated labels too far apart to be one transcript",
                       input: "REYNE: We will not leave without a deal.\n\n" + String(repeating: "The talks went on.\n\n", count: 6)
                           + "REYNE: We have a deal."),
        NotATranscript(reason: "a mixed-case label is a headline's subject, not a speaker label",
                       input: "OK Gov Fallin: Trump is trying.\n\nOK Gov Fallin: he is trying."),
        NotATranscript(reason: "a label of five words is a sentence",
                       input: "THE MINISTER OF WATER AFFAIRS: yes.\n\nTHE MINISTER OF WATER AFFAIRS: no."),
    ])
    func notTurns(_ c: NotATranscript) {
        #expect(Self.turns(c.input).isEmpty, "\(Self.turns(c.input))")
    }

    // The same texts with a speaker who speaks twice are transcripts: the checks above fail
    // for the reason they give, not because labels are never read.
    @Test("a dateline-like label repeated nearby is a speaker")
    func repeatedLabel() {
        let text = "WASHINGTON: The Senate voted on Tuesday.\n\nREYNE: We will not leave.\n\nWASHINGTON: Yes, it did."
        #expect(Self.turns(text).map(\.mention) == ["WASHINGTON", "REYNE", "WASHINGTON"])
    }

    // Only the first bytes of a paragraph are read for a label: a paragraph that is one long
    // upper-case run (no colon soon) is no turn, and a label may not be longer than the limit.
    @Test("labels are read from a bounded prefix")
    func boundedLabel() {
        let long = String(repeating: "AB ", count: 40_000) + ": text"
        #expect(Self.turns(long + "\n\n" + long).isEmpty)
        let b = Array("ABCDEFGHIJKLMNOPQRST ABCDEFGHIJKLMNOPQRST ABCDEFGHIJ: Yes.".utf8)
        #expect(TranscriptTurns.label(ByteRange(0, b.count), b) == nil)  // the colon 52 bytes in
        let ok = Array("SENIOR ADMINISTRATION OFFICIAL: Yes.".utf8)
        #expect(TranscriptTurns.label(ByteRange(0, ok.count), ok)?.1 == 30)
    }

    // rules/transcript-labels.tsv is read strictly: an unknown kind or a label given two
    // kinds names its file and line.
    @Test("a bad transcript-labels file is an error naming its line", arguments: [
        ("label\tkind\nq\tspeaker\n", "rules/transcript-labels.tsv:2:"),
        ("label\tkind\nq\theading\nq\trole\n", "rules/transcript-labels.tsv:3:"),
    ])
    func badLabelFile(text: String, place: String) {
        do {
            _ = try RuleSet(texts: ["transcript-labels.tsv": text])
            Issue.record("loaded without error")
        } catch {
            #expect(error.description.hasPrefix(place), "\(error)")
        }
    }

    // The names the resolver should give a label: title-cased, titles stripped as
    // rules/titles.tsv says (which is case-sensitive: `Minister`, `Secretary`).
    @Test("a label's display name and resolved name", arguments: [
        ("MINISTER REYNE", "Minister Reyne", "Reyne"),
        ("SECRETARY KERRY", "Secretary Kerry", "Kerry"),
        ("JAKE TAPPER", "Jake Tapper", "Jake Tapper"),
        ("DR. KOVI", "Dr. Kovi", "Kovi"),
        ("JOHN MCCAIN", "John McCain", "John McCain"),
        ("BETO O'ROURKE", "Beto O'Rourke", "Beto O'Rourke"),
        ("JEAN-PIERRE RAFFARIN", "Jean-Pierre Raffarin", "Jean-Pierre Raffarin"),
        ("STAFFAN DE MISTURA", "Staffan de Mistura", "Staffan de Mistura"),
    ])
    func names(label: String, display: String, name: String) {
        let lexicon = Lexicon(rules: .defaults)
        #expect(TranscriptTurns.displayName(label: label, particles: lexicon.rules.nameParticles) == display)
        #expect(TranscriptTurns.name(label: label, lexicon: lexicon) == name)
    }
}
