import Foundation
import Testing
@testable import Verbatim

/// The example corpus (`examples/*.txt`) run end to end, compared with a golden file, plus
/// facts about the examples (from `examples/README.md`) that must hold whatever the golden
/// file says.
@Suite("Golden: the example corpus end to end")
struct GoldenTests {
    static let examples = Fixture.packageRoot + "/examples"
    static let golden = Fixture.packageRoot + "/Tests/VerbatimTests/Golden/examples.ndjson"

    /// A path as the CLI would write it when run from the package root (`verbatim examples`),
    /// so that the golden file does not depend on where the package is checked out.
    static func relative(_ path: String) -> String {
        path.hasPrefix(Fixture.packageRoot + "/") ? String(path.dropFirst(Fixture.packageRoot.count + 1)) : path
    }

    /// The run's JSON lines: the files in sorted order through one pipeline, then `finish()`,
    /// exactly as the CLI's runner does.
    static func run() -> [String] {
        let pipeline = Pipeline(rules: .defaults)
        var out: [String] = []
        for item in FileInput(paths: [examples], options: InputOptions()) {
            switch item {
            case .document(var d):
                d.path = d.path.map(relative)
                out += pipeline.process(d).map(\.json)
            case .failure(let f):
                out.append(Record.error(ErrorRecord(doc: f.doc, path: f.path.map(relative), message: f.message)).json)
            }
        }
        out += pipeline.finish().map(\.json)
        return out
    }

    /// The run's records, parsed (once; read-only afterwards).
    nonisolated(unsafe) static let records: [[String: Any]] = run().map {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? ["type": "unparsable", "line": $0]
    }

    /// The quote records of one document.
    static func quotes(_ doc: String) -> [[String: Any]] {
        records.filter { $0["type"] as? String == "quote" && $0["doc"] as? String == doc }
    }

    static func speakerName(_ quote: [String: Any]) -> String? {
        (quote["speaker"] as? [String: Any])?["name"] as? String
    }

    // The whole run, byte for byte, against Golden/examples.ndjson: any change in what
    // Verbatim writes for the examples shows up here. After checking that a change is an
    // improvement, regenerate with `VERBATIM_UPDATE_GOLDEN=1 swift test --filter GoldenTests`.
    @Test("the example corpus gives the golden NDJSON")
    func matchesGolden() throws {
        let actual = Self.run()
        if ProcessInfo.processInfo.environment["VERBATIM_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (Self.golden as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try (actual.joined(separator: "\n") + "\n").write(toFile: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let text = try #require(try? String(contentsOfFile: Self.golden, encoding: .utf8),
                                "no golden file at \(Self.golden): generate it with VERBATIM_UPDATE_GOLDEN=1")
        #expect(text.hasSuffix("\n"))
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if let i = (0..<min(expected.count, actual.count)).first(where: { expected[$0] != actual[$0] }) {
            Issue.record("""
                line \(i + 1) differs from the golden file:
                  golden: \(expected[i])
                  actual: \(actual[i])
                (regenerate with VERBATIM_UPDATE_GOLDEN=1 once the change is checked)
                """)
        }
        #expect(actual.count == expected.count, "line count differs from the golden file")
    }

