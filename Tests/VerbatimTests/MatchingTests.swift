import Foundation
import Testing
@testable import Verbatim

/// A quote for the matcher.
private func q(_ id: String, _ text: String, speaker: String? = nil, direct: Bool = true) -> ClaimQuote {
    ClaimQuote(id: id, doc: String(id.split(separator: "#")[0]), source: nil, direct: direct, text: text, speaker: speaker)
}

/// Adds the quotes in order; returns each one's claim and all match records.
private func run(_ quotes: [ClaimQuote]) -> (claims: [String], matches: [MatchRecord], clusters: [ClusterRecord]) {
    let m = ClaimMatcher(rules: .defaults)
    var claims: [String] = []
    var matches: [MatchRecord] = []
    for quote in quotes {
        let (c, ms) = m.add(quote)
        claims.append(c)
        matches += ms
    }
    return (claims, matches, m.finish())
}

@Suite("Cross-source matching")
struct MatchingTests {
    // Typography, case and dashes do not hide the same words.
    @Test func sameWordsAcrossOutlets() throws {
        let r = run([q("a#1", "We will not rush to an agreement — not this week,", speaker: "john-kerry"),
                     q("b#1", "we will NOT rush to an agreement -- not this week.", speaker: "kerry")])
        #expect(r.claims[0] == r.claims[1])
        let m = try #require(r.matches.first)
        #expect((m.a, m.b, m.relation, m.speakers) == ("b#1", "a#1", "same", "same"))
        #expect(r.clusters.count == 1)
        #expect(r.clusters.first?.conflict == false)
        #expect(r.clusters.first?.docs == ["a", "b"])
        // `kerry` (a surname alone) is listed once, as the full name it ends.
        #expect(r.clusters.first?.speakers == ["john-kerry"])
    }

    // A fragment quoted inside reported speech links to the full quote elsewhere.
    @Test func quotedFragmentOfReportedSpeech() throws {
        let r = run([q("a#1", "We have achieved clarity on the path forward, and narrow issues remain,", speaker: "john-kerry"),
                     q("b#1", "that they had “achieved clarity on the path forward” in Syria", speaker: "john-kerry", direct: false)])
        let m = try #require(r.matches.first)
        #expect(m.relation == "contained")
        #expect(r.claims[0] == r.claims[1])
    }

    // A shorter quote repeated word for word inside a longer one.
    @Test func fragmentContained() throws {
        let r = run([q("a#1", "the ceasefire must hold in Aleppo before any talks resume"),
                     q("b#1", "We said it plainly: the ceasefire must hold in Aleppo before any talks resume, and we meant it.")])
        #expect(r.matches.first?.relation == "contains")
    }

    // `that` opening reported speech is the writer's: without it one claim holds the other.
    @Test func leadingThatIsNotTheClaim() throws {
        let r = run([q("a#1", "that he found Trump to be \"very charming.\"", speaker: "sheldon-adelson", direct: false),
                     q("b#1", "he found Trump to be “very charming” after the meeting", speaker: "sheldon-adelson", direct: false)])
        #expect(r.matches.first?.relation == "contains")
    }

    // A belief or stance verb inside a claim (`found`) is one of its content words; only the
    // speech verbs are stop words. With it, the same words given to two people are matched.
    @Test func beliefVerbIsContent() throws {
        let r = run([q("a#1", "he found Trump to be “very charming”", speaker: "donald-trump", direct: false),
                     q("b#1", "that he found Trump to be \"very charming.\"", speaker: "sheldon-adelson", direct: false)])
        let m = try #require(r.matches.first)
        #expect((m.relation, m.speakers) == ("same", "different"))
    }

    // One whole quotation of a direct quote told in several (`“A.” “B.”`) is that quote
    // repeated; the same words inside one quotation are a fragment.
    @Test func wholeQuotationOfSeveralIsSame() throws {
        let text = "We will not rush to an agreement this week Until the ceasefire holds, neither government will announce a political settlement"
        let start = text.utf8.count - "Until the ceasefire holds, neither government will announce a political settlement".utf8.count
        let several = ClaimQuote(id: "a#1", doc: "a", source: nil, direct: true, text: text, speaker: nil, pieceStarts: [start])
        let r = run([several, q("b#1", "Until the ceasefire holds, neither government will announce a political settlement.")])
        #expect(r.matches.first?.relation == "same")
        let inside = run([several, q("b#1", "neither government will announce a political settlement")])
        #expect(inside.matches.first?.relation == "contained")
        let unknown = run([q("a#1", text), q("b#1", "Until the ceasefire holds, neither government will announce a political settlement.")])
        #expect(unknown.matches.first?.relation == "contained")
    }

