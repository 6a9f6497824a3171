internal import CICU

/// Segmentation: paragraphs, then sentences through ICU's sentence iterator.
///
/// Reads: the text. Adds: ``DocumentLayer/paragraphs`` and ``DocumentLayer/sentences``.
///
/// - Paragraphs are the lines of the text, except that a block of hard-wrapped lines (three
///   or more lines of similar width that mostly do not end a sentence) is one paragraph.
///   Ranges exclude surrounding white space; empty lines are not paragraphs.
/// - Sentences come from ICU (`en_US`), fed in chunks of about `chunkSize` bytes
///   cut at line breaks so memory stays flat; ICU always breaks at a line break, so the cut
///   changes nothing. A merge pass then joins sentences that ICU split after an abbreviation
///   from `rules/abbreviations.tsv` (`Gen. Smith`, `U.S. Secretary`) or an initial
///   (`John F. Kennedy`). Sentences never cross a paragraph boundary.
///
/// Complexity: O(n) time; memory O(chunkSize) besides the output.
public struct Segmenter: DocumentStage {
    public let name = "segmenter"
    public let requires: Set<DocumentLayer> = []
    public let provides: DocumentLayer = .sentences

    private let rules: RuleSet
    private let chunkSize: Int
    private let iterator: SentenceIterator

    public init(rules: RuleSet, chunkSize: Int = 1 << 20) {
        self.rules = rules
        self.chunkSize = max(1, chunkSize)
        self.iterator = SentenceIterator()
    }

