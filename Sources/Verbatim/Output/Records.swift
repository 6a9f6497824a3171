/// The NDJSON wire format of Verbatim (output contract version 1, `spec/OUTPUT.md`).
///
/// One JSON object a line, UTF-8, `\n`-terminated. Every record has `"type"`; every record of
/// a type carries all of that type's keys, with `null` for an absent value, in the order shown:
///
/// ```
/// {"type":"document","doc":…,"source":…,"path":…,"chars":…,"paragraphs":…,"sentences":…,"quotes":…,"lang":…}
/// {"type":"quote","id":…,"doc":…,"source":…,"kind":…,"text":…,"spans":[[s,e],…],"sentences":[first,last],
///  "speaker":{"name":…,"mention":…,"span":[s,e],"entity":…,"resolution":…,"confidence":…}|null,
///  "cue":{"text":…,"span":[s,e]}|null,"claim":…}
/// {"type":"error","doc":…,"path":…,"message":…}
/// {"type":"match","a":…,"b":…,"relation":…,"score":…,"speakers":…}
/// {"type":"cluster","id":…,"text":…,"quotes":[…],"docs":[…],"sources":[…],"speakers":[…],"conflict":…,
///  "variants":[{"quote":…,"text":…},…]}
/// ```
/// Spans are `[start, end)` in Unicode scalars of the document text as read. For one document
/// the `document` record comes first, then its `quote` records, then its `match` records;
/// `cluster` records come at the end of the run.
public enum Record: Sendable, Equatable {
    case document(DocumentRecord)
    case quote(QuoteRecord)
    case error(ErrorRecord)
    case match(MatchRecord)
    case cluster(ClusterRecord)

    /// Appends the record as one JSON line.
    public func write(into out: inout [UInt8]) {
        var j = JSONLine(out: out)
        out = []
        switch self {
        case .document(let r): r.write(&j)
        case .quote(let r): r.write(&j)
        case .error(let r): r.write(&j)
        case .match(let r): r.write(&j)
        case .cluster(let r): r.write(&j)
        }
        j.out.append(0x0A)
        out = j.out
    }

    /// The record as one JSON line without the newline (for tests and logs).
    public var json: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
}

/// The first record of a document.
public struct DocumentRecord: Sendable, Equatable {
    public var doc: String
    public var source: String?
    public var path: String?
    public var chars: Int
    public var paragraphs: Int
    public var sentences: Int
    public var quotes: Int
    public var lang: String?

    func write(_ j: inout JSONLine) {
        j.begin("document")
        j.key("doc"); j.string(doc)
        j.key("source"); j.string(source)
        j.key("path"); j.string(path)
        j.key("chars"); j.int(chars)
        j.key("paragraphs"); j.int(paragraphs)
        j.key("sentences"); j.int(sentences)
        j.key("quotes"); j.int(quotes)
        j.key("lang"); j.string(lang)
        j.end()
    }
}

/// A `[start, end)` span in code points.
public struct Span: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
}

/// One attribution.
public struct QuoteRecord: Sendable, Equatable {
    public struct SpeakerField: Sendable, Equatable {
        public var name: String
        public var mention: String
        public var span: Span
        public var entity: String
        public var resolution: String
        public var confidence: Double
    }

    public struct CueField: Sendable, Equatable {
        public var text: String
        public var span: Span
    }

    public var id: String
    public var doc: String
    public var source: String?
    public var kind: String
    public var text: String
    public var spans: [Span]
    public var sentences: (Int, Int)
    public var speaker: SpeakerField?
    public var cue: CueField?
    public var claim: String

    public static func == (a: QuoteRecord, b: QuoteRecord) -> Bool {
        a.id == b.id && a.doc == b.doc && a.source == b.source && a.kind == b.kind && a.text == b.text
            && a.spans == b.spans && a.sentences == b.sentences && a.speaker == b.speaker && a.cue == b.cue
            && a.claim == b.claim
    }

    func write(_ j: inout JSONLine) {
        j.begin("quote")
        j.key("id"); j.string(id)
        j.key("doc"); j.string(doc)
        j.key("source"); j.string(source)
        j.key("kind"); j.string(kind)
        j.key("text"); j.string(text)
        j.key("spans"); j.raw("[")
        for (i, s) in spans.enumerated() {
            if i > 0 { j.raw(",") }
            j.span(s)
        }
        j.raw("]")
        j.key("sentences"); j.raw("["); j.int(sentences.0); j.raw(","); j.int(sentences.1); j.raw("]")
        j.key("speaker")
        if let s = speaker {
            j.raw("{")
            j.first = true
            j.key("name"); j.string(s.name)
            j.key("mention"); j.string(s.mention)
            j.key("span"); j.span(s.span)
            j.key("entity"); j.string(s.entity)
            j.key("resolution"); j.string(s.resolution)
            j.key("confidence"); j.double(s.confidence)
            j.raw("}")
            j.first = false
        } else {
            j.raw("null")
        }
        j.key("cue")
        if let c = cue {
            j.raw("{")
            j.first = true
            j.key("text"); j.string(c.text)
            j.key("span"); j.span(c.span)
            j.raw("}")
            j.first = false
        } else {
            j.raw("null")
        }
        j.key("claim"); j.string(claim)
        j.end()
    }
}

