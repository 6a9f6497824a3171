/// `verbatim match`: cross-source matching alone, over the NDJSON of earlier runs.
///
/// Extraction can run as a map step over shards of an archive, on many machines; this is the
/// reduce step. It reads records as `verbatim` writes them and writes the same stream as one
/// run over all the shards would have:
/// - `quote` records: every byte as read, but for `claim`, set by this matching;
/// - `document`, `error` and records of other types: as read;
/// - `match` records: new ones, written after each document's quote records (before the next
///   `document` record, or the first quote of another document);
/// - `cluster` records: new ones, at the end; old `match` and `cluster` records are dropped.
/// A line that is not a JSON object, or a quote record without `id`, `doc` or `text`, gives an
/// `error` record (`<name> line N: …`) and the reading goes on.
public final class RecordMatcher {
    private let matcher: ClaimMatcher
    private var pending: [MatchRecord] = []
    private var currentDoc: String?
    /// True once an error record has been written.
    public private(set) var sawError = false

    public init(rules: RuleSet) {
        matcher = ClaimMatcher(rules: rules)
    }

    /// What the matcher holds so far.
    public var stats: ClaimMatcher.Stats { matcher.stats }

    /// Reads the records on `fileDescriptor` to its end, handing each output line (with its
    /// `\n`) to `write`; stops early when `write` returns false (the reader has gone).
    /// Returns false when writing stopped.
    public func read(fileDescriptor: Int32, name: String, maxLineBytes: Int,
                     write: (ArraySlice<UInt8>) -> Bool) -> Bool {
        let reader = InputLineReader(fileDescriptor: fileDescriptor, limit: maxLineBytes, blockSize: InputIO.blockSize)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        while let event = reader.next() {
            switch event {
            case .line(let number, let bytes):
                line(bytes, where: "\(name) line \(number)", into: &out)
            case .tooLong(let number):
                error("\(name) line \(number): longer than --max-bytes", into: &out)
            case .readError(let number, let code):
                error("\(name) line \(number): cannot read: " + InputIO.errorText(code), into: &out)
            }
            if out.count >= 1 << 16 {
                guard write(out[...]) else { return false }
                out.removeAll(keepingCapacity: true)
            }
        }
        return out.isEmpty || write(out[...])
    }

    /// The match records still pending and the cluster records: the end of the output.
    public func finish() -> [Record] {
        var records = pending.map(Record.match)
        pending = []
        records += matcher.finish().map(Record.cluster)
        return records
    }

    /// The lengths of the spans of a `spans` value (`[[a,b],[c,d]]`): each `b - a`, read as
    /// the integers in order, two a span.
    static func spanLengths(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> [Int] {
        var numbers: [Int] = []
        var n = -1
        for c in value {
            if c >= 0x30 && c <= 0x39 {
                n = (n < 0 ? 0 : n) &* 10 &+ Int(c - 0x30)
            } else if n >= 0 {
                numbers.append(n)
                n = -1
            }
        }
        if n >= 0 { numbers.append(n) }
        guard numbers.count % 2 == 0 else { return [] }
        return stride(from: 0, to: numbers.count, by: 2).map { numbers[$0 + 1] - numbers[$0] }
    }

    private func line(_ bytes: UnsafeBufferPointer<UInt8>, where place: String, into out: inout [UInt8]) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard let record = JSONObjectScan(bytes) else {
            error("\(place): not a JSON object", into: &out)
            return
        }
        switch record.string("type") {
        case "quote":
            guard let id = record.string("id"), let doc = record.string("doc"), let text = record.string("text") else {
                error("\(place): a quote record needs `id`, `doc` and `text`", into: &out)
                return
            }
            if doc != currentDoc { flushMatches(into: &out) }
            currentDoc = doc
            let direct = record.string("kind") == "direct"
            let lengths = direct ? record.range("spans").map { Self.spanLengths(bytes[$0]) } ?? [] : []
            let quote = ClaimQuote(id: id, doc: doc, source: record.string("source"), direct: direct, text: text,
                                   speaker: record.object("speaker")?.string("entity"),
                                   pieceStarts: ClaimQuote.pieceStarts(text: text, spanLengths: lengths))
            let (claim, matches) = matcher.add(quote)
            pending += matches
            var value = JSONLine(out: [])
            value.string(claim)
            if let r = record.range("claim") {
                out.append(contentsOf: bytes[..<r.lowerBound])
                out.append(contentsOf: value.out)
                out.append(contentsOf: bytes[r.upperBound...])
            } else {
                // The object's last `}`: add the member before it.
                let close = bytes.lastIndex(of: 0x7D)!
                out.append(contentsOf: bytes[..<close])
                out.append(contentsOf: record.members.isEmpty ? Array("\"claim\":".utf8) : Array(",\"claim\":".utf8))
                out.append(contentsOf: value.out)
                out.append(contentsOf: bytes[close...])
            }
            out.append(0x0A)
        case "match", "cluster":
            return
        case "document":
            flushMatches(into: &out)
            currentDoc = record.string("doc")
            out.append(contentsOf: bytes)
            out.append(0x0A)
        default:
            out.append(contentsOf: bytes)
            out.append(0x0A)
        }
    }

    private func flushMatches(into out: inout [UInt8]) {
        for m in pending { Record.match(m).write(into: &out) }
        pending = []
    }

    private func error(_ message: String, into out: inout [UInt8]) {
        sawError = true
        Record.error(ErrorRecord(doc: nil, path: nil, message: message)).write(into: &out)
    }
}
