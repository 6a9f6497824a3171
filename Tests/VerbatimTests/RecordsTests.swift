import Foundation
import Testing
@testable import Verbatim

/// The members of a JSON object at its top level, in the order written, each value as its
/// raw JSON text. (JSONSerialization loses the order, which the contract fixes.)
private func members(_ json: String) -> [(key: String, value: String)] {
    let s = Array(json.unicodeScalars)
    var out: [(key: String, value: String)] = []
    var depth = 0, i = 0
    var key: String?, valueStart = 0
    var lastString: String?
    func close(at end: Int) {
        if let k = key { out.append((k, String(String.UnicodeScalarView(s[valueStart..<end])).trimmingCharacters(in: .whitespaces))) }
        key = nil
    }
    while i < s.count {
        let c = s[i]
        if c == "\"" {
            var j = i + 1
            var text = String.UnicodeScalarView()
            while j < s.count && s[j] != "\"" {
                if s[j] == "\\" { text.append(s[j]); j += 1 }
                if j < s.count { text.append(s[j]) }
                j += 1
            }
            lastString = String(text)
            i = j + 1
            continue
        }
        switch c {
        case "{", "[": depth += 1
        case "}", "]":
            if depth == 1 { close(at: i) }
            depth -= 1
        case ":" where depth == 1 && key == nil:
            key = lastString
            valueStart = i + 1
        case "," where depth == 1: close(at: i)
        default: break
        }
        i += 1
    }
    return out
}

private func keys(_ json: String) -> [String] { members(json).map(\.key) }

private func value(_ json: String, _ key: String) -> String? { members(json).first { $0.key == key }?.value }

/// The records of one inline document, as JSON lines.
private func lines(_ text: String, id: String = "t", source: String? = nil, path: String? = nil) -> [String] {
    Pipeline(rules: .defaults).process(InputDocument(id: id, source: source, path: path, text: text)).map(\.json)
}