    // `verbatim match` reads the pieces back from the spans' lengths: each span less its
    // enclosing marks, then the joining space.
    @Test func pieceStartsFromSpanLengths() {
        // “Not yet.” “We are close.” he said, “Soon.” → `Not yet. We are close. Soon.`
        #expect(ClaimQuote.pieceStarts(text: "Not yet. We are close. Soon.", spanLengths: [10, 15, 7]) == [9, 23])
        // A piece with no marks (reported speech): its span is its text.
        #expect(ClaimQuote.pieceStarts(text: "é a b", spanLengths: [1, 3]) == [3])
        #expect(ClaimQuote.pieceStarts(text: "one piece", spanLengths: [11]) == [])
        #expect(ClaimQuote.pieceStarts(text: "nospace", spanLengths: [3, 4]) == [])
        // Marks of two characters (`''Jobs, jobs, jobs,'' … ''The Late Show''`): the lengths
        // must add up, so the first space that fits is not taken.
        #expect(ClaimQuote.pieceStarts(text: "Jobs, jobs, jobs, The Late Show", spanLengths: [21, 17]) == [18])
    }

    // The same speaker's words found whole in a longer quote are a fragment even with few
    // content words; given to someone else, the same few words are not enough.
    @Test func sameSpeakerFragmentNeedsLessContent() {
        let long = "To every parent who dreams for their child, I say these words tonight: I will fight for you, and I will win for you."
        let short = "I will fight for you, and I will win for you!"
        #expect(run([q("a#1", long, speaker: "tomas-reyne"), q("b#1", short, speaker: "reyne")]).matches.first?.relation == "contained")
        #expect(run([q("a#1", long, speaker: "tomas-reyne"), q("b#1", short, speaker: "ilse-marandi")]).matches.isEmpty)
    }

    // The same speaker's claim retold with a run of words in common and three content words
    // shared is a paraphrase; without the run it needs five.
    @Test func paraphraseWithARunOfWords() {
        let direct = q("a#1", "I think the curfew is nothing compared to what they would do to us.", speaker: "tomas-reyne")
        let told = q("b#1", "that the curfew is nothing compared to what rebel militias are doing", speaker: "tomas-reyne", direct: false)
        #expect(run([direct, told]).matches.first?.relation == "paraphrase")
        let noRun = q("b#1", "that a curfew means nothing, set against what rebel militias do", speaker: "tomas-reyne", direct: false)
        #expect(run([direct, noRun]).matches.isEmpty)
    }

    // A short reported claim with no quotation mark (`proposed a ban on …`) found inside a
    // longer claim is a shared topic, not a repeat; quoted, the same words are a fragment.
    @Test func shortReportedTopicIsNoFragment() throws {
        let long = "that 65 percent of voters supported his call for a ban on imports entering the country"
        let topic = run([q("a#1", long, direct: false), q("b#1", "a ban on imports entering the country", direct: false)])
        #expect(topic.matches.isEmpty)
        let quoted = run([q("a#1", long, direct: false), q("b#1", "a ban on imports entering the country")])
        #expect(quoted.matches.first?.relation == "contained")
    }

    // Reported speech of the same speaker: the pronoun shift does not hide the words.
    @Test func directQuoteReportedAsIndirect() throws {
        let r = run([q("a#1", "We are going to open the border crossings to aid convoys next week", speaker: "ilse-marandi"),
                     q("b#1", "they were going to open the border crossings to aid convoys the following week",
                       speaker: "ilse-marandi", direct: false)])
        let m = try #require(r.matches.first)
        #expect(["paraphrase", "contained", "contains"].contains(m.relation))
        #expect(r.claims[0] == r.claims[1])
    }

