/// How a quote's claim relates to an earlier one (the `relation` of a `match` record).
public enum MatchRelation: String, Sendable {
    /// The same words, up to case, punctuation, quotation marks, dashes and Unicode form.
    case same
    /// The new claim holds the earlier one (the earlier is a fragment of it).
    case contains
    /// The new claim is a fragment of the earlier one.
    case contained
    /// The same claim in other words: a reworded or misquoted repeat, or the same speaker's
    /// claim told again (a direct quote reported as indirect speech).
    case paraphrase
}

/// Whether two quotes give their words to the same speaker (the `speakers` of a `match`).
public enum SpeakerAgreement: String, Sendable {
    case same, different, unknown

    /// Compares two speakers' entity ids; a joint speaker (`a+b`) agrees with any of its
    /// members, and a surname alone with a full name that ends in it (`reyne` and
    /// `tomas-reyne`: a transcript label or a short reference). Unknown when either has no
    /// speaker.
    static func of(_ a: String?, _ b: String?) -> SpeakerAgreement {
        guard var a, var b else { return .unknown }
        if a == b { return .same }
        // On the bytes, without splitting or joining strings: this runs for every candidate.
        return a.withUTF8 { x in b.withUTF8 { y in agree(x, y) } } ? .same : .different
    }

    /// Whether a member (between `+`) of `x` agrees with one of `y`: equal, or one ends with
    /// `-` and the other. Members are read in place, nothing is allocated.
    private static func agree(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        // `long[l]` ends with `-` and `short[s]`.
        func endsWith(_ long: UnsafeBufferPointer<UInt8>, _ l: Range<Int>, _ short: UnsafeBufferPointer<UInt8>, _ s: Range<Int>) -> Bool {
            l.count > s.count && long[l.upperBound - s.count - 1] == 0x2D
                && long[(l.upperBound - s.count)..<l.upperBound].elementsEqual(short[s])
        }
        var p = 0
        while p <= x.count {
            let pe = x[p...].firstIndex(of: 0x2B) ?? x.count
            var q = 0
            while q <= y.count {
                let qe = y[q...].firstIndex(of: 0x2B) ?? y.count
                if x[p..<pe].elementsEqual(y[q..<qe]) || endsWith(x, p..<pe, y, q..<qe) || endsWith(y, q..<qe, x, p..<pe) {
                    return true
                }
                q = qe + 1
            }
            p = pe + 1
        }
        return false
    }
}

/// The verdict of comparing two claims.
struct ClaimRelation: Sendable, Equatable {
    var relation: MatchRelation
    /// From 0 to 1: the share of the shorter claim found in the longer, or of the content
    /// words shared for a paraphrase.
    var score: Double
    /// True when no word differs: the claims are the same, or the shorter appears in the
    /// longer word for word. False for a reworded repeat (a misquote between direct quotes).
    var verbatim: Bool
}

/// Decides whether a new claim repeats an earlier one, and how (pure).
///
/// - Words in common are counted as the words of the shorter claim covered by a word trigram
///   of the longer. A repeat needs at least ``minRun`` covered words, three content words in
///   the shorter claim, and ``shortCover`` of the shorter claim covered (``longCover`` from
///   ``longWords`` words on, where a few changed words weigh less); or, for a short fragment,
///   every word of it in the longer, at least ``shortFragment`` words and three content words
///   (`Wow, what a great idea`). Then: `same` when the
///   texts are equal or the words are, or when the shorter is one whole quotation (or a run
///   of them) of a direct quote told in several (``ClaimShape/holdsWhole(_:)``); `contains`/`contained` when the shorter is a part of
///   the longer; `paraphrase` (not verbatim) when the two are about as long and words differ.
/// - Otherwise, `contained`/`contains` when a fragment quoted inside one claim
///   (``ClaimShape/quoted``) appears word for word in the other; the score is the share of
///   the quoting claim's words in its longest such fragment.
/// - Otherwise, for the same speaker only, `paraphrase` when the claims share at least
///   ``paraphraseShared`` content words (``paraphraseSharedWithRun`` when ``minRun`` words of
///   the shorter lie in trigrams of the longer) and ``paraphraseRatio`` of the smaller set of
///   them.
/// A stock phrase (`the president of the United States`) covers too little of any claim that
/// says more than it to count.
enum ClaimComparer {
    static let minRun = 6
    static let shortCover = 0.85
    static let longCover = 0.75
    static let longWords = 15
    static let nearlyAll = 0.9
    static let paraphraseShared = 5
    static let minContent = 4
    static let shortFragment = 5
    static let paraphraseRatio = 0.5
    static let paraphraseSharedWithRun = 3
    /// For the same speaker, the content words the shorter claim needs (one fewer when all of
    /// it is found): `I will fight for you, and I will win for you`.
    static let sameSpeakerContent = 3
    /// The fewest words of a reported claim with no quotation mark that can be found inside a
    /// longer claim.
    static let reportedMinWords = 10

