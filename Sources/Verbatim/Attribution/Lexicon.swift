/// Word-level questions the sieves ask of tokens, answered from the rules.
///
/// Immutable; a class so that the stages, sieves and name indexes holding it share one
/// reference rather than copy its tables.
final class Lexicon {
    let rules: RuleSet
    let tokenizer: Tokenizer
    /// Shapes (first letter, length) of the first words of cue forms, function words,
    /// pronouns and titles: a token of another shape is none of them, with no lookup.
    private let cueShapes: WordShapes
    private let functionShapes: WordShapes
    private let titleShapes: WordShapes
    /// Shapes of the active evidentials (`seemed`, `appears`).
    private let evidentialShapes: WordShapes
    /// The evidentials of `rules/phrase-words.tsv`: true for a passive one (`expected`).
    private let evidentials: WordTable<Bool>
    /// Shapes of the place names of `rules/places.tsv`.
    let placeShapes: WordShapes
    /// Shapes of the first words of the roles of two or three words (`foreign minister`).
    let roleHeadShapes: WordShapes
    /// The rules' lower-case word tables, looked up on a token's bytes (``WordTable``).
    private let cueVerbs: WordTable<RuleSet.CueVerb>
    /// The first words of the cue forms: whether a form is that word alone, and whether one
    /// goes on with a second word (`pointed out`).
    private let cueHeads: WordTable<(single: Bool, pair: Bool)>
    private let functionWords: WordTable<RuleSet.WordClass>
    private let pronouns: WordTable<RuleSet.Pronoun>
    private let reportingWords: WordTable<RuleSet.ReportingRole>
    /// The double quotation marks of `rules/quote-marks.tsv` that are one character.
    let doubleMarks: Set<Unicode.Scalar>
    /// The boilerplate prefixes as bytes when all are ASCII (nil: compared as strings only).
    private let boilerplateBytes: [[UInt8]]?