    // The same words given to two people: the match says so and the cluster is a conflict.
    @Test func misattributionIsAConflict() throws {
        let r = run([q("a#1", "Trust is built one season at a time", speaker: "ilse-marandi"),
                     q("b#1", "Trust is built one season at a time,", speaker: "tomas-reyne")])
        #expect(r.matches.first?.speakers == "different")
        #expect(r.clusters.first?.conflict == true)
        #expect(r.clusters.first?.speakers == ["ilse-marandi", "tomas-reyne"])
    }

    // Two direct quotes that differ in a word are a misquote: a conflict, with the wording shown.
    @Test func misquoteShowsTheVariant() throws {
        let r = run([q("a#1", "We have come a long way in the last nine months and we will keep fighting for every vote", speaker: "s"),
                     q("b#1", "We have come a long way in the last ten months and we will keep fighting for every vote", speaker: "s")])
        let c = try #require(r.clusters.first)
        #expect(c.conflict)
        #expect(c.variants.map(\.quote) == ["b#1"])
    }

    // A stock phrase shared by two different claims is not a match.
    @Test func stockPhraseIsNoMatch() {
        let r = run([q("a#1", "He is not fit to serve as the president of the United States", speaker: "x"),
                     q("b#1", "She will be a great president of the United States for all of us", speaker: "y")])
        #expect(r.matches.isEmpty)
        #expect(r.claims[0] != r.claims[1])
    }

    // Quotes of one document are never matched to each other.
    @Test func sameDocumentIsNotMatched() {
        let r = run([q("a#1", "No village on either bank will go thirsty because of a line on a map"),
                     q("a#2", "No village on either bank will go thirsty because of a line on a map")])
        #expect(r.matches.isEmpty)
        #expect(r.clusters.isEmpty)
    }

    @Test(arguments: [("reyne", "tomas-reyne" as String?, SpeakerAgreement.same), ("john-kerry+sergei-lavrov", "sergei-lavrov", .same),
                      ("john-kerry", "sergei-lavrov", .different), ("john-kerry", nil, .unknown), ("ne", "tomas-reyne", .different),
                      ("kerry", "sergei-lavrov+john-kerry", .same), ("a-b+c-d", "x+y", .different), ("lavrov+x", "y+sergei-lavrov", .same)])
    func speakerAgreement(a: String, b: String?, expected: SpeakerAgreement) {
        #expect(SpeakerAgreement.of(a, b) == expected)
    }

    // Every quote of a pipeline run gets the claim of its cluster; cluster records list them.
    @Test func pipelineGivesClaimIDs() {
        let pipeline = Pipeline(rules: .defaults)
        let a = pipeline.process(InputDocument(id: "a", source: "x.org", path: nil,
                                               text: "“No village will go thirsty because of a line on a map,” Reyne said."))
        let b = pipeline.process(InputDocument(id: "b", source: nil, path: nil,
                                               text: "\"No village will go thirsty because of a line on a map,\" Tomas Reyne told reporters."))
        let claims = (a + b).compactMap { r -> String? in if case .quote(let q) = r { return q.claim } else { return nil } }
        #expect(claims.count == 2 && claims[0] == claims[1])
        #expect(b.contains { if case .match(let m) = $0 { return m.relation == "same" && m.speakers == "same" } else { return false } })
        let clusters = pipeline.finish()
        guard case .cluster(let c) = clusters.first else { Issue.record("no cluster"); return }
        #expect(c.sources == ["x.org", nil])
        #expect(c.id == claims[0])
    }
}

@Suite("verbatim match: the matching stage over earlier output")
struct RecordMatcherTests {
    private func rematch(_ input: String) throws -> (lines: [String], error: Bool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("in.ndjson").path
        try Data(input.utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let m = RecordMatcher(rules: .defaults)
        var out: [UInt8] = []
        _ = m.read(fileDescriptor: fd, name: "in", maxLineBytes: 1 << 20) { out += $0; return true }
        for r in m.finish() { r.write(into: &out) }
        return (String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init), m.sawError)
    }

