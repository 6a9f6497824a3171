/// Turns the speaker phrases of a document's attributions into resolved speakers.
///
/// - A name loses its titles and roles (`U.S. Secretary of State John Kerry` → `John Kerry`);
///   a surname alone takes the fullest form of that name in the document, the nearest one
///   before it first (`Lavrov` → `Sergei Lavrov`, `Clinton` → the Clinton named last). Joint
///   speakers (`Kerry and Lavrov`) resolve each name.
/// - `he` / `she` take the nearest person of that gender (``NameIndex/person(_:)``: given
///   names, honorifics, titles) that opens a clause, walking back over the people mentioned
///   outside quotations and the speakers found so far; `they` the last group that spoke
///   (joint speakers, `officials`, `the campaign`) within 2,000 bytes; other singular
///   pronouns the last speaker.
/// - A description (`the Russian foreign minister`, `Washington’s top diplomat`) takes the
///   nearest person introduced with a role of the same family (`rules/roles.tsv`) and, when
///   it names one, the same country (`rules/places.tsv`); else it keeps its words.
/// - `confidence` is the sieve's, lowered for pronouns and descriptions by ``nearness(_:)``.
/// `entity` is ``EntityID/make(_:)`` of the name: the same for the same name everywhere
/// (aliases from `rules/aliases.tsv`); descriptions and unresolved pronouns get ids scoped to
/// their document.
final class SpeakerResolver {
    let lexicon: Lexicon
    private let ids: EntityID

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        ids = EntityID(aliases: lexicon.rules.aliases, nicknames: lexicon.rules.nicknames)
    }

    func resolve(_ drafts: [DraftAttribution], in document: Document) -> [Attribution] {
        let b = document.bytes
        var fullNames: [String: String] = [:]
        var index: NameIndex?
        func names() -> NameIndex {
            if index == nil { index = NameIndex(b, lexicon: lexicon) }
            return index!
        }
        /// Speakers found so far, in text order: where they were mentioned, name and gender.
        var events: [(position: Int, name: String, gender: RuleSet.Gender?)] = []
        /// Speakers found so far that `they` can mean: joint speakers, groups, organisations.
        var groups: [(position: Int, name: String, entity: String)] = []
        /// Per word asked: whether the text writes it in lower case (at most 32 words a
        /// document are looked for; past them, a word is taken as a name).
        var lowercase: [String: Bool] = [:]
        func writesInLowerCase(_ word: String) -> Bool {
            if let known = lowercase[word] { return known }
            guard lowercase.count < 32 else { return false }
            let found = Self.writesInLowerCase(Array(word.utf8), in: b)
            lowercase[word] = found
            return found
        }
        var out: [Attribution] = []
        out.reserveCapacity(drafts.count)
        // Speaker mentions in text order, so pronouns look back at what came before.
        for d in drafts {
            var speaker: Speaker?
            if let sp = d.speaker {
                let mention = sp.range
                /// The mention's own words, with an id scoped to this document (`officials`, `they`).
                func unresolved(_ text: String, _ resolution: Resolution, _ confidence: Double) -> Speaker {
                    Speaker(mention: mention, name: text, entity: ids.scoped(text, in: document.id),
                            resolution: resolution, confidence: confidence)
                }
                switch sp.kind {
                case .name where sp.tokens.contains { $0.text(b) == "and" }:
                    // Joint speakers: each name resolved, joined by `and`; one id per pair.
                    let parts = sp.tokens.split { $0.text(b) == "and" }.map { part in
                        resolveName(Array(part), document, &fullNames, &index, b)
                    }
                    let name = parts.joined(separator: " and ")
                    let entity = parts.map { ids.make($0) }.joined(separator: "+")
                    speaker = Speaker(mention: mention, name: name, entity: entity, resolution: d.resolution, confidence: d.confidence)
                    groups.append((mention.start, name, entity))
                case .name:
                    // A transcript label (`MINISTER REYNE`) is upper case: read as a name.
                    let name = d.resolution == .transcript ? TranscriptTurns.name(label: document.string(mention), lexicon: lexicon)
                        : resolveName(sp.tokens, document, &fullNames, &index, b)
                    // One capitalised word that names no one longer here and that the text also
                    // writes in lower case (`Critics said`, `Poll: …`, `Analysts say`) is a common
                    // noun opening its sentence: a description of this document, not a name.
                    if d.resolution != .transcript, sp.tokens.count == 1, !name.contains(" "),
                       Self.opensSentence(mention.start, b), Self.isASCIILetters(name), writesInLowerCase(name.lowercased()) {
                        let s = unresolved(name, d.resolution == .explicit ? .descriptor : d.resolution, d.confidence * 0.8)
                        speaker = s
                        if lexicon.isGroup(name) { groups.append((mention.start, name, s.entity)) }
                        break
                    }
                    let entity = ids.make(name)
                    speaker = Speaker(mention: mention, name: name, entity: entity, resolution: d.resolution, confidence: d.confidence)
                    // Unknown given names take the gender the document gives (`Zorvan Dalby said he`).
                    let g = gender(of: name, sp.tokens, b) ?? names().genderFromText(after: mention.end)
                    events.append((mention.start, name, g))
                    if lexicon.isGroup(name) { groups.append((mention.start, name, entity)) }
                case .pronoun:
                    let text = document.string(mention)
                    guard let pronoun = lexicon.rules.pronouns[text.lowercased()] else {
                        speaker = unresolved(text, .pronoun, 0.3)
                        break
                    }
                    if pronoun.gender == .male || pronoun.gender == .female {
                        // `he` / `she`: the most salient person of that gender before it.
                        if let (name, at) = antecedent(of: mention.start, gender: pronoun.gender, document, names(), events) {
                            speaker = Speaker(mention: mention, name: name, entity: ids.make(name), resolution: .pronoun,
                                              confidence: d.confidence * 0.9 * Self.nearness(mention.start - at))
                            events.append((mention.start, name, pronoun.gender))
                        } else {
                            speaker = unresolved(text, .pronoun, 0.3)
                        }
                    } else if pronoun.plural {
                        // `they`: the last group that spoke, if it spoke shortly before (not `we`).
                        if pronoun.gender != .neuter, pronoun.subject, text.lowercased() != "we", let g = groups.last,
                           mention.start - g.position <= 2_000 {
                            speaker = Speaker(mention: mention, name: g.name, entity: g.entity, resolution: .pronoun,
                                              confidence: d.confidence * 0.8 * Self.nearness(mention.start - g.position))
                        } else {
                            speaker = unresolved(text, .pronoun, 0.3)
                        }
                    } else {
                        // `I`, `you`: the last speaker, or a name that opens a sentence after it
                        // (`Tomas Reyne struck a warmer tone. “…,” I said`).
                        if let (position, opener) = names().subject(before: mention.start),
                           events.last.map({ position > $0.position }) ?? true {
                            events.append((position, opener, nil))
                        }
                        if let last = events.last {
                            speaker = Speaker(mention: mention, name: last.name, entity: ids.make(last.name), resolution: .pronoun,
                                              confidence: d.confidence * 0.9)
                        } else {
                            speaker = unresolved(text, .pronoun, 0.3)
                        }
                    }
                case .description:
                    let text = document.string(ByteRange(sp.tokens[0].start, sp.tokens[sp.tokens.count - 1].end))
                    // `the Russian foreign minister`: the person introduced with that role. Only a
                    // definite description of one person refers back (`a monitoring group`, `a
                    // source`, `two countries`, `the delegation` name someone new, or no person).
                    let words = lexicon.roleWords(sp.tokens.map { $0.text(b) })
                    if lexicon.refersToKnownPerson(words), let (family, place) = lexicon.describe(words),
                       let person = described(before: mention.start, family: family, place: place, words: words, names()) {
                        speaker = Speaker(mention: mention, name: person.name, entity: ids.make(person.name), resolution: .descriptor,
                                          confidence: d.confidence * 0.85 * Self.nearness(mention.start - person.range.start))
                        events.append((mention.start, person.name, person.gender))
                        break
                    }
                    // `both leaders`, `the two ministers`: the last two people who spoke or were
                    // spoken of, as joint speakers.
                    if let pair = pairDescribed(words, before: mention.start, document, names()) {
                        let entity = pair.map { ids.make($0) }.joined(separator: "+")
                        let name = pair.joined(separator: " and ")
                        speaker = Speaker(mention: mention, name: name, entity: entity, resolution: .descriptor,
                                          confidence: d.confidence * 0.7)
                        groups.append((mention.start, name, entity))
                        break
                    }
                    // A description names someone in this document only (`officials`, `the senator`).
                    let s = unresolved(text, d.resolution == .explicit ? .descriptor : d.resolution, d.confidence * 0.8)
                    speaker = s
                    if lexicon.isGroup(text) { groups.append((mention.start, text, s.entity)) }
                }
            }
            out.append(Attribution(kind: d.kind, spans: d.spans, inner: d.inner, speaker: speaker, cue: d.cue, claim: nil))
        }
        return out
    }

    /// The two people a `both …` / `the two …` description of people means: of the people
    /// named (outside quotations) in the 3,000 bytes before it, the two named most often so far
    /// (the nearer on a tie), in text order.
    private func pairDescribed(_ words: [String], before position: Int, _ document: Document, _ index: NameIndex) -> [String]? {
        let lower = words.map { $0.lowercased() }
        let phrase = lexicon.rules.phraseWords
        guard lower.count >= 2, let head = lower.last, lexicon.isPluralRole(head) || phrase.personPlurals.contains(head),
              phrase.pairOpeners.contains(where: { $0.count < lower.count && Array(lower.prefix($0.count)) == $0 }) else { return nil }
        var order: [String] = []            // nearest first
        var count: [String: Int] = [:]
        var last: [String: Int] = [:]
        for r in index.runs(before: position, limit: 120, reach: 20_000) {
            let start = index.span(of: r).start
            guard !document.insideQuotation(start), let p = index.person(r) else { continue }
            count[p.name, default: 0] += 1
            if position - start <= 3_000, last[p.name] == nil { order.append(p.name); last[p.name] = start }
        }
        guard order.count >= 2 else { return nil }
        let top = order.enumerated().sorted { (count[$0.element]!, -$0.offset) > (count[$1.element]!, -$1.offset) }.prefix(2).map(\.element)
        return top.sorted { last[$0]! < last[$1]! }
    }

    /// The resolved name of a name phrase: titles stripped, a surname alone completed, a
    /// variant of `rules/aliases.tsv` written as its canonical name (`US` → `United States`).
    private func resolveName(_ tokens: [Token], _ document: Document, _ fullNames: inout [String: String],
                             _ index: inout NameIndex?, _ b: [UInt8]) -> String {
        let core = coreName(tokens, b)
        var name = core.map { $0.text(b) }.joined(separator: " ")
        // `Sanders’ comments`: the possessive mark is not part of the name.
        while UTF8Text.hasSuffix(name, "’") || UTF8Text.hasSuffix(name, "'") { name.removeLast() }
        let key = name
        let surnameAlone = core.count == 1 || core.dropLast().allSatisfy({ lexicon.isParticle($0, b) })
        if surnameAlone {
            if let full = fullNames[key] { return full }
            if let full = fullestName(surname: core[core.count - 1], document, &index), full.hasSuffix(name), full.count > name.count {
                name = full
            }
        }
        name = lexicon.rules.aliases[name] ?? name
        if surnameAlone { fullNames[key] = name }
        return name
    }

    /// How much a resolution is trusted at `distance` bytes from what it resolves to: 1 next
    /// to it, falling linearly to 0.6 at 5,000 bytes and beyond.
    static func nearness(_ distance: Int) -> Double {
        max(0.6, 1 - 0.4 * Double(max(0, distance)) / 5_000)
    }

    /// The gender of a speaker's name: its given name or an honorific among its words.
    private func gender(of name: String, _ tokens: [Token], _ b: [UInt8]) -> RuleSet.Gender? {
        // Honorifics are short capitalised words (`Mr.`, `Ms`, `Dame`): only those are looked up.
        for t in tokens where t.capitalized && t.end - t.start <= 14 {
            if let g = lexicon.honorificGender(t.text(b)) { return g }
        }
        guard let first = NameIndex.firstWord(name) else { return nil }
        return lexicon.rules.firstNames[first]
    }

    /// The person a `he` / `she` at `position` means: walking back over the people mentioned
    /// (outside quotations) and the speakers found so far, the nearest compatible one that
    /// opens a clause, else the nearest compatible one. Reads at most 20 runs, 2,000 bytes back.
    private func antecedent(of position: Int, gender: RuleSet.Gender, _ document: Document, _ index: NameIndex,
                            _ events: [(position: Int, name: String, gender: RuleSet.Gender?)]) -> (String, Int)? {
        // Nearest first: the speakers found so far and the people of the runs, merged by
        // position; the first compatible subject ends the walk (few runs are read).
        let recent = events.suffix(8).filter { $0.position < position && lexicon.compatible($0.gender, gender) }
        let e = recent.count - 1
        var nearest: (String, Int)?
        for r in index.runs(before: position, limit: 20, reach: 2_000) {
            let span = index.span(of: r)
            if e >= 0 && recent[e].position >= span.start { return (recent[e].name, recent[e].position) }
            guard !document.insideQuotation(span.start), let p = index.person(r),
                  lexicon.compatible(p.gender, gender) else { continue }
            if p.subject { return (p.name, span.start) }
            if nearest == nil { nearest = (p.name, span.start) }
        }
        if e >= 0 && nearest == nil { return (recent[e].name, recent[e].position) }
        return nearest ?? events.last { lexicon.compatible($0.gender, gender) }.map { ($0.name, $0.position) }
    }

    /// The person before `position` introduced with a role of `family` (and `place`), the
    /// roles of all the mentions of a name counted together (`U.N. Special Envoy Staffan de
    /// Mistura` … `de Mistura told reporters`): of those that fit, the one whose roles share the
    /// most words with the description (`the U.N. envoy`: the U.N.'s envoy before the nearest
    /// diplomat), the nearest on a tie. Reads at most 80 runs, 20,000 bytes back.
    private func described(before position: Int, family: String, place: String?, words: [String],
                           _ index: NameIndex) -> PersonMention? {
        let wanted = Set(words.map { NameIndex.role($0) }.filter { lexicon.rules.functionWords[$0] == nil })
        var order: [String] = []
        var people: [String: (person: PersonMention, profile: RoleProfile)] = [:]
        for r in index.runs(before: position, limit: 80, reach: 20_000) {
            guard let p = index.person(r) else { continue }
            let profile = index.profile(of: r, p)
            if people[p.name] == nil {
                order.append(p.name)
                people[p.name] = (p, profile)
            } else {
                people[p.name]!.profile.formUnion(profile)
            }
        }
        var best: (person: PersonMention, shared: Int)?
        for name in order {
            guard let c = people[name], c.profile.fits(family: family, place: place) else { continue }
            let shared = c.profile.words.intersection(wanted).count
            if best.map({ shared > $0.shared }) ?? true { best = (c.person, shared) }
        }
        return best?.person
    }

    /// The name without the titles and roles before it.
    func coreName(_ tokens: [Token], _ b: [UInt8]) -> [Token] {
        var tokens = tokens
        // `Foreign Minister Tomas Reyne of Velmar`: after a name, `of` starts a place.
        if let of = tokens.firstIndex(where: { $0.text(b) == "of" }), of > 0,
           tokens[..<of].contains(where: { lexicon.isNameWord($0, b) && !lexicon.isTitle($0, b) && b[$0.end - 1] != 0x2E }) {
            tokens = Array(tokens[..<of])
        }
        let s = lexicon.nameStart(tokens.map { $0.text(b) })
        // All titles (`Associated Press`, `White House`): the phrase itself, less an article.
        let bare = Array(tokens.drop { lexicon.wordClass($0, b) != nil })
        let core = s < tokens.count ? Array(tokens[s...]) : (bare.isEmpty ? tokens : bare)
        return core.count > 4 ? Array(core.suffix(3)) : core
    }

    /// The fullest name in the document ending with `surname`: the nearest before it, else
    /// the nearest after it.
    private func fullestName(surname: Token, _ document: Document, _ index: inout NameIndex?) -> String? {
        if index == nil { index = NameIndex(document.bytes, lexicon: lexicon) }
        return index!.fullestName(ending: surname.range, near: surname.start)
    }
}