    public mutating func process(_ document: inout Document) {
        let bytes = document.bytes
        let (paragraphs, wrapped) = Self.paragraphs(bytes)
        document.paragraphs = paragraphs
        document.mark(.paragraphs)
        var raw: [ByteRange] = []
        raw.reserveCapacity(paragraphs.count * 2)
        // Wrapped paragraphs hold line breaks that ICU must not break at.
        let joinedBreaks = Self.innerLineBreaks(bytes, wrapped)
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + chunkSize)
            if end < bytes.count {
                // Cut after a line break (one that ends a paragraph) at or before the limit.
                var cut = end
                while cut > start && !(bytes[cut - 1] == 0x0A && !joinedBreaks.contains(cut - 1)) { cut -= 1 }
                if cut == start {
                    cut = end
                    while cut < bytes.count && !(bytes[cut - 1] == 0x0A && !joinedBreaks.contains(cut - 1)) { cut += 1 }
                }
                end = cut
            }
            iterator.boundaries(bytes, start, end, joinedBreaks: joinedBreaks, into: &raw)
            start = end
        }
        document.sentences = merge(clip(raw, to: paragraphs, bytes), bytes)
        document.mark(.sentences)
    }

    // MARK: paragraphs

    /// The non-empty lines (or wrapped blocks) of the text, trimmed of white space, and the
    /// wrapped blocks among them.
    /// The offset of the first line feed at or after `i`, or the end of the text: eight bytes
    /// at a time while none is one (the usual bit test for a zero byte).
    static func lineEnd(_ b: [UInt8], from i: Int) -> Int {
        b.withUnsafeBytes { p in
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            var j = i
            while j + 8 <= p.count {
                let v = p.loadUnaligned(fromByteOffset: j, as: UInt64.self) ^ (ones &* 0x0A)
                if (v &- ones) & ~v & high != 0 { break }
                j += 8
            }
            while j < p.count && p[j] != 0x0A { j += 1 }
            return j
        }
    }

    static func paragraphs(_ b: [UInt8]) -> (all: [ByteRange], wrapped: [ByteRange]) {
        var lines: [ByteRange] = []
        var i = 0
        let n = b.count
        while i < n {
            let j = lineEnd(b, from: i)
            lines.append(ByteRange(i, j))
            i = j + 1
        }
        if n > 0 && b[n - 1] == 0x0A { lines.append(ByteRange(n, n)) }
        var out: [ByteRange] = []
        var wrapped: [ByteRange] = []
        var block: [ByteRange] = []
        func flush() {
            if block.isEmpty { return }
            if isWrapped(block, b) {
                out.append(ByteRange(block[0].start, block[block.count - 1].end))
                wrapped.append(out[out.count - 1])
            } else {
                out.append(contentsOf: block)
            }
            block.removeAll(keepingCapacity: true)
        }
        for line in lines {
            let t = trim(line, b)
            if t.isEmpty { flush() } else { block.append(t) }
        }
        flush()
        return (out, wrapped)
    }

    /// A block of three or more lines of similar width, most not ending a sentence.
    static func isWrapped(_ block: [ByteRange], _ b: [UInt8]) -> Bool {
        guard block.count >= 3 else { return false }
        let body = block.dropLast()
        let widths = body.map(\.count)
        guard let lo = widths.min(), let hi = widths.max(), lo >= 40, hi <= 110, hi - lo <= 30 else { return false }
        let open = body.filter { r in
            let last = b[r.end - 1]
            return !(last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A)
        }.count
        return open * 2 > body.count
    }

    /// Offsets of the line breaks inside wrapped paragraphs.
    static func innerLineBreaks(_ b: [UInt8], _ wrapped: [ByteRange]) -> Set<Int> {
        var out = Set<Int>()
        for p in wrapped {
            var i = p.start
            while i < p.end { if b[i] == 0x0A { out.insert(i) }; i += 1 }
        }
        return out
    }

    static func trim(_ r: ByteRange, _ b: [UInt8]) -> ByteRange {
        var s = r.start, e = r.end
        while s < e {
            let (c, len) = UTF8Text.scalar(at: s, in: b)
            if UTF8Text.isSpace(c) { s += len } else { break }
        }
        while e > s {
            let p = UTF8Text.previousStart(before: e, in: b)
            if UTF8Text.isSpace(UTF8Text.scalar(at: p, in: b).0) { e = p } else { break }
        }
        return ByteRange(s, e)
    }

    // MARK: sentences

    /// ICU's segments cut to paragraphs and trimmed; segments of white space dropped.
    private func clip(_ raw: [ByteRange], to paragraphs: [ByteRange], _ b: [UInt8]) -> [ByteRange] {
        var out: [ByteRange] = []
        out.reserveCapacity(raw.count)
        var p = 0
        for r in raw {
            var s = r.start
            while s < r.end {
                while p < paragraphs.count && paragraphs[p].end <= s { p += 1 }
                guard p < paragraphs.count, paragraphs[p].start < r.end else { break }
                let piece = ByteRange(max(s, paragraphs[p].start), min(r.end, paragraphs[p].end))
                let t = Self.trim(piece, b)
                if !t.isEmpty { out.append(t) }
                s = piece.end
                if piece.end == paragraphs[p].end { p += 1 }
            }
        }
        return out
    }

    /// Joins a sentence to the next when ICU broke after an abbreviation or an initial.
    private func merge(_ sentences: [ByteRange], _ b: [UInt8]) -> [ByteRange] {
        guard var current = sentences.first else { return [] }
        var out: [ByteRange] = []
        out.reserveCapacity(sentences.count)
        for next in sentences.dropFirst() {
            if shouldJoin(current, next, b) {
                current = ByteRange(current.start, next.end)
            } else {
                out.append(current)
                current = next
            }
        }
        out.append(current)
        return out
    }

    private func shouldJoin(_ a: ByteRange, _ next: ByteRange, _ b: [UInt8]) -> Bool {
        guard a.end > a.start, b[a.end - 1] == 0x2E else { return false }
        // Same paragraph only: nothing but spaces between them.
        var i = a.end
        while i < next.start {
            if b[i] == 0x0A { return false }
            i += 1
        }
        // The last word of `a`, with its period.
        var s = a.end - 1
        while s > a.start {
            let p = UTF8Text.previousStart(before: s, in: b)
            let c = UTF8Text.scalar(at: p, in: b).0
            if UTF8Text.isSpace(c) || c == "(" || c == "\u{201C}" || c == "\"" { break }
            s = p
        }
        let word = String(decoding: b[s..<a.end], as: UTF8.self)
        // An initial: one capital letter and a period (John F. Kennedy).
        if word.unicodeScalars.count == 2, let f = word.unicodeScalars.first, UTF8Text.isUpper(f) { return true }
        guard rules.abbreviations.contains(word) else { return false }
        // Titles always stand before a name; other abbreviations (U.S., Inc.) can end a
        // sentence, so join only when the next word does not start a sentence itself.
        if rules.titles.contains(word) { return true }
        let (first, _) = UTF8Text.scalar(at: next.start, in: b)
        if UTF8Text.isLower(first) || UTF8Text.isDigit(first) { return true }
        var e = next.start
        while e < next.end, UTF8Text.isAlnum(UTF8Text.scalar(at: e, in: b).0) { e += UTF8Text.scalar(at: e, in: b).1 }
        let nextWord = String(decoding: b[next.start..<e], as: UTF8.self).lowercased()
        return rules.functionWords[nextWord] == nil && rules.pronouns[nextWord] == nil
    }
}

