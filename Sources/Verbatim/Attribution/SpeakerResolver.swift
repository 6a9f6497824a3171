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
        var lastNamed: (name: String, entity: String)?
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
                    if core.count == 1 {
                        let key = name
                        if let full = fullNames[key] { name = full } else {
                            name = fullestName(surname: core[0], document) ?? name
                            fullNames[key] = name
                        }
                    }
                    let entity = ids.make(name)
                    speaker = Speaker(mention: mention, name: name, entity: entity, resolution: d.resolution,
                                      confidence: d.confidence)
                    lastNamed = (name, entity)
                case .pronoun:
                    let text = document.string(mention)
                    if let named = lastNamed, lexicon.rules.pronouns[text.lowercased()]?.plural != true {
                        speaker = Speaker(mention: mention, name: named.name, entity: named.entity, resolution: .pronoun,
                                          confidence: d.confidence * 0.9)
                    } else {
                        speaker = Speaker(mention: mention, name: text, entity: ids.make(text), resolution: .pronoun,
                                          confidence: 0.3)
                    }
                case .description:
                    let text = document.string(mention)
                    speaker = Speaker(mention: mention, name: text, entity: ids.make(text),
                                      resolution: d.resolution == .explicit ? .descriptor : d.resolution,
                                      confidence: d.confidence * 0.8)
                }
            }
            let kind: AttributionKind = .direct
            out.append(Attribution(kind: kind, spans: d.spans, enclosed: d.spans.map { _ in true },
                                   speaker: speaker, cue: d.cue, claim: nil))
        }
        return out
    }

    /// The name without the titles and roles before it.
    func coreName(_ tokens: [Token], _ b: [UInt8]) -> [Token] {
        var s = 0
        // Drop everything up to the last title, `of`, or possessive (`the Post’s Chris Cillizza`).
        for (i, t) in tokens.enumerated() {
            let text = t.text(b)
            if lexicon.isTitle(t, b) || text == "of" || text.hasSuffix("’s") || text.hasSuffix("'s")
                || (text.hasSuffix(".") && text.dropLast().contains(".")) || !t.capitalized && !lexicon.isParticle(t, b) {
                s = i + 1
            }
        }
        let core = s < tokens.count ? Array(tokens[s...]) : [tokens[tokens.count - 1]]
        return core.count > 4 ? Array(core.suffix(3)) : core
    }

    /// The longest name in the document ending with `surname` (nearest before it preferred).
    private func fullestName(surname: Token, _ document: Document) -> String? {
        let b = document.bytes
        let needle = Array(b[surname.start..<surname.end])
        guard needle.count >= 2 else { return nil }
        var best: (name: String, before: Bool, distance: Int)?
        var i = 0
        let n = b.count - needle.count
        var seen = 0
        while i <= n && seen < 200 {
            if b[i] == needle[0] && b[i..<(i + needle.count)].elementsEqual(needle) {
                seen += 1
                let end = i + needle.count
                let after = end < b.count ? UTF8Text.scalar(at: end, in: b).0 : " "
                if !UTF8Text.isAlnum(after) {
                    let window = ByteRange(max(0, i - 120), end)
                    let tokens = lexicon.tokenizer.tokens(b, window)
                    if let lastIndex = tokens.lastIndex(where: { $0.end == end }) {
                        var s = lastIndex
                        while s > 0 && lastIndex - s < 6 {
                            let p = tokens[s - 1]
                            if lexicon.isNameWord(p, b) || lexicon.isTitle(p, b) || lexicon.isParticle(p, b) { s -= 1 } else { break }
                        }
                        let core = coreName(Array(tokens[s...lastIndex]), b)
                        if core.count >= 2 {
                            let name = core.map { $0.text(b) }.joined(separator: " ")
                            let isBefore = i < surname.start
                            let distance = abs(i - surname.start)
                            if best == nil || (isBefore && !best!.before)
                                || (isBefore == best!.before && distance < best!.distance) {
                                best = (name, isBefore, distance)
                            }
                        }
                    }
                }
                i = end
            } else {
                i += 1
            }
        }
        return best?.name
    }
}
