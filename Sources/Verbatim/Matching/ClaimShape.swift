/// A claim as cross-source matching compares it: its words as hashes, in order.
///
/// Made by ``ClaimVocabulary/shape(of:)`` from a claim's normalised text
/// (``ClaimNormalizer``), so case, Unicode form, quotation marks and dashes no longer differ.
struct ClaimShape: Sendable, Equatable {
    /// One hash per word, in order; a personal pronoun hashes as its case (subject or not), so the pronoun shift
    /// of reported speech (`we achieved` / `they achieved`) leaves the words alike. At most
    /// ``ClaimVocabulary/maxWords`` words.
    var words: [UInt32]
    /// The stems of the content words (not a stop word), hashed, sorted, each once.
    var content: [UInt32]
    /// A hash of the whole normalised text: equal hashes are the relation `same`.
    var exact: UInt64
    /// The words inside quotation marks within the claim (the quoted fragments of a mixed
    /// quote: `that they had “achieved clarity on the path forward”`), as ranges of ``words``.
    var quoted: [Range<Int>] = []
    /// Reported speech with no quotation mark in it (`proposed a ban on …`): its words are the
    /// writer's, and a short one is matched only in full (``ClaimComparer/reportedMinWords``).
    var reported = false
    /// Where each quotation of a direct quote told in several (`“A.” “B.”`) starts after the
    /// first, as indexes of ``words``; empty for one.
    var pieces: [Int] = []

    /// Whether `short` is, word for word, one quotation of this claim or a run of whole
    /// quotations (`“B.”` of `“A.” “B.” “C.”`).
    func holdsWhole(_ short: [UInt32]) -> Bool {
        guard !pieces.isEmpty, !short.isEmpty, short.count < words.count else { return false }
        var start = 0
        for k in 0...pieces.count {
            if start + short.count <= words.count && words[start] == short[0]
                && (start + short.count == words.count || pieces.contains(start + short.count))
                && words[start..<(start + short.count)].elementsEqual(short) {
                return true
            }
            if k < pieces.count { start = pieces[k] }
        }
        return false
    }

    /// The hash of the three words from `i`.
    @inline(__always)
    static func trigram(_ w: [UInt32], _ i: Int) -> UInt32 {
        var h = UInt64(w[i]) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ UInt64(w[i + 1])) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ UInt64(w[i + 2])) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: h ^ (h >> 31))
    }

    /// The fingerprints the index keeps: the word trigrams chosen by winnowing (the smallest
    /// hash of every window of `window` trigrams), each once, in increasing order. Two claims
    /// that share a run of `window + 2` words or more share at least one fingerprint. A claim
    /// of fewer trigrams than a window keeps them all.
    func fingerprints(window: Int = 4) -> [UInt32] {
        let n = words.count - 2
        guard n > 0 else { return [] }
        var grams = [UInt32](repeating: 0, count: n)
        for i in 0..<n { grams[i] = Self.trigram(words, i) }
        guard n > window else { return ClaimVocabulary.sortedUnique(grams) }
        var chosen: [UInt32] = []
        var last = -1
        for start in 0...(n - window) {
            var m = start
            for k in start..<(start + window) where grams[k] <= grams[m] { m = k }
            if m != last {
                chosen.append(grams[m])
                last = m
            }
        }
        return ClaimVocabulary.sortedUnique(chosen)
    }
}

/// What matching knows of words: which carry no claim content, which are personal pronouns.
/// Built once per run from the rules.
struct ClaimVocabulary: Sendable {
    /// Words kept per claim; a longer claim (a transcript turn) is compared on its beginning.
    static let maxWords = 2048
    /// The fewest words a quoted fragment is matched on.
    static let minFragment = 4

    /// What is known of a word, by its ``hash(_:)``: ``stopBit`` for a word with no claim
    /// content; ``pronounBit`` for a personal pronoun, whose case hash is the low 32 bits.
    /// One lookup a word, with no hashing beyond the word's own hash.
    private let known: HashTable32
    private static let stopBit: Int64 = 1 << 32
    private static let pronounBit: Int64 = 1 << 33
    /// Quotation marks of one character (`rules/quote-marks.tsv`) that open, and that close.
    private let opening: ScalarSet
    private let closing: ScalarSet

    init(rules: RuleSet) {
        var stop = Set(rules.claimStopwords.map(Self.hash))
        for w in rules.functionWords.keys { stop.insert(Self.hash(w)) }
        for w in rules.pronouns.keys { stop.insert(Self.hash(w)) }
        for (form, verb) in rules.cueVerbs where !UTF8Text.containsSpace(form) && verb.cueClass == .speech { stop.insert(Self.hash(form)) }
        var known = HashTable32(capacity: stop.count + rules.pronouns.count)
        for h in stop { known[h] = Self.stopBit }
        for (w, p) in rules.pronouns {
            let h = Self.hash(w)
            let caseHash = Self.hash(p.subject ? "\u{1}subject" : "\u{1}other")
            known[h] = (known[h] ?? 0) | Self.pronounBit | Int64(caseHash)
        }
        self.known = known
        func single(_ s: String) -> Unicode.Scalar? { s.unicodeScalars.count == 1 ? s.unicodeScalars.first : nil }
        opening = ScalarSet(rules.quoteMarks.compactMap { single($0.open) })
        closing = ScalarSet(rules.quoteMarks.compactMap { single($0.close) })
    }

