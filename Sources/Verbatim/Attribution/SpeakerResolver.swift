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
                        var lo = 0, hi = index!.subjects.count
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if index!.subjects[mid].0 < mention.start { lo = mid + 1 } else { hi = mid }
                        }
                        if lo > 0 {
                            let (position, name) = index!.subjects[lo - 1]
                            if lastNamed == nil || position > lastNamedAt { lastNamed = (name, ids.make(name)) }
                        }
                    }
                    if let named = lastNamed, lexicon.rules.pronouns[text.lowercased()]?.plural != true {
                        speaker = Speaker(mention: mention, name: named.name, entity: named.entity, resolution: .pronoun,
                                          confidence: d.confidence * 0.9)
                    } else {
                        speaker = Speaker(mention: mention, name: text, entity: ids.make(document.id + " " + text),
                                          resolution: .pronoun, confidence: 0.3)
                    }
                case .description:
                    let text = document.string(mention)
                    // A description names someone in this document only (`officials`, `the senator`).
                    speaker = Speaker(mention: mention, name: text, entity: ids.make(document.id + " " + text),
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
        var tokens = tokens
        // `Foreign Minister Tomas Reyne of Velmar`: after a name, `of` starts a place.
        if let of = tokens.firstIndex(where: { $0.text(b) == "of" }), of > 0,
           tokens[..<of].contains(where: { lexicon.isNameWord($0, b) && !lexicon.isTitle($0, b) && b[$0.end - 1] != 0x2E }) {
            tokens = Array(tokens[..<of])
        }
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

    /// The fullest name in the document ending with `surname`: the nearest before it, else
    /// the nearest after it.
    private func fullestName(surname: Token, _ document: Document, _ index: inout NameIndex?) -> String? {
        if index == nil { index = NameIndex(document.bytes, lexicon: lexicon) }
        guard let candidates = index!.names[surname.text(document.bytes)] else { return nil }
        var before: (Int, String)?, after: (Int, String)?
        for (position, name) in candidates {
            if position < surname.start { before = (position, name) } else if after == nil { after = (position, name) }
        }
        return (before ?? after)?.1
    }
}

/// Every name of two or more capitalised words in a document (titles stripped), by its last
/// word, in text order. Built in one pass over the bytes: O(n).
struct NameIndex {
    var names: [String: [(Int, String)]] = [:]
    /// The names that open a sentence or paragraph (likely subjects), in text order.
    var subjects: [(Int, String)] = []

