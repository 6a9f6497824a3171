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

    /// The hash of the three words from `i`.
    @inline(__always)
    static func trigram(_ w: [UInt32], _ i: Int) -> UInt32 {
        var h = UInt64(w[i]) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ UInt64(w[i + 1])) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ UInt64(w[i + 2])) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: h ^ (h >> 31))
    }

    /// The fingerprints the index keeps: the word trigrams chosen by winnowing (the smallest
    /// hash of every window of `window` trigrams), each once. Two claims that share a run of
    /// `window + 2` words or more share at least one fingerprint. A claim of fewer trigrams
    /// than a window keeps them all.
    func fingerprints(window: Int = 4) -> [UInt32] {
        let n = words.count - 2
        guard n > 0 else { return [] }
        var grams = [UInt32](repeating: 0, count: n)
        for i in 0..<n { grams[i] = Self.trigram(words, i) }
        guard n > window else { return Array(Set(grams)) }
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
        return Array(Set(chosen))
    }
}

/// What matching knows of words: which carry no claim content, which are personal pronouns.
/// Built once per run from the rules.
struct ClaimVocabulary: Sendable {
    /// Words kept per claim; a longer claim (a transcript turn) is compared on its beginning.
    static let maxWords = 2048
    /// The fewest words a quoted fragment is matched on.
    static let minFragment = 4

    private let stopwords: Set<UInt32>
    private let pronounCase: [UInt32: UInt32]
    /// Quotation marks of one character (`rules/quote-marks.tsv`) that open, and that close.
    private let opening: Set<Unicode.Scalar>
    private let closing: Set<Unicode.Scalar>

    init(rules: RuleSet) {
        var stop = Set(rules.claimStopwords.map(Self.hash))
        for w in rules.functionWords.keys { stop.insert(Self.hash(w)) }
        for w in rules.pronouns.keys { stop.insert(Self.hash(w)) }
        for form in rules.cueVerbs.keys where !form.contains(" ") { stop.insert(Self.hash(form)) }
        stopwords = stop
        var cases: [UInt32: UInt32] = [:]
        for (w, p) in rules.pronouns {
            cases[Self.hash(w)] = Self.hash(p.subject ? "\u{1}subject" : "\u{1}other")
        }
        pronounCase = cases
        func single(_ s: String) -> Unicode.Scalar? { s.unicodeScalars.count == 1 ? s.unicodeScalars.first : nil }
        opening = Set(rules.quoteMarks.compactMap { single($0.open) })
        closing = Set(rules.quoteMarks.compactMap { single($0.close) })
    }

    /// The shape of a claim: `text` as stated, `normalized` its normal form.
    ///
    /// A reported claim (not `direct`) with quotation marks inside is read piece by piece
    /// between the marks (each piece normalised alone), so that the words of each quoted
    /// fragment are known; a fragment of fewer than ``minFragment`` words or two content
    /// words is not kept. Marks inside a direct quote enclose someone else's words, and are
    /// not read.
    func shape(of text: String, normalized: String, direct: Bool) -> ClaimShape {
        var words: [UInt32] = []
        var content: [UInt32] = []
        var quoted: [Range<Int>] = []
        let pieces = direct ? [] : quotedPieces(text)
        if pieces.count > 1 {
            for (piece, inside) in pieces {
                let (start, stems) = (words.count, content.count)
                read(ClaimNormalizer.normalize(piece), into: &words, content: &content)
                if inside && words.count - start >= Self.minFragment && Set(content[stems...]).count >= 2 {
                    quoted.append(start..<words.count)
                }
            }
        } else {
            read(normalized, into: &words, content: &content)
        }
        var exact: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in normalized.utf8 { exact = (exact ^ UInt64(b)) &* 0x100_0000_01B3 }
        return ClaimShape(words: words, content: Array(Set(content)).sorted(), exact: exact, quoted: quoted,
                          reported: !direct && pieces.count <= 1)
    }

    /// `text` cut at its quotation marks: the pieces, each marked inside or outside quotation
    /// marks. A mark that both opens and closes (`"`, `”`) opens outside and closes inside;
    /// an apostrophe between letters is not a mark. One piece when there is no mark.
    func quotedPieces(_ text: String) -> [(String, Bool)] {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x22 && (opening.contains($0) || closing.contains($0)) }) else {
            return [(text, false)]
        }
        let scalars = Array(text.unicodeScalars)
        var pieces: [(String, Bool)] = []
        var current = String.UnicodeScalarView()
        var inside = false
        for (k, c) in scalars.enumerated() {
            let inWord = k > 0 && k + 1 < scalars.count && ClaimNormalizer.letter(scalars[k - 1])
                && ClaimNormalizer.letter(scalars[k + 1])
            let toggles = !inWord && (inside ? closing.contains(c) : opening.contains(c))
            guard toggles else {
                current.append(c)
                continue
            }
            if !current.isEmpty { pieces.append((String(current), inside)) }
            current = String.UnicodeScalarView()
            inside.toggle()
        }
        if !current.isEmpty { pieces.append((String(current), inside)) }
        return pieces
    }

    /// The shape of a normalised claim text with no quoted fragment read.
    func shape(of normalized: String) -> ClaimShape {
        shape(of: normalized, normalized: normalized, direct: true)
    }

    /// Appends the words of a normalised text (at most ``maxWords`` in all) and the stems of
    /// its content words.
    private func read(_ normalized: String, into words: inout [UInt32], content: inout [UInt32]) {
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            if word.last == 0x27 { word.removeLast() }
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty, words.count < Self.maxWords else { return }
            let h = Self.hash(word)
            words.append(pronounCase[h] ?? h)
            if !stopwords.contains(h) && (word.count > 1 || (0x30...0x39).contains(word[0])) {
                content.append(Self.stemHash(word))
            }
        }
        // On the UTF-8 bytes: ASCII, the bulk of news text, is read without decoding.
        let b = Array(normalized.utf8)
        var i = 0
        while i < b.count {
            let (c, length) = UTF8Text.scalar(at: i, in: b)
            if UTF8Text.isAlnum(c) || (c == "'" && !word.isEmpty) {
                if length == 1 { word.append(b[i]) } else { word.append(contentsOf: b[i..<(i + length)]) }
            } else {
                flush()
            }
            i += length
        }
        flush()
    }

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