    static func relate(_ new: ClaimShape, _ old: ClaimShape, speakers: SpeakerAgreement) -> ClaimRelation? {
        var grams = TrigramPositions(new.words)
        return relate(new, &grams, old, speakers: speakers)
    }

    /// ``relate(_:_:speakers:)`` with the new claim's trigrams found once for all the earlier
    /// claims it is compared with (`grams` is `TrigramPositions(new.words)`; its marks are
    /// rewritten).
    static func relate(_ new: ClaimShape, _ grams: inout TrigramPositions, _ old: ClaimShape,
                       speakers: SpeakerAgreement) -> ClaimRelation? {
        guard new.words.count >= 3, old.words.count >= 3 else { return nil }
        if new.exact == old.exact { return ClaimRelation(relation: .same, score: 1, verbatim: true) }
        // Read in place: the shorter and the longer claim by their counts, no shape copied.
        let newShorter = new.words.count <= old.words.count
        let (shortWords, longWords) = newShorter ? (new.words.count, old.words.count) : (old.words.count, new.words.count)
        let shortContent = newShorter ? new.content.count : old.content.count
        let shortReported = newShorter ? new.reported : old.reported
        // Which of the new claim's words lie in a trigram of the old one (for the new claim's
        // own quoted fragments too); or, the new being the longer, how many of the old's do.
        let newCovered = newShorter || !new.quoted.isEmpty ? grams.mark(coveredBy: old.words) : 0
        let covered = newShorter ? newCovered : grams.count(in: old.words, 0..<old.words.count)
        let need = shortWords < Self.longWords ? shortCover : longCover
        // The same speaker's words repeated need less content to be told from a stock phrase.
        let sameSpeaker = speakers == .same
        let whole = covered == shortWords && covered >= shortFragment && shortContent >= (sameSpeaker ? sameSpeakerContent - 1 : 3)
        // A short reported claim inside a longer one is a shared topic (`a ban on Muslims
        // entering the United States`), not a repeat.
        let topic = shortReported && shortWords < reportedMinWords && shortWords < longWords
        if !topic, whole || (covered >= minRun && shortContent >= (sameSpeaker ? sameSpeakerContent : minContent) && Double(covered) >= need * Double(shortWords)) {
            let verbatim = covered == shortWords
            if new.words == old.words { return ClaimRelation(relation: .same, score: 1, verbatim: true) }
            // One whole quotation of a quote told in several is that quote repeated.
            if verbatim && (newShorter ? old.holdsWhole(new.words) : new.holdsWhole(old.words)) {
                return ClaimRelation(relation: .same, score: 1, verbatim: true)
            }
            if Double(covered) >= nearlyAll * Double(longWords) {
                return ClaimRelation(relation: .paraphrase, score: Double(covered) / Double(longWords), verbatim: false)
            }
            return ClaimRelation(relation: newShorter ? .contained : .contains,
                                 score: Double(covered) / Double(shortWords), verbatim: verbatim)
        }
        // The longest quoted fragment of one claim that the other holds word for word (loops,
        // not closures: nothing of either shape is retained per candidate).
        var fragment = 0
        for r in new.quoted where r.count > fragment && grams.allMarked(r) { fragment = r.count }
        if fragment > 0 {
            return ClaimRelation(relation: .contained, score: Double(fragment) / Double(new.words.count), verbatim: true)
        }
        for r in old.quoted where r.count > fragment && grams.count(in: old.words, r) == r.count { fragment = r.count }
        if fragment > 0 {
            return ClaimRelation(relation: .contains, score: Double(fragment) / Double(old.words.count), verbatim: true)
        }
        guard speakers == .same else { return nil }
        // Fewer content words in common will do when the words share a run (`waterboarding is
        // peanuts compared to what`).
        return paraphrase(new, old, needing: covered >= minRun ? paraphraseSharedWithRun : paraphraseShared)
    }