/// Owns one ICU sentence break iterator and the UTF-16 buffer it reads.
final class SentenceIterator {
    private let handle: UnsafeMutableRawPointer?
    private var utf16: [UInt16] = []

    init() {
        var status: Int32 = 0
        // Plain `en_US`: ICU's own abbreviation filter (`@ss=standard`) costs a case-folded
        // comparison at every boundary and knows fewer abbreviations than rules/ does.
        let h = verbatim_sentence_iterator_open("en_US", &status)
        handle = verbatim_icu_failed(status) != 0 ? nil : h
    }

    deinit { if let handle { verbatim_break_close(handle) } }

    /// Appends the sentence segments of bytes[start..<end] (byte ranges) to `out`.
    func boundaries(_ b: [UInt8], _ start: Int, _ end: Int, joinedBreaks: Set<Int>, into out: inout [ByteRange]) {
        guard end > start else { return }
        guard let handle else {
            out.append(ByteRange(start, end))
            return
        }
        let length = end - start
        if utf16.count < length + 1 { utf16 = [UInt16](repeating: 0, count: length + 1) }
        var status: Int32 = 0
        let units: Int32 = b.withUnsafeBufferPointer { src in
            utf16.withUnsafeMutableBufferPointer { dst in
                src.baseAddress!.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: length) { s in
                    verbatim_utf8_to_utf16(dst.baseAddress, Int32(dst.count), s, Int32(length), &status)
                }
            }
        }
        guard verbatim_icu_failed(status) == 0 else {
            out.append(ByteRange(start, end))
            return
        }
        if !joinedBreaks.isEmpty {
            // A line break inside a wrapped paragraph reads as a space (same length).
            var u = 0, i = start
            while i < end {
                let lead = b[i]
                if lead == 0x0A && joinedBreaks.contains(i) { utf16[u] = 0x20 }
                let len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                u += len == 4 ? 2 : 1
                i += len
            }
        }
        utf16.withUnsafeBufferPointer { p in
            verbatim_break_set_text(handle, p.baseAddress, units, &status)
            guard verbatim_icu_failed(status) == 0 else {
                out.append(ByteRange(start, end))
                return
            }
            // Walk UTF-16 and UTF-8 together to turn boundaries into byte offsets.
            var u = 0, byte = start
            var previous = start
            _ = verbatim_break_first(handle)
            while true {
                let next = verbatim_break_next(handle)
                if next < 0 { break }
                b.withUnsafeBytes { raw in
                    // Eight ASCII bytes at a time (a UTF-16 unit each) while the boundary is beyond them.
                    while Int(next) - u >= 8 && end - byte >= 8
                        && raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        u += 8
                        byte += 8
                    }
                }
                while u < Int(next) && byte < end {
                    let lead = b[byte]
                    let len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    u += len == 4 ? 2 : 1
                    byte += len
                }
                if byte > previous { out.append(ByteRange(previous, byte)) }
                previous = byte
            }
            if previous < end { out.append(ByteRange(previous, end)) }
        }
    }
}