    init(rules: RuleSet) {
        self.rules = rules
        doubleMarks = Set(rules.quoteMarks.filter { !$0.single }.flatMap { [$0.open, $0.close] }
            .compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        self.tokenizer = Tokenizer(abbreviations: rules.abbreviations)
        cueShapes = WordShapes(rules.cueVerbs.keys.map { String($0.split(separator: " ")[0]) })
        functionShapes = WordShapes(Array(rules.functionWords.keys) + Array(rules.pronouns.keys))
        titleShapes = WordShapes(Array(rules.titles))
        evidentialShapes = WordShapes(Array(rules.phraseWords.evidentials))
        var evidentialWords: [String: Bool] = [:]
        for w in rules.phraseWords.evidentials { evidentialWords[w] = false }
        for w in rules.phraseWords.passiveEvidentials { evidentialWords[w] = true }
        evidentials = WordTable(evidentialWords)
        placeShapes = WordShapes(Array(rules.places.keys))
        roleHeadShapes = WordShapes(rules.roles.keys.filter(UTF8Text.containsSpace).map { String($0.split(separator: " ")[0]) })
        cueVerbs = WordTable(rules.cueVerbs)
        var heads: [String: (single: Bool, pair: Bool)] = [:]
        for form in rules.cueVerbs.keys {
            let words = form.split(separator: " ", maxSplits: 1)
            let head = String(words[0])
            if words.count == 1 { heads[head, default: (false, false)].single = true } else { heads[head, default: (false, false)].pair = true }
        }
        cueHeads = WordTable(heads)
        functionWords = WordTable(rules.functionWords)
        pronouns = WordTable(rules.pronouns)
        reportingWords = WordTable(rules.reporting)
        boilerplateBytes = rules.boilerplate.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? rules.boilerplate.map { Array($0.utf8) } : nil
    }

    /// The length (1 or 2 tokens) of a cue verb starting at token `i`, or 0.
    func cueLength(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Int {
        guard i < t.count, t[i].kind == .word, cueShapes.may(t[i], b), let head = cueHeads.value(t[i], b) else { return 0 }
        if head.pair, i + 1 < t.count, t[i + 1].kind == .word, cueVerbs.value(t[i], t[i + 1], b) != nil { return 2 }
        guard head.single else { return 0 }
        return t[i].lowerIs("according", b) ? 0 : 1  // only as `according to`
    }

    /// The cue verb of the form at token `i` (`l` tokens, as ``cueLength(_:_:_:)`` gives).
    func cueVerb(_ t: [Token], _ i: Int, _ l: Int, _ b: [UInt8]) -> RuleSet.CueVerb? {
        l == 2 ? cueVerbs.value(t[i], t[i + 1], b) : cueVerbs.value(t[i], b)
    }

    /// Whether the token may be an active evidential of `rules/phrase-words.tsv` (its shape is
    /// one of theirs): no lookup.
    func mayBeEvidential(_ t: Token, _ b: [UInt8]) -> Bool { t.kind == .word && evidentialShapes.may(t, b) }

    /// Whether the token is an evidential of `rules/phrase-words.tsv`: nil when not, true for
    /// a passive one (`expected`), false for an active one (`seemed`). Read on its bytes.
    func evidentialKind(_ t: Token, _ b: [UInt8]) -> Bool? { t.kind == .word ? evidentials.value(t, b) : nil }

    /// Whether a cue form may start at this token (its shape is one of theirs): no lookup.
    func mayBeCue(_ t: Token, _ b: [UInt8]) -> Bool { t.kind == .word && cueShapes.may(t, b) }

    func wordClass(_ t: Token, _ b: [UInt8]) -> RuleSet.WordClass? {
        t.kind == .word && functionShapes.may(t, b) ? functionWords.value(t, b) : nil
    }

    /// The pronoun of `rules/pronouns.tsv` the token is, in any case.
    func pronoun(_ t: Token, _ b: [UInt8]) -> RuleSet.Pronoun? { pronouns.value(t, b) }

    func isPronoun(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && functionShapes.may(t, b) && pronouns.value(t, b) != nil
    }

    /// What the token (in any case) tells about a cue near it (`rules/reporting.tsv`).
    func reporting(_ t: Token, _ b: [UInt8]) -> RuleSet.ReportingRole? { reportingWords.value(t, b) }

    func isTitle(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && titleShapes.may(t, b) && rules.titles.contains(t.text(b))
    }

    /// A name particle from the rules (`de` in `Staffan de Mistura`).
    func isParticle(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && t.end - t.start <= 5 && rules.nameParticles.contains(t.lower(b))
    }

    /// The index in `words` where the personal name begins: after the last title or role,
    /// `of`, possessive (`the Post’s Chris Cillizza`), dotted abbreviation (`U.S.`) or
    /// lower-case word that is not a name particle. One rule for names read from tokens and
    /// from the document's name index.
    func nameStart(_ words: [String]) -> Int {
        // `Democratic National Committee`, `State Department`: an organisation's name is whole.
        if words.count >= 2, let last = words.last, UTF8Text.startsUppercase(last),
           let family = rules.roles[last.lowercased()], family == "organisation" {
            return 0
        }
        var s = 0
        for (i, w) in words.enumerated() {
            let u = w.utf8
            var dots = 0
            for c in u where c == 0x2E { dots += 1 }
            let lower = u.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false
            // Cheap byte tests first; the set lookups only for words that pass them.
            // A sentence-opening word (`When Trump`, `But Sanders`, `Then Dalby`; not a given
            // name such as `Will`) or a cue (`said Comey`) is not part of the name either. A
            // title ends a name's prefix only before another word (`Rep. Peter King`).
            if w == "of" || dots >= 2 || (u.last == 0x2E && u.count > 2) || Self.endsWithPossessiveS(u)
                || (lower && !rules.nameParticles.contains(w))
                || (i < words.count - 1 && titleShapes.may(w) && rules.titles.contains(w))
                || (i < words.count - 1 && isOpenerOrCue(w)) {
                s = i + 1
            }
        }
        // `Defense Ash Carter`: a capitalised role word before a given name is not the name.
        if words.count - s >= 3, rules.firstNames[words[s]] == nil,
           let g = (s + 1..<(words.count - 1)).first(where: { rules.firstNames[words[$0]] != nil }) {
            s = g
        }
        return s
    }

    /// Whether the word ends with `’s` or `'s`, read on its last bytes (in place when the
    /// string's bytes are contiguous, as a native string's are).
    static func endsWithPossessiveS(_ u: String.UTF8View) -> Bool {
        if let found = u.withContiguousStorageIfAvailable({ b -> Bool in
            let n = b.count
            guard n >= 2, b[n - 1] == 0x73 else { return false }
            if b[n - 2] == 0x27 { return true }
            return n >= 4 && b[n - 2] == 0x99 && b[n - 3] == 0x80 && b[n - 4] == 0xE2
        }) {
            return found
        }
        var tail: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)  // the last four bytes
        for c in u { tail = (tail.1, tail.2, tail.3, c) }
        guard tail.3 == 0x73 else { return false }
        return tail.2 == 0x27 || (tail.0 == 0xE2 && tail.1 == 0x80 && tail.2 == 0x99)
    }

    /// A function word (not a given name: `Will`), pronoun or cue written with a capital: it
    /// opens a sentence or introduces a name (`When`, `But`, `Said`), not part of one. The
    /// word shapes answer most words without building the lower-case form.
    private func isOpenerOrCue(_ w: String) -> Bool {
        let function = functionShapes.may(w), cue = cueShapes.may(w)
        guard function || cue else { return false }
        let folded = w.lowercased()
        if function, rules.pronouns[folded] != nil || (rules.functionWords[folded] != nil && rules.firstNames[w] == nil) { return true }
        return cue && rules.cueVerbs[folded] != nil && rules.firstNames[w] == nil  // not `Hope Hicks`
    }

    /// A word that can be part of a name: capitalised, not a pronoun or a cue.
    func isNameWord(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && t.capitalized && !isPronoun(t, b) && wordClass(t, b) == nil
    }

    /// A short paragraph that starts like a boilerplate line (`rules/boilerplate.tsv`).
    func isBoilerplate(_ b: [UInt8], _ p: ByteRange) -> Bool {
        p.count < 200 && startsWithBoilerplate(b, p)
    }

    /// Whether the text at `p` starts with a boilerplate prefix, whatever its length.
    func startsWithBoilerplate(_ b: [UInt8], _ p: ByteRange) -> Bool {
        let end = min(p.end, p.start + 40)
        if let prefixes = boilerplateBytes {
            // The ASCII run the text opens with (no `\r`, which would join the next character):
            // each of its bytes is a character, lower-cased alone. A prefix shorter than the run
            // (the character after it ASCII, so a character ends there), or any prefix when the
            // run is closed (the text all ASCII, or a curly mark next), is a prefix of the string
            // exactly when it is one of the bytes.
            var run = p.start
            while run < end && b[run] < 0x80 && b[run] != 0x0D { run += 1 }
            let ascii = run - p.start
            // A curly quotation mark or apostrophe after the run (`Trump’s`, U+2018–U+201D) is a
            // character of its own that lower-cases to itself: no ASCII prefix reaches past it.
            let closed = run == end || (run + 2 < end && b[run] == 0xE2 && b[run + 1] == 0x80 && b[run + 2] >= 0x98 && b[run + 2] <= 0x9D)
            var undecided = false
            for w in prefixes {
                guard w.count < ascii || closed else { undecided = true; continue }
                if w.count <= ascii && w.indices.allSatisfy({ k in WordShapes.fold(b[p.start + k]) == w[k] }) { return true }
            }
            if !undecided { return false }
            // Opening with punctuation (`“`, `—`, `«`): a character no ASCII prefix can start,
            // lower-cased or not.
            let first = UTF8Text.scalar(at: p.start, in: b).0.value
            if (0x2010...0x205F).contains(first) || (0xA1...0xBF).contains(first) {
                return prefixes.contains { $0.isEmpty }
            }
        }
        let head = String(decoding: b[p.start..<end], as: UTF8.self).lowercased()
        return rules.boilerplate.contains { head.hasPrefix($0) }
    }
}

/// A set of (first byte folded to lower case, length in bytes) pairs: a cheap filter that
/// answers "certainly not in the word list" without building a string.
struct WordShapes {
    private var bits = [UInt64](repeating: 0, count: 256)
    /// The words' (first, second, last) bytes folded, hashed to one bit of 65,536 (a token's
    /// folded form has its bytes folded there, and `'` for a final `’`); the second is 0 in a
    /// word of one byte. A first byte in ``loose`` has a word whose second or last byte is
    /// beyond ASCII (equal, canonically, to more than its bytes say): no bit is asked.
    private var triples = [UInt64](repeating: 0, count: 1024)
    private var loose = [Bool](repeating: false, count: 256)

