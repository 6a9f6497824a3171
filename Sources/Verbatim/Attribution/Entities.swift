/// The people a document mentions, read from its capitalised runs (``NameIndex``), for
/// resolving pronouns and descriptions to a name.
///
/// A run is a person when its name starts with a given name from `rules/first-names.tsv`,
/// or it carries a title or honorific (`Secretary Kerry`, `Mr. Trump`), or its surname is
/// named in full elsewhere in the document as a person, or it is the subject of a speech cue
/// (`Carter said`). A person's gender comes from the given name or the honorific; its roles
/// (``NameIndex/roles(of:)``) from the titles of the run (`Russian Foreign Minister`), the
/// words just before it (`the former assistant Jane Doe`, `US Secretary of State`) and an
/// appositive after it (`Yuri Barmin, an expert at …,`).
struct PersonMention {
    /// Where the run starts and ends.
    var range: ByteRange
    /// The fullest name the document gives.
    var name: String
    var gender: RuleSet.Gender?
    /// The run opens a clause and a verb follows (`Carter said`, `Kerry hopes`): salient.
    var subject: Bool
    /// The words of the run before the name (titles), for ``NameIndex/roles(of:)``.
    var titles: [String]
}

extension NameIndex {
    /// The person run `r` names, or nil when it is no person (`Syria`, `the White House`);
    /// made once per run.
    func person(_ r: Int) -> PersonMention? {
        if let known = cache.runs[r].person { return known }
        let p = makePerson(r)
        cache.runs[r].person = p
        return p
    }

    private func makePerson(_ r: Int) -> PersonMention? {
        // A word alone is a person only as the surname of a longer name or the subject of a
        // cue: checked on bytes first, since most capitalised words are neither.
        if isLoneWord(r) && !endsSomeName(r) && !lowerCaseWordFollows(r) { return nil }
        if isLoneWord(r) {
            // `The`, `But`, `He`: a capitalised function word or pronoun is nobody. An ASCII
            // word is looked up on its bytes (lower-casing ASCII is folding bytes).
            let w = lastWord(of: r)
            if bytes[w.start..<w.end].allSatisfy({ $0 < 0x80 }) {
                let token = Token(start: w.start, end: w.end, kind: .word, capitalized: true)
                if lexicon.wordClass(token, bytes) != nil || lexicon.isPronoun(token, bytes) { return nil }
            } else {
                let lower = String(decoding: bytes[w.start..<w.end], as: UTF8.self).lowercased()
                if lexicon.rules.functionWords[lower] != nil || lexicon.rules.pronouns[lower] != nil { return nil }
            }
        }
        let texts = texts(of: r)
        let span = span(of: r)
        let start = min(lexicon.nameStart(texts), texts.count)
        var core = Array(texts[start...])
        if core.isEmpty { return nil }
        if core.count > 4 { core = Array(core.suffix(3)) }
        if lexicon.rules.nameParticles.contains(core[0]) && core.count == 1 { return nil }
        let titles = Array(texts[..<start])
        var gender: RuleSet.Gender?
        for title in titles where gender == nil { gender = lexicon.honorificGender(title) }
        var name = core.joined(separator: " ")
        var isPerson = !titles.isEmpty && titles.contains { lexicon.rules.titles.contains($0) }
        if core.count == 1 {
            // A surname alone: the fullest form of it in the document.
            if let full = fullestName(ending: lastWord(of: r), near: span.start), full.hasSuffix(name), full.count > name.count {
                name = full
            }
        }
        if let first = Self.firstWord(name), let g = lexicon.rules.firstNames[first] {
            isPerson = true
            if gender == nil || gender == .any { gender = g }
        }
        if gender != nil { isPerson = true }
        // `Carter said`: a name that is the subject of a cue, and no place.
        if !isPerson, lexicon.rules.places[name] == nil, let next = wordAfter(span.end),
           lexicon.rules.cueVerbs[next]?.cueClass == .speech || lexicon.rules.cueVerbs[next]?.cueClass == .writing {
            isPerson = true
        }
        guard isPerson else { return nil }
        if gender == nil || gender == .any { gender = genderFromText(after: span.end) ?? gender }
        return PersonMention(range: span, name: name, gender: gender, subject: opensClause(span), titles: titles)
    }