    /// The paraphrase test of ``relate(_:_:_:speakers:)``: `needing` content words shared, and
    /// ``paraphraseRatio`` of the smaller set of them. Alone (with ``paraphraseShared``), for an
    /// earlier claim of the same speaker that shares no fingerprint with the new one: no run of
    /// words in common is looked for (one long enough to count would have shared a
    /// fingerprint).
    static func paraphrase(_ new: ClaimShape, _ old: ClaimShape, needing: Int = paraphraseShared) -> ClaimRelation? {
        guard new.words.count >= 3, old.words.count >= 3 else { return nil }
        let shared = sharedCount(new.content, old.content)
        let smaller = min(new.content.count, old.content.count)
        guard shared >= needing, Double(shared) >= paraphraseRatio * Double(smaller) else { return nil }
        return ClaimRelation(relation: .paraphrase, score: Double(shared) / Double(smaller), verbatim: false)
    }

    /// The number of values two sorted arrays share.
    static func sharedCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, n = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y { n += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
                }
                return n
            }
        }
    }
}

/// The word trigrams of one claim and where they start, for counting the words it shares with
/// many others at a cost linear in theirs.
struct TrigramPositions {
    /// Open addressing by trigram hash: the hash in the high 32 bits, 1 + its first start in
    /// the low ones (0: an empty slot); one load a probe, 8 bytes a slot, a load of at most a
    /// half.
    private var slots: [UInt64]
    private let mask: Int
    /// Further starts of a trigram that occurs more than once, chained from its first.
    private var next: [Int32]
    private let count: Int
    /// Per word of the claim: covered by the claim of the last ``mark(coveredBy:)``.
    private var marks: [Bool]

    init(_ words: [UInt32]) {
        count = words.count
        next = [Int32](repeating: -1, count: max(0, words.count - 2))
        marks = [Bool](repeating: false, count: words.count)
        var size = 16
        while size < words.count * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        guard words.count >= 3 else { return }
        for i in stride(from: words.count - 3, through: 0, by: -1) {
            let g = ClaimShape.trigram(words, i)
            var s = Self.slot(g, mask)
            while slots[s] != 0 && UInt32(truncatingIfNeeded: slots[s] >> 32) != g { s = (s + 1) & mask }
            if slots[s] != 0 { next[i] = Int32(truncatingIfNeeded: slots[s] & 0xFFFF_FFFF) - 1 }
            slots[s] = UInt64(g) << 32 | UInt64(i + 1)
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The first start of trigram `g` in the claim, -1 if it has none.
    @inline(__always)
    private static func first(_ g: UInt32, _ slots: UnsafeBufferPointer<UInt64>, _ mask: Int) -> Int {
        var s = slot(g, mask)
        while true {
            let e = slots[s]
            if e == 0 { return -1 }
            if UInt32(truncatingIfNeeded: e >> 32) == g { return Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1 }
            s = (s + 1) & mask
        }
    }

    /// Marks each word of this claim that lies in a word trigram `other` holds too (read with
    /// ``allMarked(_:)``), and returns how many are marked.
    mutating func mark(coveredBy other: [UInt32]) -> Int {
        let count = self.count, mask = self.mask
        guard count >= 3, other.count >= 3 else {
            for i in marks.indices { marks[i] = false }
            return 0
        }
        return slots.withUnsafeBufferPointer { slots in
            next.withUnsafeBufferPointer { next in
                marks.withUnsafeMutableBufferPointer { marks in
                    marks.update(repeating: false)
                    var n = 0
                    @inline(__always) func set(_ p: Int) {
                        if !marks[p] { marks[p] = true; n += 1 }
                    }
                    for i in 0..<(other.count - 2) {
                        var p = Self.first(ClaimShape.trigram(other, i), slots, mask)
                        while p >= 0 {
                            set(p); set(p + 1); set(p + 2)
                            p = Int(next[p])
                        }
                    }
                    return n
                }
            }
        }
    }

    /// Whether every word of `r` was marked by the last ``mark(coveredBy:)``.
    func allMarked(_ r: Range<Int>) -> Bool { marks[r].allSatisfy { $0 } }

    /// How many words of `other[r]` lie in a word trigram (of `other[r]`) that this claim holds.
    func count(in other: [UInt32], _ r: Range<Int>) -> Int {
        guard count >= 3, r.count >= 3 else { return 0 }
        return slots.withUnsafeBufferPointer { slots in
            var n = 0
            var coveredTo = r.lowerBound  // words of `other` before this index are counted already
            for i in r.lowerBound..<(r.upperBound - 2) where Self.first(ClaimShape.trigram(other, i), slots, mask) >= 0 {
                n += i + 3 - max(i, coveredTo)
                coveredTo = i + 3
            }
            return n
        }
    }
}