    /// The shape of a claim: `text` as stated, `normalized` its normal form.
    ///
    /// A reported claim (not `direct`) with quotation marks inside is read piece by piece
    /// between the marks (each piece normalised alone), so that the words of each quoted
    /// fragment are known; a fragment of fewer than ``minFragment`` words or two content
    /// words is not kept. Marks inside a direct quote enclose someone else's words, and are
    /// not read.
    /// A direct quote told in several quotations (`pieceStarts`, UTF-8 offsets into `text`) is
    /// read quotation by quotation, so that where each starts among the words is known.
    func shape(of text: String, normalized: String, direct: Bool, pieceStarts: [Int] = []) -> ClaimShape {
        var pieceWords: [Int] = []
        var words: [UInt32] = []
        var content: [UInt32] = []
        var quoted: [Range<Int>] = []
        var normalized = normalized
        words.reserveCapacity(min(Self.maxWords, normalized.utf8.count / 4 + 1))
        content.reserveCapacity(min(Self.maxWords, normalized.utf8.count / 6 + 1))
        var text = text
        let pieceCount = direct ? 0 : text.withUTF8 { t in
            let pieces = quotedPieces(t)
            guard pieces.count > 1 else { return pieces.count }
            for (range, inside) in pieces {
                let (start, stems) = (words.count, content.count)
                var piece = ClaimNormalizer.normalize(String(decoding: t[range], as: UTF8.self))
                piece.withUTF8 { read($0, into: &words, content: &content) }
                // Two content words or more: two stems that differ.
                if inside && words.count - start >= Self.minFragment && content[stems...].contains(where: { $0 != content[stems] }) {
                    quoted.append(start..<words.count)
                }
            }
            return pieces.count
        }
        if direct && !pieceStarts.isEmpty {
            text.withUTF8 { t in
                var from = 0
                for end in pieceStarts + [t.count] where end > from && end <= t.count {
                    if from > 0 { pieceWords.append(words.count) }
                    var piece = ClaimNormalizer.normalize(String(decoding: t[from..<end], as: UTF8.self))
                    piece.withUTF8 { read($0, into: &words, content: &content) }
                    from = end
                }
            }
            // A quotation that gave no word is no boundary.
            pieceWords = pieceWords.filter { $0 > 0 && $0 < words.count }
        } else if pieceCount <= 1 {
            normalized.withUTF8 { read($0, into: &words, content: &content) }
        }
        // `that` opening reported speech (`said that he found …` / `said he found …`) is the
        // writer's, not the claim's.
        if !direct, words.count > 3, words[0] == Self.thatHash {
            words.removeFirst()
            quoted = quoted.map { max(0, $0.lowerBound - 1)..<($0.upperBound - 1) }.filter { !$0.isEmpty }
        }
        let exact = normalized.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
            return h
        }
        return ClaimShape(words: words, content: Self.sortedUnique(content), exact: exact, quoted: quoted,
                          reported: !direct && pieceCount <= 1, pieces: pieceWords)
    }

    /// The values sorted, each once.
    static func sortedUnique(_ values: [UInt32]) -> [UInt32] {
        var v = values
        v.sort()
        var n = 0
        for x in v where n == 0 || v[n - 1] != x {
            v[n] = x
            n += 1
        }
        v.removeLast(v.count - n)
        return v
    }

    /// `text` (UTF-8) cut at its quotation marks: the pieces as byte ranges, each marked inside
    /// or outside quotation marks. A mark that both opens and closes (`"`, `”`) opens outside
    /// and closes inside; an apostrophe between letters is not a mark. One piece when there
    /// is no mark; no piece for an empty text or one of marks only.
    func quotedPieces(_ t: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, inside: Bool)] {
        let n = t.count
        var any = false
        var i = 0
        while i < n {
            if t[i] < 0x80 {
                // ASCII without decoding.
                let c = Unicode.Scalar(t[i])
                if t[i] >= 0x22 && (opening.contains(c) || closing.contains(c)) { any = true; break }
                i += 1
                continue
            }
            let (c, length) = UTF8Text.scalar(at: i, in: t)
            if opening.contains(c) || closing.contains(c) { any = true; break }
            i += length
        }
        guard any else { return n > 0 ? [(0..<n, false)] : [] }
        var pieces: [(range: Range<Int>, inside: Bool)] = []
        var start = 0, inside = false
        var previous: Unicode.Scalar?
        i = 0
        while i < n {
            let (c, length) = UTF8Text.scalar(at: i, in: t)
            defer { previous = c; i += length }
            let inWord = i + length < n && previous.map(ClaimNormalizer.letter) == true
                && ClaimNormalizer.letter(UTF8Text.scalar(at: i + length, in: t).0)
            guard !inWord && (inside ? closing.contains(c) : opening.contains(c)) else { continue }
            if start < i { pieces.append((start..<i, inside)) }
            start = i + length
            inside.toggle()
        }
        if start < n { pieces.append((start..<n, inside)) }
        return pieces
    }

    /// The shape of a normalised claim text with no quoted fragment read.
    func shape(of normalized: String) -> ClaimShape {
        shape(of: normalized, normalized: normalized, direct: true)
    }

    /// Appends the words of a normalised text's UTF-8 (at most ``maxWords`` in all) and the
    /// stems of its content words. A word is a run of letters and digits, with apostrophes
    /// after its first character; a final apostrophe is not part of it.
    private func read(_ b: UnsafeBufferPointer<UInt8>, into words: inout [UInt32], content: inout [UInt32]) {
        var start = -1  // the start of the word being read, -1 between words
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            defer { start = -1 }
            let e = b[end - 1] == 0x27 ? end - 1 : end
            guard e > start, words.count < Self.maxWords else { return }
            let word = UnsafeBufferPointer(rebasing: b[start..<e])
            let h = Self.hash(word)
            let k = known[h] ?? 0
            words.append(k & Self.pronounBit != 0 ? UInt32(truncatingIfNeeded: k) : h)
            if k & Self.stopBit == 0 && (word.count > 1 || (0x30...0x39).contains(word[0])) {
                content.append(Self.stemHash(word))
            }
        }
        // ASCII, the bulk of news text, is read without decoding.
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if UTF8Text.isASCIIAlnum(c) || (c == 0x27 && start >= 0) {
                    if start < 0 { start = i }
                } else {
                    flush(i)
                }
                i += 1
                continue
            }
            let (s, length) = UTF8Text.scalar(at: i, in: b)
            if UTF8Text.isAlnum(s) {
                if start < 0 { start = i }
            } else {
                flush(i)
            }
            i += length
        }
        flush(b.count)
    }

    private static let thatHash = hash("that")

    /// FNV-1a, 32 bits.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    static func hash(_ s: String) -> UInt32 { hash(s.utf8) }

    /// A light suffix stripper, enough for inflection to stop hiding a shared word
    /// (`separating` / `separate`, `states` / `state`, `parties` / `party`); a possessive
    /// `'s` goes first.
    /// ``hash(_:)`` of ``stem(_:)``, without making the stem.
    static func stemHash(_ word: [UInt8]) -> UInt32 {
        word.withUnsafeBufferPointer { stemHash($0) }
    }

    /// ``stemHash(_:)`` of a word's bytes in place.
    static func stemHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var n = word.count
        if n > 2, word[n - 1] == 0x73, word[n - 2] == 0x27 { n -= 2 }
        func ends(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool { n > 5 && word[n - 3] == a && word[n - 2] == b && word[n - 1] == c }
        if ends(0x69, 0x65, 0x73) {  // ies → y
            return (hash(word[..<(n - 3)]) ^ 0x79) &* 0x0100_0193
        }
        if ends(0x69, 0x6E, 0x67) {  // ing
            n -= 3
        } else if n > 4, word[n - 2] == 0x65, word[n - 1] == 0x64 {  // ed
            n -= 2
        } else if n > 3, word[n - 1] == 0x73, !(n > 4 && word[n - 2] == 0x73) {  // s, not ss
            n -= 1
        }
        if n > 3, word[n - 1] == 0x65 { n -= 1 }
        return hash(word[..<n])
    }

    static func stem(_ word: [UInt8]) -> [UInt8] {
        var w = word[...]
        if w.count > 2, w.last == 0x73, w[w.endIndex - 2] == 0x27 { w = w.dropLast(2) }
        func ends(_ s: String) -> Bool { w.count > s.utf8.count + 2 && w.suffix(s.utf8.count).elementsEqual(s.utf8) }
        if ends("ies") { return Array(w.dropLast(3)) + [0x79] }
        if ends("ing") {
            w = w.dropLast(3)
        } else if ends("ed") {
            w = w.dropLast(2)
        } else if ends("s") && !ends("ss") {
            w = w.dropLast(1)
        }
        if w.count > 3, w.last == 0x65 { w = w.dropLast() }
        return Array(w)
    }
}

/// A small set of Unicode scalars (the quotation marks of the rules): ASCII ones in a bit mask,
/// others in a short list, so a look-up hashes nothing.
struct ScalarSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var others: [UInt32] = []

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for s in scalars {
            switch s.value {
            case ..<64: low |= 1 << UInt64(s.value)
            case ..<128: high |= 1 << UInt64(s.value - 64)
            default: if !others.contains(s.value) { others.append(s.value) }
            }
        }
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
        return others.contains(v)
    }
}
