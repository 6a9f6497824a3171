/// The names of one document: every run of two or more capitalised words, by its last word,
/// and the runs that open a sentence (likely subjects, for pronouns).
///
/// Built in one pass over the bytes with no strings made: a run is kept as word ranges and
/// looked up by a hash of its last word. A run becomes a name (titles and roles stripped,
/// `U.S. Secretary of State John Kerry` → `John Kerry`) only when a lookup asks for it.
/// Complexity: O(n) to build; a lookup reads the runs ending with that word.
/// Immutable once built; a class so that passing it to each lookup copies nothing.
final class NameIndex {
    let bytes: [UInt8]
    let lexicon: Lexicon
    /// Word ranges of all runs, flat; a run is `words[first..<first + count]`.
    private let words: [(Int, Int)]
    private let runs: [(position: Int, first: Int, count: Int)]
    /// Runs by the hash of their last word.
    private let byLast: [UInt64: [Int]]
    /// Sentence-opening runs (`.run`) and single capitalised words before a lower-case word
    /// (`.word`, `Reyne struck …`), in text order.
    private let openers: [(position: Int, run: Int, word: (Int, Int)?)]
    /// Names and people of runs already made (lookups read the same runs again and again).
    let cache = RunCache()

    /// What was made of runs so far, by run; a reference so that lookups on a value can fill
    /// it. An outer nil is not made yet.
    final class RunCache {
        /// What was made of one run.
        struct Entry {
            var name: String?? = nil
            var person: PersonMention?? = nil
            /// The role families and places of a person (``NameIndex/profile(of:_:)``).
            var profile: RoleProfile? = nil
        }

        /// By run, in one array: freed with the index by the entry type's own code, not
        /// element by element through generic optional witnesses in three arrays.
        var runs: [Entry] = []
    }

    init(_ bytes: [UInt8], lexicon: Lexicon) {
        self.bytes = bytes
        self.lexicon = lexicon
        (words, runs, byLast, openers) = bytes.withUnsafeBufferPointer { Self.scan($0, lexicon) }
        cache.runs = Array(repeating: RunCache.Entry(), count: runs.count)
    }

