/// Quote detection: finds the outermost quotations of each paragraph.
///
/// Reads: ``DocumentLayer/paragraphs``. Adds: ``DocumentLayer/quotations``.
///
/// Marks and the pairs they form come from `rules/quote-marks.tsv`. Each mark is read in
/// context: an opening mark has no letter before it and text after it; a closing mark has text
/// before it and no letter after it. A `’` or `'` between letters is an apostrophe (`don’t`),
/// as is one that starts an elision (`’90s`, `'em`); a closing single mark after a letter
/// (`Jones’`) closes only an open single quotation. Marks are matched with a stack, so a
/// nested quotation stays inside its outer one and only outermost quotations are kept.
/// At the end of a paragraph an open quotation either continues (the next paragraph starts
/// with an opening mark of the same kind: one quotation, one piece per paragraph), or, when
/// double, closes there (an unclosed quote never swallows the rest of the document); an open
/// single mark that does not continue was an apostrophe after all and is dropped.
///
/// Whether a quotation is speech (and not a scare quote or a title) is decided later, by
/// attribution. Complexity: O(n) time; the stack is at most ``maxDepth`` deep.
public struct QuoteDetector: DocumentStage {
    public let name = "quotes"
    public let requires: Set<DocumentLayer> = [.paragraphs]
    public let provides: DocumentLayer = .quotations

    /// Deeper nesting than this is not tracked (the innermost marks are ignored).
    public static let maxDepth = 8

    private let table: MarkTable
    private let elisions: Set<String>

    public init(rules: RuleSet) {
        table = MarkTable(rules.quoteMarks)
        elisions = rules.elisions
    }

    public mutating func process(_ document: inout Document) {
        let b = document.bytes
        var out: [Quotation] = []
        var pending: Quotation?  // left open at the end of the previous paragraph, continuing
        for (index, paragraph) in document.paragraphs.enumerated() {
            var found = scan(b, paragraph, index)
            if var open = pending {
                pending = nil
                if let first = found.quotations.first, first.start == paragraph.start,
                   first.single == open.single {
                    open.pieces += first.pieces
                    open.inner += first.inner
                    open.paragraphs += first.paragraphs
                    open.closed = first.closed
                    found.quotations[0] = open
                    if found.continues && found.quotations.count == 1 {
                        pending = found.quotations.removeLast()
                    }
                } else {
                    // Did not continue after all: it closes where its paragraph ended.
                    if !open.single { out.append(open) }
                }
            }
            if pending == nil && found.continues, let last = found.quotations.popLast() {
                pending = last
            }
            out.append(contentsOf: found.quotations)
        }
        if let open = pending, !open.single { out.append(open) }
        document.quotations = out
        document.mark(.quotations)
    }

    private struct Open {
        var mark: Int        // index into the mark table
        var start: Int       // byte offset of the opening mark
        var contentStart: Int
    }

    private struct Scan {
        var quotations: [Quotation]
        /// The last quotation is open at the paragraph's end and the next paragraph may continue it.
        var continues: Bool
    }