    /// The gender the document itself gives a person: the first `he`/`his`/`him` or
    /// `she`/`her` within 150 bytes after the mention, when no other capitalised word (another
    /// possible antecedent) comes first, sentence openers aside (`Kovi, who chaired the
    /// sessions, said he …`).
    func genderFromText(after position: Int) -> RuleSet.Gender? {
        var i = position
        let end = min(bytes.count, position + 150)
        var sentenceStart = false
        while i < end {
            let c = bytes[i]
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x0A { sentenceStart = true; i += 1; continue }
            guard Self.isWordByte(c) && c != 0x2E && c != 0x27 && c != 0x2D else { i += 1; continue }
            var e = i
            while e < end && Self.isWordByte(bytes[e]) && bytes[e] != 0x2E { e += 1 }
            // Personal pronouns are two or three letters: only those are looked up.
            if e - i >= 2 && e - i <= 3, let p = lexicon.rules.pronouns[String(decoding: bytes[i..<e], as: UTF8.self).lowercased()],
               !p.plural, p.gender == .male || p.gender == .female {
                return p.gender
            }
            if c >= 0x41 && c <= 0x5A && !sentenceStart { return nil }  // another name first
            sentenceStart = false
            i = e
        }
        return nil
    }

    /// A verb-like lower-case word follows the run, and no preposition stands before it.
    private func opensClause(_ span: ByteRange) -> Bool {
        var i = span.end
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        if i < bytes.count, bytes[i] == 0x2C,
           (wordAfter(i + 1).flatMap { lexicon.rules.functionWords[$0] }.map { $0 == .relative || $0.opensPhrase } ?? false)
            || ageAfter(i + 1) {
            // `Dr. Anselm Kovi, who chaired the sessions, was …`, `Yuri Barmin, an expert …, told`,
            // `Grecco, 54, had been`:
            // a subject with its appositive, when it opens the sentence or follows another.
            return bytes.withUnsafeBufferPointer { Self.opensSentence($0, span.start) } || wordBefore(span.start) == nil
                || (span.start >= 2 && bytes[span.start - 2] == 0x2C)
        }
        guard i < bytes.count, bytes[i] >= 0x61 && bytes[i] <= 0x7A else { return false }
        var e = i
        while e < bytes.count && bytes[e] >= 0x61 && bytes[e] <= 0x7A { e += 1 }
        let next = String(decoding: bytes[i..<e], as: UTF8.self)
        if let c = lexicon.rules.functionWords[next], c != .modifier { return false }
        if let before = wordBefore(span.start), let c = lexicon.rules.functionWords[before.lowercased()],
           c == .preposition || c == .determiner {
            return false
        }
        return true
    }

    /// Whether an age in commas starts just after `position` (skipping spaces): `Grecco, 54,`.
    private func ageAfter(_ position: Int) -> Bool {
        var i = position
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        var e = i
        while e < bytes.count && e - i < 3 && bytes[e] >= 0x30 && bytes[e] <= 0x39 { e += 1 }
        return e > i && e < bytes.count && bytes[e] == 0x2C
    }

    /// The lower-case word that starts just after `position` (skipping spaces), if any.
    private func wordAfter(_ position: Int) -> String? {
        var i = position
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        var e = i
        while e < bytes.count && e - i < 20 && bytes[e] >= 0x61 && bytes[e] <= 0x7A { e += 1 }
        return e > i ? String(decoding: bytes[i..<e], as: UTF8.self) : nil
    }

    /// The word that ends just before `position` (skipping spaces), if any.
    private func wordBefore(_ position: Int) -> String? {
        var e = position
        while e > 0 && bytes[e - 1] == 0x20 { e -= 1 }
        var s = e
        while s > 0 && e - s < 30, Self.isWordByte(bytes[s - 1]) { s -= 1 }
        return s < e ? String(decoding: bytes[s..<e], as: UTF8.self) : nil
    }

    /// The role families and places of person `p`, the person of run `r`, from its
    /// ``roles(of:)``. Computed only when a description asks, once per run.
    func profile(of r: Int, _ p: PersonMention) -> RoleProfile {
        if let known = cache.runs[r].profile { return known }
        let profile = lexicon.profile(roles(of: p))
        cache.runs[r].profile = profile
        return profile
    }

