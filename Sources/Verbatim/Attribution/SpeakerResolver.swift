/// Turns the speaker phrases of a document's attributions into resolved speakers.
///
/// - A name loses its titles and roles (`U.S. Secretary of State John Kerry` → `John Kerry`);
///   a surname alone takes the fullest form of that name in the document, the nearest one
///   before it first (`Lavrov` → `Sergei Lavrov`, `Clinton` → the Clinton named last).
/// - A pronoun takes the speaker of the nearest attribution before it that names a person.
/// - A description keeps its words (`the Russian foreign minister`) for now.
/// `entity` is ``EntityID/make(_:)`` of the name: the same for the same name everywhere.
final class SpeakerResolver {
    let lexicon: Lexicon
    private let ids: EntityID

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        ids = EntityID(aliases: lexicon.rules.aliases)
    }

    func resolve(_ drafts: [DraftAttribution], in document: Document) -> [Attribution] {
        let b = document.bytes
        var fullNames: [String: String] = [:]
        var index: NameIndex?
        var lastNamed: (name: String, entity: String)?
        var lastNamedAt = -1
        /// Speakers found so far: where they were mentioned, their name and gender.
        var events: [(position: Int, name: String, gender: RuleSet.Gender?)] = []
        var out: [Attribution] = []
        out.reserveCapacity(drafts.count)
        // Speaker mentions in text order, so pronouns look back at what came before.
        for d in drafts {
            var speaker: Speaker?
            if let sp = d.speaker {
                let mention = sp.range
                switch sp.kind {
                case .name where sp.tokens.contains { $0.text(b) == "and" }:
                    // Joint speakers: each name resolved, joined by `and`; one id per pair.
                    let parts = sp.tokens.split { $0.text(b) == "and" }.map { part in
                        resolveName(Array(part), document, &fullNames, &index, b)
                    }
                    let name = parts.joined(separator: " and ")
                    speaker = Speaker(mention: mention, name: name, entity: parts.map { ids.make($0) }.joined(separator: "+"),
                                      resolution: d.resolution, confidence: d.confidence)
                case .name:
                    // A transcript label (`MINISTER REYNE`) is upper case: read as a name.
                    let name = d.resolution == .transcript ? TranscriptTurns.name(label: document.string(mention), lexicon: lexicon)
                        : resolveName(sp.tokens, document, &fullNames, &index, b)
                    let entity = ids.make(name)
                    speaker = Speaker(mention: mention, name: name, entity: entity, resolution: d.resolution,
                                      confidence: d.confidence)
                    lastNamed = (name, entity)
                    lastNamedAt = mention.start
                    events.append((mention.start, name, gender(of: name, sp.tokens, b)))
                case .pronoun:
                    let text = document.string(mention)
                    let pronoun = lexicon.rules.pronouns[text.lowercased()]
                    if let pronoun, pronoun.gender == .male || pronoun.gender == .female {
                        // `he` / `she`: the most salient person of that gender before it.
                        if index == nil { index = NameIndex(b, lexicon: lexicon) }
                        if let name = antecedent(of: mention.start, gender: pronoun.gender, document, index!, events) {
                            let entity = ids.make(name)
                            speaker = Speaker(mention: mention, name: name, entity: entity, resolution: .pronoun,
                                              confidence: d.confidence * 0.9)
                            events.append((mention.start, name, pronoun.gender))
                            lastNamed = (name, entity)
                            lastNamedAt = mention.start
                        } else {
                            speaker = Speaker(mention: mention, name: text, entity: ids.make(document.id + " " + text, cached: false),
                                              resolution: .pronoun, confidence: 0.3)
                        }
                        break
                    }
                    if pronoun?.plural != true {
                        // The nearest person before the pronoun: the last speaker, or a name that
                        // opens a sentence after it (`Tomas Reyne struck a warmer tone. “…,” he said`).
                        if index == nil { index = NameIndex(b, lexicon: lexicon) }
                        if let (position, name) = index!.subject(before: mention.start),
                           lastNamed == nil || position > lastNamedAt {
                            lastNamed = (name, ids.make(name))
                        }
                    }
                    if let named = lastNamed, lexicon.rules.pronouns[text.lowercased()]?.plural != true {
                        speaker = Speaker(mention: mention, name: named.name, entity: named.entity, resolution: .pronoun,
                                          confidence: d.confidence * 0.9)
                    } else {
                        speaker = Speaker(mention: mention, name: text, entity: ids.make(document.id + " " + text, cached: false),
                                          resolution: .pronoun, confidence: 0.3)
                    }
                case .description:
                    let text = document.string(ByteRange(sp.tokens[0].start, sp.tokens[sp.tokens.count - 1].end))
                    // `the Russian foreign minister`: the person introduced with that role.
                    if let (family, place) = lexicon.describe(sp.tokens.map { $0.text(b) }) {
                        if index == nil { index = NameIndex(b, lexicon: lexicon) }
                        if let person = described(before: mention.start, family: family, place: place, document, index!) {
                            let entity = ids.make(person.name)
                            speaker = Speaker(mention: mention, name: person.name, entity: entity, resolution: .descriptor,
                                              confidence: d.confidence * 0.85)
                            events.append((mention.start, person.name, person.gender))
                            lastNamed = (person.name, entity)
                            lastNamedAt = mention.start
                            break
                        }
                    }
                    // A description names someone in this document only (`officials`, `the senator`).
                    speaker = Speaker(mention: mention, name: text, entity: ids.make(document.id + " " + text, cached: false),
                                      resolution: d.resolution == .explicit ? .descriptor : d.resolution,
                                      confidence: d.confidence * 0.8)
                }
            }
            let kind: AttributionKind = .direct
            out.append(Attribution(kind: kind, spans: d.spans, inner: d.inner,
                                   speaker: speaker, cue: d.cue, claim: nil))
        }
        return out
    }

    /// The resolved name of a name phrase: titles stripped, a surname alone completed.
    private func resolveName(_ tokens: [Token], _ document: Document, _ fullNames: inout [String: String],
                             _ index: inout NameIndex?, _ b: [UInt8]) -> String {
        let core = coreName(tokens, b)
        var name = core.map { $0.text(b) }.joined(separator: " ")
        // `Sanders’ comments`: the possessive mark is not part of the name.
        while name.hasSuffix("’") || name.hasSuffix("'") { name.removeLast() }
        if core.count == 1 || core.dropLast().allSatisfy({ lexicon.isParticle($0, b) }) {
            let key = name
            if let full = fullNames[key] { return full }
            if let full = fullestName(surname: core[core.count - 1], document, &index), full.hasSuffix(name), full.count > name.count {
                name = full
            }
            fullNames[key] = name
        }
        return name
    }

    /// The gender of a speaker's name: its given name or an honorific among its words.
    private func gender(of name: String, _ tokens: [Token], _ b: [UInt8]) -> RuleSet.Gender? {
        for t in tokens { if let g = lexicon.honorificGender(t.text(b)) { return g } }
        guard name.contains(" "), let first = name.split(separator: " ").first else { return nil }
        return lexicon.rules.firstNames[String(first)]
    }

    /// The person a `he` / `she` at `position` means: walking back over the people mentioned
    /// (outside quotations) and the speakers found so far, the nearest compatible one that
    /// opens a clause, else the nearest compatible one. Reads at most 40 runs, 2,500 bytes back.
    private func antecedent(of position: Int, gender: RuleSet.Gender, _ document: Document, _ index: NameIndex,
                            _ events: [(position: Int, name: String, gender: RuleSet.Gender?)]) -> String? {
        var candidates: [(position: Int, name: String, subject: Bool)] = []
        for r in index.runs(before: position, limit: 40, reach: 2_500) {
            let span = index.span(of: r)
            guard !document.insideQuotation(span.start), let p = index.person(r), lexicon.compatible(p.gender, gender) else { continue }
            candidates.append((span.start, p.name, p.subject))
        }
        for e in events.suffix(8) where e.position < position && lexicon.compatible(e.gender, gender) {
            candidates.append((e.position, e.name, true))
        }
        candidates.sort { $0.position > $1.position }
        if let c = candidates.first(where: { $0.subject }) { return c.name }
        if let c = candidates.first { return c.name }
        return events.last { lexicon.compatible($0.gender, gender) }?.name
    }

    /// The nearest person before `position` introduced with a role of `family` (and `place`).
    private func described(before position: Int, family: String, place: String?, _ document: Document,
                           _ index: NameIndex) -> PersonMention? {
        for r in index.runs(before: position, limit: 200, reach: 50_000) {
            if let p = index.person(r), lexicon.fits(p.roles, family: family, place: place) { return p }
        }
        return nil
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
        let core = s < tokens.count ? Array(tokens[s...]) : [tokens[tokens.count - 1]]
        return core.count > 4 ? Array(core.suffix(3)) : core
    }

    /// The fullest name in the document ending with `surname`: the nearest before it, else
    /// the nearest after it.
    private func fullestName(surname: Token, _ document: Document, _ index: inout NameIndex?) -> String? {
        if index == nil { index = NameIndex(document.bytes, lexicon: lexicon) }
        return index!.fullestName(ending: surname.range, near: surname.start)
    }
}