    init(_ bytes: [UInt8], lexicon: Lexicon) {
        var names: [String: [(Int, String)]] = [:]
        var subjects: [(Int, String)] = []
        var singles: [(Int, Int, Int)] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            @inline(__always) func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
            @inline(__always) func wordByte(_ c: UInt8) -> Bool {
                (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c >= 0x80 || c == 0x2E || c == 0x2D || c == 0x27
            }
            var ranges: [(Int, Int)] = []
            ranges.reserveCapacity(8)
            let longest = lexicon.tokenizer.longestAbbreviation
            while i < n {
                guard isUpper(b[i]), i == 0 || !wordByte(b[i - 1]) else { i += 1; continue }
                ranges.removeAll(keepingCapacity: true)
                var j = i
                while true {
                    let ws = j
                    while j < n && wordByte(b[j]) { j += 1 }
                    var we = j
                    var ends = false
                    // A possessive or a final period ends the name (Kerry’s, … John Kerry.).
                    if we - ws > 2 && b[we - 2] == 0x27 && b[we - 1] == 0x73 { we -= 2; ends = true }
                    else if we - ws > 4 && b[we - 4] == 0xE2 && b[we - 3] == 0x80 && b[we - 2] == 0x99 && b[we - 1] == 0x73 { we -= 4; ends = true }
                    else if we - ws > 1 && b[we - 1] == 0x27 { we -= 1; ends = true }
                    else if we - ws > 3 && b[we - 3] == 0xE2 && b[we - 2] == 0x80 && b[we - 1] == 0x99 { we -= 3; ends = true }
                    else if we - ws > 2 && b[we - 1] == 0x2E {
                        var dotted = false
                        for k in ws..<(we - 1) where b[k] == 0x2E { dotted = true }
                        if !dotted && (we - ws > longest || !lexicon.rules.abbreviations.contains(String(decoding: b[ws..<we], as: UTF8.self))) {
                            we -= 1; ends = true
                        }
                    }
                    ranges.append((ws, we))
                    if ends || ranges.count >= 8 { break }
                    guard j + 1 < n, b[j] == 0x20 else { break }
                    if isUpper(b[j + 1]) { j += 1; continue }
                    // A lower-case particle inside a name (Staffan de Mistura).
                    var k = j + 1
                    while k < n && b[k] >= 0x61 && b[k] <= 0x7A { k += 1 }
                    if k - j <= 4, k + 1 < n, b[k] == 0x20, isUpper(b[k + 1]),
                       lexicon.isParticleWord(String(decoding: b[(j + 1)..<k], as: UTF8.self)),
                       !(k - j == 3 && b[j + 1] == 0x6F && b[j + 2] == 0x66
                         && ranges.contains { r in !lexicon.rules.titles.contains(String(decoding: b[r.0..<r.1], as: UTF8.self)) }) {
                        ranges.append((j + 1, k))
                        j = k + 1
                        continue
                    }
                    break
                }
                guard ranges.count >= 2 else {
                // `Reyne struck …`: a single capitalised word opening a sentence, before a
                // lower-case word; kept as bytes until it is known to be a surname.
                if ranges.count == 1, j + 1 < n, b[j] == 0x20, b[j + 1] >= 0x61 && b[j + 1] <= 0x7A, Self.opensSentence(b, i) {
                    singles.append((i, ranges[0].0, ranges[0].1))
                }
                i = max(j, i + 1)
                continue
            }
                let words = ranges.map { String(decoding: b[$0.0..<$0.1], as: UTF8.self) }
                // The name: the words after the last title, `of` or dotted abbreviation.
                var s = 0
                for (k, (ws, we)) in ranges.enumerated() {
                    var dots = 0
                    for x in ws..<we where b[x] == 0x2E { dots += 1 }
                    let dottedEnd = we - ws > 2 && b[we - 1] == 0x2E
                    if dots >= 2 || dottedEnd || lexicon.rules.titles.contains(words[k]) || words[k] == "of" { s = k + 1 }
                }
                let core = Array(words[min(s, words.count)...])
                if core.count >= 2 && core.count <= 4, let last = core.last, !lexicon.isParticleWord(core[0]) {
                    let name = core.joined(separator: " ")
                    names[last, default: []].append((i, name))
                    if Self.opensSentence(b, i) { subjects.append((i, name)) }
                }
                i = max(j, i + 1)
            }
        }
        // A surname alone opening a sentence (`Reyne struck a warmer tone.`) is a subject when
        // the document names that person in full somewhere.
        var shapes = Set<Int>()
        for key in names.keys { shapes.insert(Int(key.utf8.first ?? 0) << 16 | key.utf8.count) }
        for (position, start, end) in singles where shapes.contains(Int(bytes[start]) << 16 | (end - start)) {
            guard let list = names[String(decoding: bytes[start..<end], as: UTF8.self)] else { continue }
            let full = list.last(where: { $0.0 < position }) ?? list[0]
            subjects.append((position, full.1))
        }
        subjects.sort { $0.0 < $1.0 }
        self.names = names
        self.subjects = subjects
    }

    /// Whether the word at `i` opens a paragraph or a sentence.
    static func opensSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var p = i - 1
        while p >= 0 && (b[p] == 0x20 || b[p] == 0x09) { p -= 1 }
        return p < 0 || b[p] == 0x0A || b[p] == 0x2E || b[p] == 0x21 || b[p] == 0x3F || b[p] == 0x22
            || (p >= 2 && b[p - 2] == 0xE2 && b[p - 1] == 0x80 && b[p] == 0x9D)
    }
}