    /// The outermost quotations of one paragraph.
    private func scan(_ b: [UInt8], _ p: ByteRange, _ index: Int) -> Scan {
        var stack: [Open] = []
        var pairs: [(ByteRange, ByteRange, Bool)] = []  // piece, inner, single
        var i = p.start
        while i < p.end {
            // Eight bytes at a time while none can start a mark.
            if i + 8 <= p.end, table.noLead(b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) {
                i += 8
                continue
            }
            let byte = b[i]
            guard table.leadBytes[Int(byte)] else { i += 1; continue }
            guard let (markIndex, markEnd) = table.match(b, i, p.end) else {
                i += byte < 0x80 ? 1 : UTF8Text.scalar(at: i, in: b).1
                continue
            }
            let mark = table.marks[markIndex]
            let prev = UTF8Text.scalar(before: i, in: b, floor: p.start)
            let next: Unicode.Scalar? = markEnd < p.end ? UTF8Text.scalar(at: markEnd, in: b).0 : nil
            let prevAlnum = prev.map(UTF8Text.isAlnum) ?? false
            let nextAlnum = next.map(UTF8Text.isAlnum) ?? false
            let prevBlank = prev == nil || UTF8Text.isSpace(prev!) || Self.openingPunct(prev!) || table.isMarkScalar(prev!)
            let nextBlank = next == nil || UTF8Text.isSpace(next!) || Self.closingPunct(next!) || table.isMarkScalar(next!)
            let canOpen = prevBlank && !(next == nil || UTF8Text.isSpace(next!))
            var canClose = nextBlank && !(prev == nil || UTF8Text.isSpace(prev!))

            if mark.apostropheLike {
                // don’t, Russia’s: an apostrophe inside a word.
                if prevAlnum && nextAlnum { i = markEnd; continue }
                // ’90s, 'em: an elision at the start of a word.
                if !prevAlnum && isElision(b, markEnd, p.end) { i = markEnd; continue }
                // Jones’, goin’: closes only an open single quotation.
                if prevAlnum && !stack.contains(where: { table.marks[$0.mark].single }) {
                    i = markEnd; continue
                }
                // `‘The ministers’ work isn’t over.’`: a possessive before a lower-case word is
                // an apostrophe when a closing mark of its kind follows soon in the paragraph.
                if prevAlnum && (b[i - 1] == 0x73 || b[i - 1] == 0x53) && followedByLowerWord(b, markEnd, p.end)
                    && laterCloser(b, markIndex, after: markEnd, limit: min(p.end, markEnd + 300)) {
                    i = markEnd; continue
                }
            }
            var canOpenNow = canOpen
            if !canOpen && !canClose {
                if mark.symmetric {
                    // word"word: toggle.
                    canClose = stack.contains { table.closes(markIndex, $0.mark) }
                } else if !mark.apostropheLike {
                    // A directional mark between spaces: it closes what it can close, and
                    // opens otherwise.
                    canClose = stack.contains { table.closes(markIndex, $0.mark) }
                    canOpenNow = !canClose && next != nil
                }
            } else if !mark.symmetric && !mark.apostropheLike && nextBlank && !canClose
                        && prev.map(UTF8Text.isSpace) == true && stack.contains(where: { table.closes(markIndex, $0.mark) }) {
                // French spacing, `« Nous sommes proches »,`: a space before the closing mark.
                canClose = true
                canOpenNow = false
            }
            var handled = false
            if canClose {
                if let k = stack.lastIndex(where: { table.closes(markIndex, $0.mark) }) {
                    let o = stack[k]
                    stack.removeSubrange(k...)
                    if i > o.contentStart {  // `““` and `“”` enclose nothing
                        pairs.append((ByteRange(o.start, markEnd), ByteRange(o.contentStart, i), table.marks[o.mark].single))
                    }
                    handled = true
                }
            }
            if !handled && canOpenNow && mark.opens && stack.count < Self.maxDepth {
                stack.append(Open(mark: markIndex, start: i, contentStart: markEnd))
            }
            i = markEnd
        }
        var continues = false
        if let bottom = stack.first {
            // Left open at the paragraph's end.
            let single = table.marks[bottom.mark].single
            continues = nextParagraphOpens(b, after: p, single: single)
            if !single || continues {
                pairs.append((ByteRange(bottom.start, p.end), ByteRange(bottom.contentStart, p.end), single))
            }
        }
        // Outermost pairs only.
        pairs.sort { $0.0 < $1.0 }
        var quotations: [Quotation] = []
        var coverEnd = -1
        for (piece, inner, single) in pairs where piece.start >= coverEnd && !isNickname(b, piece, inner, p) {
            let closed = piece.end != p.end || inner.end != p.end
            quotations.append(Quotation(pieces: [piece], inner: [inner], paragraphs: [index],
                                        closed: closed, single: single))
            coverEnd = piece.end
        }
        if continues, let last = quotations.last, last.closed { continues = false }
        return Scan(quotations: quotations, continues: continues)
    }

    /// A nickname inside a name, `Marcia "Cia" Price`: one capitalised word in marks between
    /// two capitalised words. It is part of the name, not a quotation.
    private func isNickname(_ b: [UInt8], _ piece: ByteRange, _ inner: ByteRange, _ p: ByteRange) -> Bool {
        guard inner.count <= 24, inner.count > 0, UTF8Text.isUpper(UTF8Text.scalar(at: inner.start, in: b).0),
              piece.start >= p.start + 3, piece.end + 1 < p.end,
              b[piece.start - 1] == 0x20, b[piece.end] == 0x20,
              UTF8Text.isUpper(UTF8Text.scalar(at: piece.end + 1, in: b).0) else { return false }
        var i = inner.start
        while i < inner.end {
            let (c, len) = UTF8Text.scalar(at: i, in: b)
            guard UTF8Text.isAlnum(c) || c == "." || c == "-" else { return false }
            i += len
        }
        // The word before: capitalised.
        var w = piece.start - 1
        guard let last = UTF8Text.scalar(before: w, in: b, floor: p.start), UTF8Text.isAlnum(last) else { return false }
        while w > p.start, let c = UTF8Text.scalar(before: w, in: b, floor: p.start), UTF8Text.isAlnum(c) || c == "." {
            w = UTF8Text.previousStart(before: w, in: b)
        }
        return UTF8Text.isUpper(UTF8Text.scalar(at: w, in: b).0)
    }

    /// Whether the text after paragraph `p` starts with an opening mark of the same kind.
    private func nextParagraphOpens(_ b: [UInt8], after p: ByteRange, single: Bool) -> Bool {
        var i = p.end
        while i < b.count {
            let (c, len) = UTF8Text.scalar(at: i, in: b)
            if UTF8Text.isSpace(c) { i += len; continue }
            guard let (m, _) = table.match(b, i, b.count) else { return false }
            return table.marks[m].opens && table.marks[m].single == single
        }
        return false
    }

    /// A space and then a lower-case letter.
    private func followedByLowerWord(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        i + 1 < end && b[i] == 0x20 && b[i + 1] >= 0x61 && b[i + 1] <= 0x7A
    }