    @Test func claimsRewrittenOtherBytesKept() throws {
        let input = """
            {"type":"document","doc":"a","quotes":1}
            {"type":"quote", "id":"a#1","doc":"a","kind":"direct","text":"Trust is built one season at a time \\u2014 slowly","speaker":{"entity":"ilse-marandi","span":[1,2]},"cue":null,"claim":"c9"}
            {"type":"match","a":"x","b":"y","relation":"same","score":1,"speakers":"same"}
            {"type":"document","doc":"b","quotes":1}
            {"type":"quote","id":"b#1","doc":"b","kind":"direct","text":"Trust is built one season at a time - slowly","speaker":{"entity":"tomas-reyne"}}
            not json

            """
        let (lines, error) = try rematch(input)
        #expect(error)
        #expect(lines[1] == #"{"type":"quote", "id":"a#1","doc":"a","kind":"direct","text":"Trust is built one season at a time \u2014 slowly","speaker":{"entity":"ilse-marandi","span":[1,2]},"cue":null,"claim":"k1"}"#)
        #expect(lines[3] == #"{"type":"quote","id":"b#1","doc":"b","kind":"direct","text":"Trust is built one season at a time - slowly","speaker":{"entity":"tomas-reyne"},"claim":"k1"}"#)
        #expect(lines[4].contains(#""type":"error""#))
        #expect(lines[5] == #"{"type":"match","a":"b#1","b":"a#1","relation":"same","score":1,"speakers":"different"}"#)
        #expect(lines[6].hasPrefix(#"{"type":"cluster","id":"k1""#) && lines[6].contains(#""conflict":true"#))
        #expect(lines.count == 7)
    }

    // A quotation repeated whole from a quote of several is `same` in `verbatim match` too.
    @Test func wholeQuotationFromRecords() throws {
        let input = """
            {"type":"quote","id":"a#1","doc":"a","kind":"direct","text":"We are not there yet. Until the ceasefire holds, neither government will announce a political settlement","spans":[[10,33],[35,119]],"speaker":null}
            {"type":"quote","id":"b#1","doc":"b","kind":"direct","text":"Until the ceasefire holds, neither government will announce a political settlement","spans":[[5,89]],"speaker":null}

            """
        let (lines, _) = try rematch(input)
        #expect(lines.contains(#"{"type":"match","a":"b#1","b":"a#1","relation":"same","score":1,"speakers":"unknown"}"#))
    }

    @Test(arguments: ["{\"a\":1", "[1,2]", "{\"a\":\"\\u00e9\\ud83d\\ude00\",\"b\":{\"c\":[1,{\"d\":\"}\"}]}} x", "{\"a\" 1}"])
    func scanRejectsMalformed(_ line: String) {
        var bytes = Array(line.utf8)
        let scan = bytes.withUnsafeMutableBufferPointer { JSONObjectScan(UnsafeBufferPointer($0))?.members.map(\.key) }
        #expect(scan == nil)
    }

    @Test func scanDecodesEscapes() throws {
        let line = #"{"a":"\u00e9\ud83d\ude00 \"q\"","b":{"c":[1,{"d":"}"}],"entity":"e"},"n":null}"#
        let bytes = Array(line.utf8)
        try bytes.withUnsafeBufferPointer { p in
            let scan = try #require(JSONObjectScan(p))
            #expect(scan.members.map(\.key) == ["a", "b", "n"])
            #expect(scan.string("a") == "é😀 \"q\"")
            #expect(scan.object("b")?.string("entity") == "e")
            #expect(scan.string("n") == nil)
        }
    }
}

@Suite("Claim words: stems")
struct StemTests {
    // The stem's hash is taken without making the stem: it must be the hash of the stem, for
    // every suffix rule and the words too short for one.
    @Test("stemHash is the hash of stem", arguments: [
        "parties", "ties", "separating", "sing", "states", "boss", "bus", "glass", "used", "red", "trump's",
        "separate", "hoped", "s", "is", "this", "policies", "running", "agreed", "xe", "élections",
    ])
    func stemHash(word: String) {
        let bytes = Array(word.utf8)
        #expect(ClaimVocabulary.stemHash(bytes) == ClaimVocabulary.hash(ClaimVocabulary.stem(bytes)))
    }
}