private func parse(_ line: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

@Suite("Records: the NDJSON contract")
struct RecordsTests {
    static let documentKeys = ["type", "doc", "source", "path", "chars", "paragraphs", "sentences", "quotes", "lang"]
    static let quoteKeys = ["type", "id", "doc", "source", "kind", "text", "spans", "sentences", "speaker", "cue", "claim"]
    static let speakerKeys = ["name", "mention", "span", "entity", "resolution", "confidence"]
    static let cueKeys = ["text", "span"]

    // The document record: every key, in the contract's order, null for an absent source and
    // path (never a missing key: schema inference reads the first records).
    @Test("document record: keys, order and nulls")
    func documentRecord() {
        let line = lines("“We are close,” Kerry said.")[0]
        #expect(keys(line) == Self.documentKeys)
        #expect(value(line, "type") == "\"document\"")
        #expect(value(line, "source") == "null")
        #expect(value(line, "path") == "null")
        #expect(value(line, "lang") == "\"en\"")
    }

    // Source and path, when known, are strings on the document and quote records.
    @Test("source and path are written when known")
    func sourceAndPath() {
        let l = lines("“We are close,” Kerry said.", id: "d1", source: "example.org", path: "corpus/d1.txt")
        #expect(value(l[0], "source") == "\"example.org\"")
        #expect(value(l[0], "path") == "\"corpus/d1.txt\"")
        #expect(value(l[1], "source") == "\"example.org\"")
        #expect(value(l[1], "doc") == "\"d1\"")
    }

    // The quote record: every key in order, and the speaker and cue objects' keys in order.
    @Test("quote record: keys and order, nested objects included")
    func quoteRecord() throws {
        let l = lines("“We are close,” Kerry said.")
        #expect(l.count == 2)
        let quote = try #require(l.last)
        #expect(keys(quote) == Self.quoteKeys)
        #expect(keys(try #require(value(quote, "speaker"))) == Self.speakerKeys)
        #expect(keys(try #require(value(quote, "cue"))) == Self.cueKeys)
        #expect(value(quote, "kind") == "\"direct\"")
        #expect(value(quote, "text") == "\"We are close,\"")
    }

    // A quote with no speaker and no cue keeps both keys, as null.
    @Test("absent speaker and cue are null, not missing")
    func nullSpeakerAndCue() throws {
        let l = lines("“We will never give up on this river, never.”")
        let quote = try #require(l.last)
        #expect(keys(quote) == Self.quoteKeys)
        #expect(value(quote, "speaker") == "null")
        #expect(value(quote, "cue") == "null")
        #expect(value(quote, "source") == "null")
        #expect(value(quote, "claim") != "null")
    }

    // The other record types, built directly: keys in order, null where absent.
    @Test("error, match and cluster records: keys, order and nulls")
    func otherRecords() {
        let error = Record.error(ErrorRecord(doc: nil, path: "corpus/bad.bin", message: "not UTF-8 text")).json
        #expect(keys(error) == ["type", "doc", "path", "message"])
        #expect(value(error, "doc") == "null")

        let match = Record.match(MatchRecord(a: "b#1", b: "a#2", relation: "same", score: 0.98, speakers: "unknown")).json
        #expect(keys(match) == ["type", "a", "b", "relation", "score", "speakers"])
        #expect(value(match, "score") == "0.98")

        let cluster = Record.cluster(ClusterRecord(id: "k1", text: "T", quotes: ["a#1", "b#1"], docs: ["a", "b"],
                                                   sources: [nil, "x.org"], speakers: ["john-kerry"], conflict: true,
                                                   variants: [.init(quote: "b#1", text: "T too")])).json
        #expect(keys(cluster) == ["type", "id", "text", "quotes", "docs", "sources", "speakers", "conflict", "variants"])
        #expect(value(cluster, "variants") == "[{\"quote\":\"b#1\",\"text\":\"T too\"}]")
        #expect(value(cluster, "sources") == "[null,\"x.org\"]")
        #expect(value(cluster, "conflict") == "true")
    }

    // JSON escaping per RFC 8259: the line is one line, parses, and gives back the string.
    @Test("JSON escaping round-trips", arguments: [
        "plain",
        "a \"quoted\" word",
        "back\\slash",
        "two\nlines",
        "cr\r and tab\t",
        "control \u{01} and \u{1F} and \u{7F}",
        "curly “quotes” and ‘single’, é, Сергей, 😀, \u{2028}",
        "",
    ])
    func escaping(text: String) throws {
        let line = Record.error(ErrorRecord(doc: text, path: nil, message: text)).json
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "raw control character in \(line.debugDescription)")
        let object = try parse(line)
        #expect(object["doc"] as? String == text)
        #expect(object["message"] as? String == text)
    }

    // The escapes themselves: short forms for " \ newline CR tab, \u00XX for other controls.
    @Test("JSON escapes are the standard ones")
    func escapeForms() {
        let line = Record.error(ErrorRecord(doc: "a\"b\\c", path: nil, message: "x\ny\r\tz\u{01}")).json
        #expect(line == #"{"type":"error","doc":"a\"b\\c","path":null,"message":"x\ny\r\tz\u0001"}"#)
    }

    // A quote's text with straight quotes and a backslash inside is escaped in the quote record.
    @Test("quote text with marks inside is escaped")
    func quoteTextEscaped() throws {
        let l = lines("“He said \"no\" twice \\ and left,” Kerry said.")
        let object = try parse(try #require(l.last))
        #expect(object["text"] as? String == "He said \"no\" twice \\ and left,")
    }

    // Offsets are code points (Python `str` indexing), not UTF-8 bytes, not UTF-16 units and
    // not grapheme clusters: before the quote stand a decomposed é (2 code points, 1
    // character), a skin-toned emoji (2 code points, 4 UTF-16 units), curly quotes (3 UTF-8
    // bytes each) and an emoji. The expected numbers are Python's `text.index(...)`.
    @Test("offsets are code points of the text as read")
    func codePointOffsets() throws {
        let text = "e\u{301}👍🏽 “ok” 😀\n\n“We are close,” Kerry said."
        let records = try lines(text).map(parse)
        #expect(records[0]["chars"] as? Int == 40)
        let quote = try #require(records.first { $0["text"] as? String == "We are close," })
        #expect(quote["spans"] as? [[Int]] == [[13, 28]])
        let speaker = try #require(quote["speaker"] as? [String: Any])
        #expect(speaker["span"] as? [Int] == [29, 34])
        let cue = try #require(quote["cue"] as? [String: Any])
        #expect(cue["span"] as? [Int] == [35, 39])
        // And slicing the text's code points at those offsets gives the words back.
        let scalars = Array(text.unicodeScalars)
        func slice(_ r: [Int]) -> String { String(String.UnicodeScalarView(scalars[r[0]..<r[1]])) }
        #expect(slice([13, 28]) == "“We are close,”")
        #expect(slice(speaker["span"] as? [Int] ?? [0, 0]) == speaker["mention"] as? String)
        #expect(slice(cue["span"] as? [Int] ?? [0, 0]) == cue["text"] as? String)
    }

    // Spans of a multi-piece quote are each in code points, and `sentences` names the first
    // and last sentence the content touches.
    @Test("pieces and sentence indexes")
    func piecesAndSentences() throws {
        let text = "Intro é.\n\n“We are close,” he said. “But not there yet.”"
        let records = try lines(text).map(parse)
        let quote = try #require(records.last)
        let spans = try #require(quote["spans"] as? [[Int]])
        let scalars = Array(text.unicodeScalars)
        #expect(spans.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
                == ["“We are close,”", "“But not there yet.”"])
        #expect(quote["sentences"] as? [Int] == [1, 2])
    }

    // The document record's counts agree with what the pipeline found and with the quote
    // records written after it; ids number the quotes of the document from 1.
    @Test("document counts match the records", arguments: [
        "",
        "“We are close,” Kerry said.",
        "One. Two.\n\n“A,” he said, “B.”\n\n“C is here,” said Smith.\nNo quote on this line.",
    ])
    func counts(text: String) throws {
        let document = Fixture.analyse(text)
        let records = try lines(text).map(parse)
        let head = try #require(records.first)
        #expect(head["type"] as? String == "document")
        let quotes = records.dropFirst().filter { $0["type"] as? String == "quote" }
        #expect(head["quotes"] as? Int == quotes.count)
        #expect(head["quotes"] as? Int == document.attributions.count)
        #expect(head["sentences"] as? Int == document.sentences.count)
        #expect(head["paragraphs"] as? Int == document.paragraphs.count)
        #expect(head["chars"] as? Int == text.unicodeScalars.count)
        #expect(quotes.map { $0["id"] as? String } == quotes.indices.map { "t#\($0 + 1)" })
        #expect(quotes.allSatisfy { ($0["claim"] as? String)?.isEmpty == false })
    }

    // Empty input is still a document: one record, all counts zero.
    @Test("an empty document gives one document record")
    func emptyDocument() {
        #expect(lines("", id: "empty") == [
            #"{"type":"document","doc":"empty","source":null,"path":null,"chars":0,"paragraphs":0,"sentences":0,"quotes":0,"lang":"en"}"#,
        ])
    }

    // `write(into:)` appends exactly one `\n`-terminated line per record.
    @Test("each record is one newline-terminated line")
    func oneLine() {
        var out: [UInt8] = Array("previous\n".utf8)
        Record.error(ErrorRecord(doc: "d", path: nil, message: "a\nb")).write(into: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("previous\n{"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 2)
    }
}