/// A document or input line that could not be processed in full.
public struct ErrorRecord: Sendable, Equatable {
    public var doc: String?
    public var path: String?
    public var message: String

    public init(doc: String?, path: String?, message: String) {
        self.doc = doc
        self.path = path
        self.message = message
    }

    func write(_ j: inout JSONLine) {
        j.begin("error")
        j.key("doc"); j.string(doc)
        j.key("path"); j.string(path)
        j.key("message"); j.string(message)
        j.end()
    }
}

/// A new quote found to repeat an earlier one of another document.
public struct MatchRecord: Sendable, Equatable {
    public var a: String
    public var b: String
    public var relation: String
    public var score: Double
    public var speakers: String

    func write(_ j: inout JSONLine) {
        j.begin("match")
        j.key("a"); j.string(a)
        j.key("b"); j.string(b)
        j.key("relation"); j.string(relation)
        j.key("score"); j.double(score)
        j.key("speakers"); j.string(speakers)
        j.end()
    }
}

/// A claim seen in two or more documents, written at the end of the run.
public struct ClusterRecord: Sendable, Equatable {
    /// A direct quote that repeats the cluster's claim with words changed (a misquote).
    public struct Variant: Sendable, Equatable {
        public var quote: String
        public var text: String
    }

    public var id: String
    public var text: String
    public var quotes: [String]
    public var docs: [String]
    public var sources: [String?]
    public var speakers: [String]
    public var conflict: Bool
    /// The wordings that differ (empty when none does): an addition to contract version 1.
    public var variants: [Variant]

    func write(_ j: inout JSONLine) {
        j.begin("cluster")
        j.key("id"); j.string(id)
        j.key("text"); j.string(text)
        j.key("quotes"); j.strings(quotes)
        j.key("docs"); j.strings(docs)
        j.key("sources"); j.strings(sources)
        j.key("speakers"); j.strings(speakers)
        j.key("conflict"); j.raw(conflict ? "true" : "false")
        j.key("variants"); j.raw("[")
        for (i, v) in variants.enumerated() {
            j.raw(i > 0 ? ",{" : "{")
            j.first = true
            j.key("quote"); j.string(v.quote)
            j.key("text"); j.string(v.text)
            j.raw("}")
        }
        j.raw("]")
        j.first = false
        j.end()
    }
}

/// A minimal JSON object writer: keys in the order written, strings escaped per RFC 8259.
struct JSONLine {
    var out: [UInt8]
    var first = true

    mutating func begin(_ type: StaticString) {
        raw("{\"type\":")
        key(type, colon: false)
        first = false
    }

    mutating func end() { raw("}") }

    /// A key (a literal): its bytes as they are when none needs an escape, as with ``string(_:)``.
    mutating func key(_ k: StaticString) {
        if !first { out.append(0x2C) }
        first = false
        key(k, colon: true)
    }

    private mutating func key(_ k: StaticString, colon: Bool) {
        k.withUTF8Buffer { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
                out.append(0x22)
                out.append(contentsOf: bytes)
                out.append(0x22)
            } else {
                string(String(decoding: bytes, as: UTF8.self))
            }
        }
        if colon { out.append(0x3A) }
    }

    /// Text written as it is, with no escape (a number's digits).
    mutating func raw(string s: String) { out.append(contentsOf: s.utf8) }

    /// A literal written as it is, copied from its bytes (`[`, `null`): every literal passed
    /// to `raw` is one, never made a string.
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { b in
            // One byte (`[`, `,`) appended alone: no copy of a buffer for it.
            if b.count == 1 { out.append(b[0]) } else { out.append(contentsOf: b) }
        }
    }

    /// Writes the decimal digits without making a string.
    mutating func int(_ v: Int) {
        if v < 0 { out.append(0x2D) }
        var m = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(0x30 + m % 10)
                m /= 10
                n += 1
            } while m > 0
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(d[k]) }
        }
    }

    mutating func double(_ v: Double) {
        guard v.isFinite else { raw("null"); return }
        let r = (v * 1000).rounded() / 1000
        raw(string: r == r.rounded() ? String(Int(r)) : String(r))
    }

    mutating func span(_ s: Span) {
        out.append(0x5B); int(s.start); out.append(0x2C); int(s.end); out.append(0x5D)
    }

    mutating func strings(_ v: [String?]) {
        out.append(0x5B)
        for (i, s) in v.enumerated() {
            if i > 0 { out.append(0x2C) }
            string(s)
        }
        out.append(0x5D)
    }

    mutating func strings(_ v: [String]) { strings(v.map { Optional($0) }) }

    mutating func string(_ s: String?) {
        guard var s else { raw("null"); return }
        out.append(0x22)
        s.withUTF8 { u in
            // Copy runs that need no escape in one go; eight bytes at a time while none does.
            var run = 0, i = 0
            let n = u.count
            while i < n {
                if i + 8 <= n, !Self.mayNeedEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = u[i]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                    run = i + 1
                    escape(byte)
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        out.append(0x22)
    }

    /// Whether one of eight bytes may need an escape: a control byte (< 0x20), `"` or `\\`.
    /// Exact when false (the usual bit tests for a byte below a bound and for a zero byte).
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & high != 0 }
        let control = (w &- ones &* 0x20) & ~w & high != 0
        return control || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    private mutating func escape(_ byte: UInt8) {
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
    }
}