    /// The runs of the text: their words, the runs themselves, the runs by last word and the
    /// openers (the stored properties of the same names).
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon)
        -> ([(Int, Int)], [(position: Int, first: Int, count: Int)], [UInt64: [Int]], [(position: Int, run: Int, word: (Int, Int)?)]) {
        var words: [(Int, Int)] = []
        var runs: [(position: Int, first: Int, count: Int)] = []
        var byLast: [UInt64: [Int]] = [:]
        var openers: [(position: Int, run: Int, word: (Int, Int)?)] = []
        let n = b.count
        @inline(__always) func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        @inline(__always) func wordByte(_ c: UInt8) -> Bool { Self.isWordByte(c) }
        var i = 0
        while i < n {
            // Eight bytes at a time while none is an upper-case ASCII letter (a run starts at one).
            if i + 8 <= n, !Self.hasUpper(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            guard isUpper(b[i]), i == 0 || !wordByte(b[i - 1]) else { i += 1; continue }
            let first = words.count
            var j = i
            while true {
                let ws = j
                while j < n && wordByte(b[j]) && !Self.breaksWord(b, j) { j += 1 }
                var we = j
                var ends = false
                // A possessive or a final period ends the name (Kerry’s, … John Kerry.).
                if we - ws > 2 && b[we - 2] == 0x27 && b[we - 1] == 0x73 { we -= 2; ends = true }
                else if we - ws > 4 && b[we - 4] == 0xE2 && b[we - 3] == 0x80 && b[we - 2] == 0x99 && b[we - 1] == 0x73 { we -= 4; ends = true }
                else if we - ws > 1 && b[we - 1] == 0x27 { we -= 1; ends = true }
                else if we - ws > 3 && b[we - 3] == 0xE2 && b[we - 2] == 0x80 && b[we - 1] == 0x99 { we -= 3; ends = true }
                else if we - ws > 3 && b[we - 1] == 0x2E && b[we - 3] != 0x2E && b[we - 2] != 0x2E {
                    // `Kerry.` ends a sentence; `Sen.`, `U.S.` and initials are kept whole.
                    var dotted = false
                    for k in ws..<(we - 1) where b[k] == 0x2E { dotted = true; break }
                    if !dotted && !Self.isAbbreviation(b, ws, we, lexicon) { we -= 1; ends = true }
                }
                words.append((ws, we))
                if ends || words.count - first >= 8 { break }
                // A no-break space joins words like a space (`Sen.\u{A0}Lindsey Graham`).
                if j + 2 < n, b[j] == 0xC2, b[j + 1] == 0xA0, isUpper(b[j + 2]) { j += 2; continue }
                guard j + 1 < n, b[j] == 0x20 else { break }
                if isUpper(b[j + 1]) { j += 1; continue }
                // A lower-case particle inside a name (Staffan de Mistura); `of` ends a run.
                var k = j + 1
                while k < n && b[k] >= 0x61 && b[k] <= 0x7A { k += 1 }
                if k - j <= 6, k + 1 < n, b[k] == 0x20, isUpper(b[k + 1]),
                   lexicon.rules.nameParticles.contains(String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<k]), as: UTF8.self)) {
                    words.append((j + 1, k))
                    j = k + 1
                    continue
                }
                break
            }
            let count = words.count - first
            if count >= 2 {
                let run = runs.count
                runs.append((i, first, count))
                let (ls, le) = words[first + count - 1]
                byLast[Self.hash(b, ls, le), default: []].append(run)
                if Self.opensSentence(b, i) { openers.append((i, run, nil)) }
            } else {
                if Self.opensSentence(b, i), j + 1 < n, b[j] == 0x20, b[j + 1] >= 0x61 && b[j + 1] <= 0x7A {
                    openers.append((i, -1, words[first]))
                }
                // A capitalised word alone (`Carter said`): a mention, not a name of its own
                // (`byLast` holds runs of two or more words only).
                runs.append((i, first, 1))
            }
            i = max(j, i + 1)
        }
        return (words, runs, byLast, openers)
    }

    /// Whether one of the eight bytes of `w` is an ASCII capital (0x41–0x5A). Exact: each byte
    /// is tested on its low seven bits with no carry between bytes, and a byte beyond ASCII
    /// is none.
    @inline(__always)
    static func hasUpper(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = w & (ones &* 0x7F)
        return ((ones &* (127 + 0x5B)) &- low) & ~w & (low &+ ones &* (127 - 0x40)) & (ones &* 0x80) != 0
    }

    // MARK: lookups

    /// The fullest name ending with the word at `word`: the nearest run before `position`,
    /// else the nearest after it. Reads at most 16 runs each way (runs are in text order, so
    /// the nearest is found by binary search): bounded work, however long the document.
    func fullestName(ending word: ByteRange, near position: Int) -> String? {
        let h = bytes.withUnsafeBufferPointer { Self.hash($0, word.start, word.end) }
        guard let list = byLast[h] else { return nil }
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[list[mid]].position < position { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && lo - k <= 16 {
            if sameLastWord(list[k], word), let name = name(of: list[k]) { return name }
            k -= 1
        }
        k = lo
        while k < list.count && k - lo < 16 {
            if sameLastWord(list[k], word), let name = name(of: list[k]) { return name }
            k += 1
        }
        return nil
    }

    /// The nearest person opening a sentence before `position`: (its position, its name).
    func subject(before position: Int) -> (Int, String)? {
        var lo = 0, hi = openers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if openers[mid].position < position { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && lo - k <= 20 {
            let o = openers[k]
            if o.run >= 0 {
                if let name = name(of: o.run) { return (o.position, name) }
            } else if let w = o.word, let name = fullestName(ending: ByteRange(w.0, w.1), near: o.position) {
                // A surname alone, named in full elsewhere in the document.
                return (o.position, name)
            }
            k -= 1
        }
        return nil
    }

    /// The runs (of any length) that start before `position`, nearest first, at most `limit`
    /// of them and none more than `reach` bytes back.
    func runs(before position: Int, limit: Int, reach: Int) -> [Int] {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].position < position { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        var k = lo - 1
        while k >= 0 && out.count < limit && runs[k].position >= position - reach {
            out.append(k)
            k -= 1
        }
        return out
    }

    /// The position of run `r` and the range just after its last word.
    func span(of r: Int) -> ByteRange {
        let run = runs[r]
        return ByteRange(run.position, words[run.first + run.count - 1].1)
    }

    /// The words of run `r`.
    func texts(of r: Int) -> [String] {
        let run = runs[r]
        return words[run.first..<(run.first + run.count)].map { String(decoding: bytes[$0.0..<$0.1], as: UTF8.self) }
    }

    /// Whether run `r` is a single word.
    func isLoneWord(_ r: Int) -> Bool { runs[r].count == 1 }

    /// Whether a run of two or more words ends with the last word of run `r`.
    func endsSomeName(_ r: Int) -> Bool {
        let w = lastWord(of: r)
        let h = bytes.withUnsafeBufferPointer { Self.hash($0, w.start, w.end) }
        return byLast[h] != nil
    }

    /// Whether a lower-case letter follows run `r` after a space (`Carter said`).
    func lowerCaseWordFollows(_ r: Int) -> Bool {
        let e = lastWord(of: r).end
        return e + 1 < bytes.count && bytes[e] == 0x20 && bytes[e + 1] >= 0x61 && bytes[e + 1] <= 0x7A
    }

    /// The range of the last word of run `r`.
    func lastWord(of r: Int) -> ByteRange {
        let run = runs[r]
        let (s, e) = words[run.first + run.count - 1]
        return ByteRange(s, e)
    }

    /// Whether a run's last word is the same text as `word` (the hash may collide).
    private func sameLastWord(_ run: Int, _ word: ByteRange) -> Bool {
        let (ls, le) = words[runs[run].first + runs[run].count - 1]
        return le - ls == word.count && bytes[ls..<le].elementsEqual(bytes[word.start..<word.end])
    }

    /// The name of a run: the words after its last title or dotted abbreviation, two to four
    /// of them, not starting with a particle; nil when the run is no person's name.
    private func name(of run: Int) -> String? {
        if let known = cache.runs[run].name { return known }
        let name = makeName(of: run)
        cache.runs[run].name = name
        return name
    }

    private func makeName(of run: Int) -> String? {
        let r = runs[run]
        let texts = words[r.first..<(r.first + r.count)].map { String(decoding: bytes[$0.0..<$0.1], as: UTF8.self) }
        let core = texts[min(lexicon.nameStart(texts), texts.count)...]
        guard core.count >= 2, core.count <= 4, let head = core.first, !lexicon.rules.nameParticles.contains(head) else { return nil }
        return core.joined(separator: " ")
    }

    // MARK: byte helpers

    /// FNV-1a over bytes[start..<end].
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in start..<end { h = (h ^ UInt64(b[k])) &* 0x100000001b3 }
        return h
    }

    /// A byte of a word as runs read them: ASCII letters and digits, any byte of a multibyte
    /// character, and `. - '` inside names (`U.S.`, `al-Assad`, `O'Brien`).
    @inline(__always)
    static func isWordByte(_ c: UInt8) -> Bool {
        UTF8Text.isASCIIAlnum(c) || c >= 0x80 || c == 0x2E || c == 0x2D || c == 0x27
    }

    /// Whether the byte at `j` starts a no-break space, a curly double quotation mark or a
    /// dash: not part of a word although it is not ASCII.
    @inline(__always)
    static func breaksWord(_ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let c = b[j]
        if c == 0xC2 { return j + 1 < b.count && b[j + 1] == 0xA0 }
        guard c == 0xE2, j + 2 < b.count, b[j + 1] == 0x80 else { return false }
        let d = b[j + 2]
        return d == 0x9C || d == 0x9D || d == 0x93 || d == 0x94
    }

    static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lexicon: Lexicon) -> Bool {
        end - start <= lexicon.tokenizer.longestAbbreviation
            && lexicon.rules.abbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
    }

    /// Whether the word at `i` opens a paragraph or a sentence.
    static func opensSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var p = i - 1
        while p >= 0 && (b[p] == 0x20 || b[p] == 0x09) { p -= 1 }
        if p >= 1 && b[p] == 0xA0 && b[p - 1] == 0xC2 {
            // A no-break space: skip it too (`Kerry said.\u{A0} He stressed`).
            p -= 2
            while p >= 0 && (b[p] == 0x20 || b[p] == 0x09) { p -= 1 }
        }
        return p < 0 || b[p] == 0x0A || b[p] == 0x2E || b[p] == 0x21 || b[p] == 0x3F || b[p] == 0x22
            || (p >= 2 && b[p - 2] == 0xE2 && b[p - 1] == 0x80 && b[p] == 0x9D)
    }
}