/// Byte-level tests of the resolver: whether a word of a speaker is a common noun the text
/// also writes in lower case, at the start of a sentence.
extension SpeakerResolver {
    /// Whether the text is one or more ASCII letters.
    static func isASCIILetters(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(UTF8Text.isASCIILetter)
    }

    /// Whether `b` holds `word` (lower-case ASCII letters) as a whole word, written in lower
    /// case: not inside a longer word, and not with another letter, ASCII or not, next to it.
    /// O(length of `b`).
    static func writesInLowerCase(_ word: [UInt8], in b: [UInt8]) -> Bool {
        guard let first = word.first else { return false }
        let n = b.count, m = word.count
        return b.withUnsafeBufferPointer { b in
            var i = 0
            while i + m <= n {
                if b[i] == first, i == 0 || !Self.isLetterByte(b[i - 1]), i + m == n || !Self.isLetterByte(b[i + m]) {
                    var k = 1
                    while k < m && b[i + k] == word[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether what stands before `position` (past spaces) ends a sentence or a line, or opens
    /// a quotation: a word there is capitalised for its place, whatever it is.
    static func opensSentence(_ position: Int, _ b: [UInt8]) -> Bool {
        var k = position - 1
        while k >= 0, b[k] == 0x20 || b[k] == 0x09 { k -= 1 }
        guard k >= 0 else { return true }
        // `.`, `!`, `?`, `:`, a line break, `"`, `-`, or the last byte of `“` / `”` / `—` (0x9C, 0x9D, 0x94).
        return [0x2E, 0x21, 0x3F, 0x3A, 0x0A, 0x0D, 0x22, 0x2D, 0x9C, 0x9D, 0x94].contains(b[k])
    }

    /// An ASCII letter or any byte of a character beyond ASCII (a letter or not: `é`, `’`).
    private static func isLetterByte(_ c: UInt8) -> Bool { c >= 0x80 || UTF8Text.isASCIILetter(c) }
}
