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
    private let ids = EntityID()

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    func resolve(_ drafts: [DraftAttribution], in document: Document) -> [Attribution] {
        let b = document.bytes
        var fullNames: [String: String] = [:]
        var index: NameIndex?
        var lastNamed: (name: String, entity: String)?
        var lastNamedAt = -1
        var out: [Attribution] = []
        out.reserveCapacity(drafts.count)
        // Speaker mentions in text order, so pronouns look back at what came before.
        for d in drafts {
            var speaker: Speaker?
            if let sp = d.speaker {
                let mention = sp.range
                switch sp.kind {
                case .name:
                    let core = coreName(sp.tokens, b)
                    var name = core.map { $0.text(b) }.joined(separator: " ")
                    // A surname alone, or with its particle (`de Mistura`): the fullest form.
                    if core.count == 1 || core.dropLast().allSatisfy({ lexicon.isParticle($0, b) }) {
                        let key = name
                        if let full = fullNames[key] { name = full } else {
                            if let full = fullestName(surname: core[core.count - 1], document, &index),
                               full.hasSuffix(name), full.count > name.count {
                                name = full
                            }
                            fullNames[key] = name
                        }
                    }
                    let entity = ids.make(name)
                    speaker = Speaker(mention: mention, name: name, entity: entity, resolution: d.resolution,
                                      confidence: d.confidence)
                    lastNamed = (name, entity)
                    lastNamedAt = mention.start
                case .pronoun:
                    let text = document.string(mention)
                    if lexicon.rules.pronouns[text.lowercased()]?.plural != true {
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