    // The run covers the four examples in sorted order, with no error record, and every
    // document's `quotes` count matches the quote records that follow it.
    @Test("four documents in sorted order, counts consistent")
    func documents() {
        let docs = Self.records.filter { $0["type"] as? String == "document" }
        #expect(docs.map { $0["doc"] as? String } == ["001_harbor-ledger", "002_northern-courier", "003_wire-digest", "004_transcript"])
        #expect(docs.map { $0["path"] as? String } == [
            "examples/001_harbor-ledger.txt", "examples/002_northern-courier.txt",
            "examples/003_wire-digest.txt", "examples/004_transcript.txt",
        ])
        #expect(!Self.records.contains { $0["type"] as? String == "error" || $0["type"] as? String == "unparsable" })
        for d in docs {
            let doc = d["doc"] as? String ?? ""
            #expect(d["quotes"] as? Int == Self.quotes(doc).count, "\(doc)")
        }
    }

    // Who said what, as examples/README.md describes it: (document, start of the quote's
    // text, the resolved speaker, the number of pieces).
    @Test("speakers and pieces of the examples' quotes", arguments: [
        // Feature 1: `“…,” NAME said.` with a title and `of Velmar` after the name.
        ("001_harbor-ledger", "No village on either bank", "Tomas Reyne", 1),
        // Feature 1 inverted: `said Water Minister Ilse Marandi of Dranovia`.
        ("001_harbor-ledger", "We have reached an understanding", "Ilse Marandi", 1),
        // Feature 5: `“A,” she said, “B.”` (she: Marandi, the subject of the sentence before).
        ("001_harbor-ledger", "Nothing is signed", "Ilse Marandi", 2),
        // Feature 5: `“A,” he said. “B …”` after `Reyne struck a warmer tone.`
        ("001_harbor-ledger", "I came here expecting a week of arguments", "Tomas Reyne", 2),
        // Feature 2: colon introduction with a surname only.
        ("001_harbor-ledger", "The ministers did the hard part", "Anselm Kovi", 1),
        // Feature 8: nested quote, then `he said. “…”` (he: the envoy, Kovi).
        ("001_harbor-ledger", "The grandmother there told me ‘never again’", "Anselm Kovi", 2),
        // Feature 6: `told reporters:` and a quote running over two paragraphs.
        ("001_harbor-ledger", "Velmar’s engineers will open", "Tomas Reyne", 2),
        // British style.
        ("002_northern-courier", "The Grell dam will not be raised", "Tomas Reyne", 1),
        ("002_northern-courier", "We are close, but we are not there yet", "Ilse Marandi", 2),
        ("002_northern-courier", "Trust is built one season at a time", "Ilse Marandi", 1),
        ("002_northern-courier", "The quotas are the easy part", "Mara Velloso", 1),
        ("002_northern-courier", "Nobody in Tollen expected a breakthrough", "Mara Velloso", 2),
        ("002_northern-courier", "When I took this job", "Anselm Kovi", 1),
        ("002_northern-courier", "We have shown our neighbours", "Tomas Reyne", 2),
        // Straight quotes (003 gives `Trust is built …` to Reyne: wrong, but what it says).
        // `she` after two men and a woman: gender agreement; `he` after `The envoy, Dr. Anselm
        // Kovi, who chaired the sessions, was …`: the appositive subject.
        ("003_wire-digest", "No village on either bank", "Tomas Reyne", 1),
        ("003_wire-digest", "Trust is built one season at a time", "Tomas Reyne", 1),
        ("003_wire-digest", "Both sides kept saying 'the river comes first'", "Anselm Kovi", 2),
        ("003_wire-digest", "The formula looks good on paper", "Mara Velloso", 2),
        // `Marandi said …, which she called "…"`.
        ("003_wire-digest", "the next round would focus on the technical annex", "Ilse Marandi", 1),
    ])
    func speakers(doc: String, text: String, name: String, pieces: Int) throws {
        let quote = try #require(Self.quotes(doc).first { ($0["text"] as? String)?.hasPrefix(text) == true },
                                 "no quote starting `\(text)` in \(doc)")
        #expect(Self.speakerName(quote) == name)
        #expect((quote["spans"] as? [[Int]])?.count == pieces)
    }


    // The contract's `A, B.` rule on the example's interrupted quote.
    @Test("001's interrupted quote: two spans, text joined")
    func interruptedText() throws {
        let quote = try #require(Self.quotes("001_harbor-ledger").first { ($0["text"] as? String)?.hasPrefix("Nothing is signed") == true })
        #expect(quote["text"] as? String == "Nothing is signed, and nothing will be signed until our farmers have seen the numbers.")
    }

    // Feature 6: the paragraph left open and the quote-only paragraph after it are one quote.
    @Test("quotes running over two paragraphs hold both paragraphs", arguments: [
        ("001_harbor-ledger", "Velmar’s engineers will open", "If the numbers are wrong, the inspectors will see it"),
        ("002_northern-courier", "We have shown our neighbours", "What we need now is a text that outlives both of us"),
    ])
    func multiParagraph(doc: String, start: String, continuation: String) throws {
        let quote = try #require(Self.quotes(doc).first { ($0["text"] as? String)?.hasPrefix(start) == true })
        #expect((quote["text"] as? String)?.contains(continuation) == true)
        // No second quote record for the continuation paragraph.
        #expect(!Self.quotes(doc).contains { ($0["text"] as? String)?.hasPrefix(continuation) == true })
    }

    // Features 9: scare quotes, a report title and quoted words in headlines are not speech.
    @Test("scare quotes and titles are not quotes", arguments: [
        ("001_harbor-ledger", "moderate"),
        ("001_harbor-ledger", "understanding"),
        ("002_northern-courier", "Rivers Without Borders"),
        ("003_wire-digest", "progress"),
        ("003_wire-digest", "dry-month formula"),
    ])
    func notQuotes(doc: String, text: String) {
        let texts = Self.quotes(doc).compactMap { $0["text"] as? String }
        #expect(!texts.contains { $0.trimmingCharacters(in: .punctuationCharacters) == text }, "\(texts)")
    }

    // Cross-outlet (12a): the same speaker gets the same entity id in two documents.
    @Test("the same speaker has the same entity in 001 and 003")
    func entityAcrossDocuments() throws {
        func entity(_ doc: String) throws -> String? {
            let q = try #require(Self.quotes(doc).first { ($0["text"] as? String)?.hasPrefix("No village on either bank") == true })
            return (q["speaker"] as? [String: Any])?["entity"] as? String
        }
        #expect(try entity("001_harbor-ledger") == "tomas-reyne")
        #expect(try entity("003_wire-digest") == "tomas-reyne")
    }

    /// The claim id of the quote of `doc` whose text holds `words`.
    static func claim(_ doc: String, _ words: String) throws -> String {
        let q = try #require(quotes(doc).first { ($0["text"] as? String)?.contains(words) == true }, "no quote with \(words) in \(doc)")
        return try #require(q["claim"] as? String)
    }

    static func cluster(_ id: String) throws -> [String: Any] {
        try #require(records.first { $0["type"] as? String == "cluster" && $0["id"] as? String == id }, "no cluster \(id)")
    }

    // Cross-outlet (12a–e): the same words in three outlets and the transcript, a fragment, a
    // quote told as reported speech, and a misattribution, each one claim across documents.
    @Test("the example corpus's cross-outlet claims", arguments: [
        ([("001_harbor-ledger", "No village on either bank"), ("003_wire-digest", "No village on either bank"),
          ("004_transcript", "No village on either bank")], false),
        ([("001_harbor-ledger", "We have reached an understanding"), ("002_northern-courier", "reached an understanding on the water quotas"),
          ("004_transcript", "we have reached an understanding")], false),
        ([("002_northern-courier", "The Grell dam will not be raised"), ("003_wire-digest", "the Grell dam would not be raised")], false),
        ([("002_northern-courier", "Trust is built one season"), ("003_wire-digest", "Trust is built one season")], true),
    ])
    func crossOutletClaims(quotes: [(String, String)], conflict: Bool) throws {
        let claims = try quotes.map { try Self.claim($0.0, $0.1) }
        #expect(Set(claims).count == 1, "\(quotes.map(\.0)) in claims \(claims)")
        let c = try Self.cluster(claims[0])
        #expect(c["conflict"] as? Bool == conflict)
        #expect(Set(c["docs"] as? [String] ?? []).isSuperset(of: quotes.map(\.0)))
    }

    // 004 is a transcript: speaker labels (`MINISTER REYNE:`) and no quotation marks. It holds
    // the original words of the quotes the outlets repeat (12e), so they must come out as
    // that speaker's attributions.
    @Test("the transcript's labelled statements are attributed", arguments: [
        ("No village on either bank will go thirsty because of a line on a map", "reyne"),
        ("Trust is built one season at a time", "marandi"),
    ])
    func transcript(words: String, speaker: String) {
        let quote = Self.quotes("004_transcript").first { ($0["text"] as? String)?.contains(words) == true }
        #expect(quote != nil, "no quote holding `\(words)` in 004_transcript")
        if let quote {
            #expect(Self.speakerName(quote)?.lowercased().contains(speaker) == true)
        }
    }

    // Feature 14: one paragraph per line with no blank lines between them.
    @Test("003's line-per-paragraph block is six paragraphs")
    func linePerParagraph() throws {
        let text = try String(contentsOfFile: Self.examples + "/003_wire-digest.txt", encoding: .utf8)
        let d = Fixture.analyse(text)
        let paragraphs = d.paragraphs.map { d.string($0) }
        let first = try #require(paragraphs.firstIndex { $0.hasPrefix("\"The formula looks good on paper,\" Velloso said,") })
        #expect(paragraphs[first + 5] == "A signing ceremony, if one is agreed, is expected to take place in Morvane.")
    }
}