    /// Role words, lower case, in text order: up to five words right before the run (`of`
    /// included, other function words end them), the run's titles, and an appositive after it
    /// (`, an expert at the Russian International Affairs Council,`).
    func roles(of p: PersonMention) -> [String] {
        let titles = p.titles, span = p.range
        // Before: `the former assistant`, `Russian foreign minister`, `US Secretary of State`.
        var e = span.start
        var before: [String] = []
        // `The envoy, Dr. Anselm Kovi,`: a description set before the name by a comma.
        var b0 = e
        while b0 > 0 && bytes[b0 - 1] == 0x20 { b0 -= 1 }
        if b0 > 0 && bytes[b0 - 1] == 0x2C { e = b0 - 1 }
        for _ in 0..<5 {
            var s = e
            while s > 0 && bytes[s - 1] == 0x20 { s -= 1 }
            let wordEnd = s
            while s > 0 && wordEnd - s < 30, Self.isWordByte(bytes[s - 1]) { s -= 1 }
            guard s < wordEnd else { break }
            let w = String(decoding: bytes[s..<wordEnd], as: UTF8.self)
            if w != "of", lexicon.rules.functionWords[w.lowercased()] != nil { break }
            before.append(Self.role(w))
            e = s
        }
        var out = before.reversed() + titles.map { Self.role($0) }
        // After: `, a/an/the … ,` within 120 bytes.
        var i = span.end
        if i < bytes.count, bytes[i] == 0x2C {
            i += 1
            let limit = min(bytes.count, i + 120)
            var words: [String] = []
            var s = i
            while i < limit {
                let c = bytes[i]
                if c == 0x2C || c == 0x2E || c == 0x0A { break }
                if c == 0x20 {
                    if i > s { words.append(String(decoding: bytes[s..<i], as: UTF8.self)) }
                    s = i + 1
                }
                i += 1
            }
            if i > s && i < limit { words.append(String(decoding: bytes[s..<i], as: UTF8.self)) }
            if let head = words.first?.lowercased(), lexicon.rules.functionWords[head]?.opensPhrase == true {
                out += words.dropFirst().map { Self.role($0) }
            }
        }
        return out
    }

    /// The first word of a name of two or more words (before its first space), else nil.
    static func firstWord(_ name: String) -> String? {
        guard let space = name.utf8.firstIndex(of: 0x20) else { return nil }
        return String(name[..<space])
    }

    /// Foundation's `capitalized`, made directly for a word of lower-case ASCII letters
    /// (the first one in upper case, as Foundation makes it).
    static func capitalized(_ w: String) -> String {
        guard let first = w.utf8.first, first >= 0x61 && first <= 0x7A, w.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return w.capitalized
        }
        var bytes = Array(w.utf8)
        bytes[0] -= 0x20
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A word as a role: lower case, without a possessive ending.
    static func role(_ w: String) -> String { withoutPossessive(w).lowercased() }

    static func withoutPossessive(_ w: String) -> String {
        if Lexicon.endsWithPossessiveS(w.utf8) { return String(w.dropLast(2)) }
        return w
    }
}

extension Lexicon {
    /// The gender an honorific gives (`Mr.` male, `Ms.` female), from the rules.
    func honorificGender(_ word: String) -> RuleSet.Gender? {
        rules.honorifics[word]
    }

    /// Whether `they` can mean a speaker of this name: joint speakers (`Kerry and Lavrov`), a
    /// plural role in lower case (`officials`, `some analysts`) or an organisation (`the
    /// campaign`, `State Department`, from the `organisation` family of `rules/roles.tsv`).
    func isGroup(_ name: String) -> Bool {
        if UTF8Text.contains(name, ascii: " and ") { return true }
        let tail = name.utf8.lastIndex(of: 0x20).map { name[name.utf8.index(after: $0)...] } ?? name[...]
        let last = NameIndex.role(String(tail))
        if rules.roles[last] == "organisation" { return true }
        // A plural noun of the roles (`officials`, `analysts`), in lower case: `Sanders` is one man.
        guard UTF8Text.startsLowercase(name) else { return false }
        return rules.roles[last] != nil && isPluralRole(last)
    }

