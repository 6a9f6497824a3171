/// The tokens of every paragraph of a document, tokenized once, for the stages that read the
/// tokens of many ranges inside paragraphs (sentences, the words around each quotation).
///
/// ``tokens(_:)`` answers exactly as `tokenizer.tokens(bytes, range)` does. A token depends
/// only on the bytes from its start and on how far the range lets it reach, so the tokens of
/// a range inside a paragraph are the paragraph's tokens between its bounds, unless a bound
/// cuts one of them (or falls inside a character): those ranges, and ranges that leave their
/// paragraph, are tokenized afresh.
/// Complexity: O(n) to build; O(log n + k) for a range of k tokens. Memory: some 5 times the
/// text, so a text of more than ``maxBytes`` is not held this way (the init fails) and its
/// ranges are tokenized as asked: memory stays flat however long a document is.
struct ParagraphTokens {
    /// The longest text whose tokens are held.
    static let maxBytes = 1 << 20

    private let tokenizer: Tokenizer
    private let bytes: [UInt8]
    private let paragraphs: [ByteRange]
    /// The tokens of all the paragraphs, in text order.
    private let all: [Token]
    /// Per paragraph, the index in `all` of its first token; one more entry for the end.
    private let first: [Int]

    /// Nil for a text of more than ``maxBytes``.
    init?(bytes: [UInt8], paragraphs: [ByteRange], tokenizer: Tokenizer) {
        guard bytes.count <= Self.maxBytes else { return nil }
        self.tokenizer = tokenizer
        self.bytes = bytes
        self.paragraphs = paragraphs
        var all: [Token] = []
        all.reserveCapacity(bytes.count / 5 + 4)
        var first: [Int] = []
        first.reserveCapacity(paragraphs.count + 1)
        for p in paragraphs {
            first.append(all.count)
            tokenizer.append(bytes, p, to: &all)
        }
        first.append(all.count)
        self.all = all
        self.first = first
    }

    /// `tokenizer.tokens(bytes, range)`.
    func tokens(_ range: ByteRange) -> [Token] {
        guard !range.isEmpty else { return [] }
        // The paragraph holding the start: the last one starting at or before it.
        var lo = 0, hi = paragraphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].start <= range.start { lo = mid + 1 } else { hi = mid }
        }
        let p = lo - 1
        guard p >= 0, range.end <= paragraphs[p].end, bytes[range.start] & 0xC0 != 0x80 else {
            return tokenizer.tokens(bytes, range)
        }
        // The first token ending after the start, then the first starting at or after the end.
        var k = first[p], e = first[p + 1]
        while k < e {
            let mid = (k + e) / 2
            if all[mid].end <= range.start { k = mid + 1 } else { e = mid }
        }
        var m = k
        e = first[p + 1]
        while m < e {
            let mid = (m + e) / 2
            if all[mid].start < range.end { m = mid + 1 } else { e = mid }
        }
        let cut = (k < first[p + 1] && all[k].start < range.start) || (m > k && all[m - 1].end > range.end)
        return cut ? tokenizer.tokens(bytes, range) : Array(all[k..<m])
    }
}