    /// Whether the same mark stands later (before `limit`) where it can only close: after a
    /// letter or punctuation and before a space, punctuation or the paragraph's end.
    private func laterCloser(_ b: [UInt8], _ mark: Int, after start: Int, limit: Int) -> Bool {
        let text = table.marks[mark].text
        var j = start
        while j + text.count <= limit {
            if b[j] == text[0] && (text.count == 1 || b[(j + 1)..<(j + text.count)].elementsEqual(text[1...])) {
                let end = j + text.count
                let prev = UTF8Text.scalar(before: j, in: b)
                let nextIsWord = end < limit && UTF8Text.isAlnum(UTF8Text.scalar(at: end, in: b).0)
                if let prev, !UTF8Text.isSpace(prev), !nextIsWord, !followedByLowerWord(b, end, limit) { return true }
                j = end
            } else {
                j += 1
            }
        }
        return false
    }

    private func isElision(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var j = start
        var digits = 0
        while j < end, b[j] >= 0x30 && b[j] <= 0x39 { j += 1; digits += 1 }
        if digits == 2 { return true }  // ’90s, '16
        var word = "'"
        j = start
        while j < end {
            let (c, len) = UTF8Text.scalar(at: j, in: b)
            guard UTF8Text.isAlnum(c) || c == "'" || c == "\u{2019}" else { break }
            word.unicodeScalars.append(c == "\u{2019}" ? "'" : c)
            j += len
            if word.count > 8 { return false }
        }
        return elisions.contains(word.lowercased())
    }

    @inline(__always)
    static func openingPunct(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":", "<": return true
        default: return false
        }
    }

    @inline(__always)
    static func closingPunct(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "-", "/", "\u{2026}", ">", "*":
            return true
        default: return false
        }
    }
}

/// The quotation marks of the rules, for fast matching over bytes.
struct MarkTable: Sendable {
    struct Mark: Sendable {
        var text: [UInt8]
        var single: Bool
        /// Can open a quotation.
        var opens: Bool
        /// Opens and closes its own kind (`"`, `'`).
        var symmetric: Bool
        /// `'` or `’`: also an apostrophe.
        var apostropheLike: Bool
    }

    var marks: [Mark] = []
    /// closers[c] holds the marks that mark c can close.
    private var closers: [Set<Int>] = []
    /// First bytes of every mark.
    var leadBytes = [Bool](repeating: false, count: 256)
    /// The marks starting with each byte, longest first.
    private var byLead = [[Int]](repeating: [], count: 256)
    private var scalars = Set<UInt32>()
    /// The ASCII first bytes of marks, each repeated in the eight bytes of a word.
    private var asciiLeads: [UInt64] = []

    init(_ pairs: [RuleSet.QuoteMarkPair]) {
        var index: [String: Int] = [:]
        func add(_ s: String, single: Bool) -> Int {
            if let i = index[s] { return i }
            let i = marks.count
            index[s] = i
            let apostrophe = s == "'" || s == "\u{2019}"
            marks.append(Mark(text: Array(s.utf8), single: single, opens: false, symmetric: false,
                              apostropheLike: apostrophe))
            closers.append([])
            leadBytes[Int(s.utf8.first!)] = true
            for u in s.unicodeScalars { scalars.insert(u.value) }
            return i
        }
        for pair in pairs {
            let o = add(pair.open, single: pair.single)
            let c = add(pair.close, single: pair.single)
            marks[o].opens = true
            if o == c { marks[o].symmetric = true }
            closers[c].insert(o)
        }
        for (k, m) in marks.enumerated() { byLead[Int(m.text[0])].append(k) }
        asciiLeads = (0..<128).filter { leadBytes[$0] }.map { 0x0101_0101_0101_0101 &* UInt64($0) }
        for lead in byLead.indices { byLead[lead].sort { marks[$0].text.count > marks[$1].text.count } }
    }

    /// Whether none of the eight bytes of `w` (as loaded from the text) starts a mark: none is
    /// beyond ASCII (where every mark that is not ASCII starts) and none is the first byte of
    /// an ASCII mark. Exact: the usual bit test for a zero byte, a lane at a time.
    @inline(__always)
    func noLead(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        if w & high != 0 { return false }
        for lead in asciiLeads {
            let v = w ^ lead
            if (v &- ones) & ~v & high != 0 { return false }
        }
        return true
    }

    /// Whether mark `closer` closes an open mark `opener`.
    func closes(_ closer: Int, _ opener: Int) -> Bool { closers[closer].contains(opener) }

    func isMarkScalar(_ s: Unicode.Scalar) -> Bool { scalars.contains(s.value) }

    /// The longest mark at `i` (and its end), if any.
    func match(_ b: [UInt8], _ i: Int, _ end: Int) -> (Int, Int)? {
        for k in byLead[Int(b[i])] {
            let m = marks[k].text
            guard i + m.count <= end else { continue }
            var ok = true
            for t in 1..<m.count where b[i + t] != m[t] { ok = false; break }
            if ok { return (k, i + m.count) }
        }
        return nil
    }
}