    init(_ words: [String]) {
        for w in words {
            guard let f = w.utf8.first, let l = w.utf8.last else { continue }
            bits[Int(Self.fold(f))] |= 1 << UInt64(min(w.utf8.count, 63))
            let s = w.utf8.count >= 2 ? w.utf8[w.utf8.index(after: w.utf8.startIndex)] : 0
            if s >= 0x80 || l >= 0x80 {
                loose[Int(Self.fold(f))] = true
            } else {
                let k = Self.triple(Self.fold(f), Self.fold(s), Self.fold(l))
                triples[k >> 6] |= 1 << UInt64(k & 63)
            }
        }
    }

    @inline(__always)
    static func fold(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    @inline(__always)
    private static func triple(_ f: UInt8, _ s: UInt8, _ l: UInt8) -> Int {
        Int(((UInt32(f) << 16 | UInt32(s) << 8 | UInt32(l)) &* 0x9E37_79B1) >> 16)
    }

    /// False when no word of the list has this word's first byte and length.
    @inline(__always)
    func may(_ w: String) -> Bool {
        guard let f = w.utf8.first else { return false }
        let length = min(w.utf8.count, 63)
        let mask: UInt64 = (1 << UInt64(length)) | (length >= 2 ? 1 << UInt64(length - 2) : 0)
        return bits[Int(Self.fold(f))] & mask != 0
    }

    /// False when no word of the list has this token's first byte and length, or its first,
    /// second and last characters (when the bytes tell them).
    @inline(__always)
    func may(_ t: Token, _ b: [UInt8]) -> Bool {
        let length = min(t.end - t.start, 63)
        // ’ is three bytes where the lists write ': allow for it.
        let mask: UInt64 = (1 << UInt64(length)) | (length >= 2 ? 1 << UInt64(length - 2) : 0)
        let first = Self.fold(b[t.start])
        guard bits[Int(first)] & mask != 0 else { return false }
        // The second and last characters, when the bytes tell them: ASCII (lower-cased alone)
        // or a final `’` (read as '); another character may lower-case to anything.
        guard t.end > t.start, !loose[Int(first)] else { return true }
        var second: UInt8 = 0
        if t.end - t.start >= 2 {
            second = b[t.start + 1]
            guard second < 0x80 else { return true }
        }
        var last = b[t.end - 1]
        if last >= 0x80 {
            guard t.end - t.start >= 3, last == 0x99, b[t.end - 2] == 0x80, b[t.end - 3] == 0xE2 else { return true }
            last = 0x27
        }
        let k = Self.triple(first, Self.fold(second), Self.fold(last))
        return triples[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}

extension RuleSet.WordClass {
    /// A determiner or quantifier: it opens a noun phrase (`the senator`, `some aides`).
    var opensPhrase: Bool { self == .determiner || self == .quantifier }
}