    /// Whether a description can refer back to a person named before: it is definite (`the
    /// envoy`, `Washington’s top diplomat`; not `a source`, `his spokesman`, `two countries`),
    /// its head is singular, and its role family is one a single person holds (not an
    /// organisation, a document, people in general or an anonymous source of `rules/roles.tsv`).
    func refersToKnownPerson(_ words: [String]) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        let opener = first.lowercased()
        let definite = opener == "the" || opener == "this" || opener == "that"
            || (words.count >= 2 && Self.endsWithPossessiveS(first.utf8) && UTF8Text.startsUppercase(first))
        guard definite else { return false }
        if isPluralRole(NameIndex.role(last)) { return false }
        if let family = describe(words)?.family, rules.phraseWords.impersonalFamilies.contains(family) { return false }
        return true
    }


    /// Whether a person of gender `g` can be meant by a pronoun of gender `p`.
    func compatible(_ g: RuleSet.Gender?, _ p: RuleSet.Gender) -> Bool {
        guard let g, g != .any, p != .any else { return true }
        return g == p
    }

    /// The family and place of a description (`Washington’s top diplomat` → `diplomacy`,
    /// `us`): its head noun (or two-word role) looked up in `rules/roles.tsv`, and any word
    /// of it in `rules/places.tsv`.
    func describe(_ words: [String]) -> (family: String, place: String?)? {
        let lower = words.map { NameIndex.role($0) }
        guard let head = lower.last else { return nil }
        var family = rules.roles[head]
        if lower.count >= 2, let f = rules.roles[lower[lower.count - 2] + " " + head] { family = f }
        if lower.count >= 3, let f = rules.roles[lower.suffix(3).joined(separator: " ")] { family = f }
        guard let family else { return nil }
        var place: String?
        for w in words where place == nil {
            let bare = NameIndex.withoutPossessive(w)
            // An ASCII word keeps its first letter and length in either case: its shape rules most out.
            guard !bare.utf8.allSatisfy({ $0 < 0x80 }) || placeShapes.may(bare) else { continue }
            place = rules.places[bare] ?? rules.places[NameIndex.capitalized(NameIndex.role(bare))]
        }
        return (family, place)
    }

    /// What an entity introduced with `roles` can be described as: the families of its role
    /// words and of every two and three words in a row, and the countries of its words
    /// written capitalised or in upper case.
    func profile(_ roles: [String]) -> RoleProfile {
        var profile = RoleProfile(words: Set(roles))
        for (i, r) in roles.enumerated() {
            if let f = rules.roles[r] { profile.families.insert(f) }
            // Phrases only from words shaped like the first word of a role of several words.
            if roleHeadShapes.may(r) {
                if i + 1 < roles.count, let f = rules.roles[r + " " + roles[i + 1]] { profile.families.insert(f) }
                if i + 2 < roles.count, let f = rules.roles[r + " " + roles[i + 1] + " " + roles[i + 2]] { profile.families.insert(f) }
            }
            // An ASCII word keeps its first letter and length in either case: its shape rules most out.
            if !r.utf8.allSatisfy({ $0 < 0x80 }) || placeShapes.may(r),
               let p = rules.places[NameIndex.capitalized(r)] ?? rules.places[r.uppercased()] {
                profile.places.insert(p)
            }
        }
        return profile
    }
}

/// The role families (`rules/roles.tsv`) and countries (`rules/places.tsv`) an entity was
/// introduced with (``Lexicon/profile(_:)``).
struct RoleProfile {
    var families: Set<String> = []
    var places: Set<String> = []
    /// The role words themselves (`u.n.`, `special`, `envoy`), lower case.
    var words: Set<String> = []

    /// What two mentions of one entity were introduced with, together.
    mutating func formUnion(_ other: RoleProfile) {
        families.formUnion(other.families)
        places.formUnion(other.places)
        words.formUnion(other.words)
    }

    /// Whether the entity fits a description of this family and place.
    func fits(family: String, place: String?) -> Bool {
        families.contains(family) && (place.map { places.contains($0) } ?? true)
    }
}
