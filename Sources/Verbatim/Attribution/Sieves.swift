/// What the sieves may read while deciding one quotation.
struct SieveContext {
    let bytes: [UInt8]
    let lexicon: Lexicon
    /// The attribution of the previous quotation in the same paragraph, if it has one.
    let previousInParagraph: Int?
    /// The cue of that attribution.
    let previousCue: ByteRange?
    /// The speaker phrase of that attribution.
    let previousSpeaker: SpeakerPhrase?
    /// The text between the previous quotation of the paragraph and this one (nil: none
    /// before); tokenised only by the sieve that reads it.
    let betweenPrevious: ByteRange?
    /// The last attribution of the document so far and the last paragraph it covers.
    let last: (index: Int, paragraph: Int)?
}

/// An attribution while the document is being read: pieces, speaker phrase, cue.
struct DraftAttribution {
    var spans: [ByteRange]
    /// The text inside the marks of each span.
    var inner: [ByteRange]
    var speaker: SpeakerPhrase?
    var cue: ByteRange?
    var resolution: Resolution
    var confidence: Double
    var lastParagraph: Int
    var kind: AttributionKind = .direct
}

/// One rule of attribution. Sieves run most precise first; the first that decides wins and
/// its resolution is recorded on the quote (CoreNLP's quote-attribution design).
protocol AttributionSieve: Sendable {
    var name: String { get }
    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision?
}

extension Lexicon {
    /// The index of the first sentence end (`. ! ? ;`) in `t`, or t.count.
    func sentenceEnd(_ t: [Token], from: Int = 0, _ b: [UInt8]) -> Int {
        var i = from
        while i < t.count {
            if isSentenceEnd(t, i, b) { return i }
            i += 1
        }
        return t.count
    }

    /// Whether token `i` ends a sentence: `. ! ? ; …` not followed by a comma or a lower-case word.
    func isSentenceEnd(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Bool {
        guard t[i].kind == .punctuation else { return false }
        let c = UTF8Text.scalar(at: t[i].start, in: b).0
        guard c == "." || c == "!" || c == "?" || c == ";" || c == "\u{2026}" else { return false }
        if c != ";" && i + 1 < t.count {
            let n = t[i + 1]
            if n.isPunct(b, ",") { return false }
            if n.kind == .word && !n.capitalized && c == "." && !UTF8Text.isDigit(UTF8Text.scalar(at: n.start, in: b).0) { return false }
        }
        return true
    }

    /// The cue range from token `c` (`len` tokens), widened back over modifiers (`also said`).
    func cueRange(_ t: [Token], _ c: Int, _ len: Int, _ b: [UInt8], colon: Bool = false) -> ByteRange {
        var s = c
        while s > 0, wordClass(t[s - 1], b) == .modifier, !isSurname(t, s - 1, b) { s -= 1 }
        var e = c + len - 1
        if colon, e + 1 < t.count, t[e + 1].isPunct(b, ":") { e += 1 }
        return ByteRange(t[s].start, t[e].end)
    }

    /// Whether any token of `t` starts a cue.
    func hasCue(_ t: [Token], _ b: [UInt8]) -> Bool {
        t.indices.contains { cueLength(t, $0, b) > 0 }
    }
}

/// A quoting verb in a free relative (`what it calls “…”`) gives the quotation to the cue
/// before it (``Lexicon/freeRelativeOuter(_:_:_:_:)``): that decision, or nil.
private func freeRelative(_ t: [Token], _ i: Int, _ sp: SpeakerPhrase, _ lx: Lexicon, _ b: [UInt8]) -> SieveDecision? {
    guard let outer = lx.freeRelativeOuter(t, i, sp, b) else { return nil }
    return .attribute(speaker: outer.speaker, cue: outer.cue,
                      resolution: outer.speaker.kind == .pronoun ? .pronoun : .explicit, confidence: 0.75)
}

/// `“…,” Kerry said.` / `“…,” said Kerry.` / `“…,” he told reporters.`: a cue right after
/// the closing mark, with its speaker before it or after it.
struct CueAfterQuote: AttributionSieve {
    let name = "explicit-after"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        let t = Array(f.after[..<lx.sentenceEnd(f.after, b)])
        var start = 0
        // Skip the comma or dash between the quotation and its attribution (`,” he said`).
        while start < t.count, start < 2, t[start].kind == .punctuation, !t[start].isPunct(b, "("), !t[start].isPunct(b, "[") { start += 1 }
        guard start < t.count else { return nil }
        // A scare quote (`“moderate” fighters said`) runs straight into the sentence.
        guard f.endsWithPunctuation || start > 0, !f.titleCase else { return nil }
        // `“… in kind.” But Mr. Trump did not respond`, or a fragment ending its sentence
        // (`could lead to another “Holocaust.” Netanyahu has said …`): a new sentence follows.
        if start == 0, t[0].capitalized, f.endsWithPeriod, lx.wordClass(t[0], b) != nil || !f.before.isEmpty { return nil }
        var cue = -1, len = 0
        // Twelve words, or thirty when an appositive follows the name (`Trump, the GOP frontrunner, said`).
        let window = t[start..<min(t.count, start + 6)].contains { $0.isPunct(b, ",") } ? 30 : 12
        for i in start..<min(t.count, start + window) {
            if t[i].kind == .punctuation && !t[i].isPunct(b, ",") && !t[i].isPunct(b, "(") && !t[i].isPunct(b, ")")
                && !lx.isNicknameMark(t, i, b) { break }
            let l = lx.cueLength(t, i, b)
            if l > 0 && t[i].lower(b) == "according" { return nil }  // the according-to sieve's
            if l == 1, lx.isGivenNameBeforeName(t, i, b) { continue }  // `Hope Hicks said`
            // `whether United States`, `Trump’s remarks`: not a verb here (`Said` may open).
            if l > 0 && i > start && !lx.isVerbUse(t, i, b) { continue }
            if l > 0 { cue = i; len = l; break }
        }
        guard cue >= 0 else { return nil }
        let cueRange = lx.cueRange(t, cue, len, b)
        // `,” adding that …`, `-- all without speaking`: a participle continues the sentence,
        // it does not attribute the quotation.
        if lx.isGerund(t[cue], b) { return nil }
        if cue == start || (start..<cue).allSatisfy({ lx.wordClass(t[$0], b) == .modifier && !lx.isSurname(t, $0, b) }) {
            // Inverted: `said Kerry`, `added the senator`.
            guard let sp = lx.speakerAfter(t, cue + len, b) else { return nil }
            return .attribute(speaker: sp, cue: cueRange, resolution: .explicit, confidence: 0.95)
        }
        // The speaker is what stands between the quote and the cue.
        var e = cue
        while e > start, lx.wordClass(t[e - 1], b) == .modifier, !lx.isSurname(t, e - 1, b) { e -= 1 }
        var s = start
        if s < e, let cls = lx.wordClass(t[s], b), cls == .conjunction || t[s].lower(b) == "as" {
            // `… “one of commitment,” but he also warned China`: within reported speech, a
            // conjunction opens a new clause, not the quotation's attribution.
            if cls == .conjunction && lx.hasCue(f.before, b) { return nil }
            s += 1
        }
        guard s < e else { return nil }
        // `Scott's niece, state Del. Marcia "Cia" Price (D-Newport News), shouted`: the name
        // in an appositive closed just before the cue.
        var appositive: SpeakerPhrase?
        if let comma = t[s..<e].firstIndex(where: { $0.isPunct(b, ",") }) {
            if e - 1 > comma + 1, t[e - 1].isPunct(b, ",") { appositive = lx.appositiveName(t, comma + 1, e - 1, b) }
            e = comma
        }
        guard s < e, e - s <= 10 else { return nil }
        var tokens = Array(t[s..<e])
        if let named = lx.namedBefore(tokens, tokens.count, b), named.kind == .name, named.range.start == tokens[0].start {
            tokens = named.tokens  // without a nickname
        }
        if tokens.contains(where: { $0.kind == .punctuation && !$0.isPunct(b, "-") && !$0.isPunct(b, "\u{2019}") }) { return nil }
        // `“…,” May said`: a surname that is also a function word, alone.
        if e - s == 1, lx.isSurname(t, s, b) {
            return .attribute(speaker: SpeakerPhrase(range: t[s].range, tokens: [t[s]], kind: .name), cue: cueRange,
                              resolution: .explicit, confidence: 0.95)
        }
        // No speaker ends with a preposition or conjunction.
        if let c = lx.wordClass(tokens[tokens.count - 1], b), c == .preposition || c == .conjunction { return nil }
        if let cls = lx.wordClass(tokens[0], b), !cls.opensPhrase, !lx.isGivenNameBeforeName(tokens, 0, b) { return nil }
        if tokens.count > 1 && tokens.indices.contains(where: { lx.cueLength(tokens, $0, b) > 0 && !lx.isGivenNameBeforeName(tokens, $0, b) }) {
            return nil
        }
        // A name ends with a capitalised word; `Washington’s top diplomat` is a description.
        let kind: SpeakerPhrase.Kind = tokens.count == 1 && lx.isSubjectPronoun(tokens[0], b) ? .pronoun
            : lx.isNameWord(tokens[tokens.count - 1], b) && (lx.wordClass(tokens[0], b) == nil || lx.isGivenNameBeforeName(tokens, 0, b))
                ? .name : .description
        if kind == .description && tokens.count == 1 && !tokens[0].capitalized && lx.wordClass(tokens[0], b) != nil { return nil }
        // `‘Rivers Without Borders’, published last year, estimated`: not a speaker.
        if kind == .description && tokens.count > 1 && !tokens[0].capitalized && !(lx.wordClass(tokens[0], b)?.opensPhrase ?? false) { return nil }
        if kind == .description, let name = appositive {
            return .attribute(speaker: name, cue: cueRange, resolution: .explicit, confidence: 0.95)
        }
        let sp = SpeakerPhrase(range: ByteRange(t[s].start, t[e - 1].end), tokens: tokens, kind: kind)
        return .attribute(speaker: sp, cue: cueRange, resolution: kind == .pronoun ? .pronoun : .explicit,
                          confidence: kind == .pronoun ? 0.85 : 0.95)
    }
}

/// `Kerry said: “…”` / `He added, “…”` / `Barmin, an expert at X, told Y: “…”`: a cue shortly
/// before the opening mark, with its subject before it. When the cue is the one the previous
/// quotation of the paragraph already used (`“A,” he said, “B.”`), the quotation joins it.
struct CueBeforeQuote: AttributionSieve {
    let name = "explicit-before"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        let t = f.before
        guard !t.isEmpty else { return nil }
        var i = t.count - 1
        let floor = max(0, t.count - 10)
        while i >= floor {
            let l = lx.cueLength(t, i, b)
            if l > 0 && i + l <= t.count {
                if t[i].lower(b) == "according" { return nil }  // the according-to sieve's
                // A word or two after other words (`says its “moderate” fighters`) is a scare
                // quote; a short quotation needs its cue right before it (`said “no.”`).
                // `called him “Little Marco”` is a quotation: a quoting verb and its object.
                let quoting = lx.rules.cueVerbs[t[i].lower(b)]?.cueClass.governsOnly == true && t.count - (i + l) <= 3
                if f.words < 3 && !f.endsWithPunctuation && !quoting && t[(i + l)...].contains(where: { $0.kind == .word }) { return nil }
                // Only a cue that introduces the quotation: right before it, or with its object
                // and a colon or comma (`told reporters on Friday: “…”`), or `that`. A quotation
                // further into the clause is a fragment (the fragment sieve's).
                let rest = t[(i + l)...]
                // `Pollsters agree - Carl Bialik: “…”`: a name after a dash, before the colon,
                // introduces the quotation (the colon sieve's).
                if let last = rest.last, last.isPunct(b, ":"), let d = rest.lastIndex(where: { $0.isDash(b) }), d < t.count - 2,
                   t[(d + 1)..<(t.count - 1)].allSatisfy({ lx.isNameWord($0, b) || lx.isTitle($0, b) || $0.lowerIs("and", b) }) {
                    return nil
                }
                let introduces = rest.isEmpty || rest.last!.isPunct(b, ":") || rest.last!.isPunct(b, ",")
                    || (rest.count == 1 && rest.first!.lower(b) == "that")
                if !introduces || !lx.isVerbUse(t, i, b) { i -= 1; continue }
                let cueRange = lx.cueRange(t, i, l, b, colon: true)
                if let p = c.previousInParagraph, c.previousCue == cueRange {
                    return .join(index: p, resolution: .continuation)
                }
                let gerund = i > 0 && t[i - 1].isPunct(b, ",") && lx.isGerund(t[i], b)
                // `“A,” Cruz said, adding “B”`: after the previous quotation, its speaker.
                let afterPrevious = c.previousSpeaker != nil && !t[..<i].contains { $0.kind == .word }
                if gerund || afterPrevious,
                   let sp = lx.subjectOfEarlierCue(t, i, b) ?? lx.clauseSubject(t, i, b) ?? (afterPrevious ? c.previousSpeaker : nil) {
                    // `Nefzi said, adding, “…”`, `Sanders …, saying, “…”`: the main clause's subject.
                    return .attribute(speaker: sp, cue: cueRange, resolution: sp.kind == .pronoun ? .pronoun : .explicit,
                                      confidence: 0.8)
                }
                // `… and added, “…”`: the subject of the verb before.
                if i > 0, t[i - 1].lower(b) == "and" || t[i - 1].lower(b) == "but",
                   let sp = lx.subjectOfEarlierCue(t, i - 1, b) {
                    return .attribute(speaker: sp, cue: cueRange, resolution: sp.kind == .pronoun ? .pronoun : .explicit,
                                      confidence: 0.8)
                }
                if !gerund, let sp = lx.subjectOfCue(t, i, b) {
                    if let outer = freeRelative(t, i, sp, lx, b) { return outer }
                    // `The senator said he rarely asks surrogates to stump for him, “except …”`:
                    // a cue inside another's complement gives way to it.
                    if i + l < t.count, let outer = lx.governingCue(t, i, l, sp, b), outer.cue < i {
                        return .attribute(speaker: outer.speaker, cue: lx.cueRange(t, outer.cue, outer.length, b),
                                          resolution: outer.speaker.kind == .pronoun ? .pronoun : .explicit, confidence: 0.85)
                    }
                    let isColon = i + l < t.count && t[t.count - 1].isPunct(b, ":")
                    return .attribute(speaker: sp, cue: cueRange,
                                      resolution: sp.kind == .pronoun ? .pronoun : (isColon ? .colon : .explicit),
                                      confidence: sp.kind == .pronoun ? 0.85 : 0.93)
                }
                // Inverted before a colon: `Said Ellis: “…”` (the cue opens its clause).
                // Also with an appositive: `Said Dorothy Poynter, who grew up with Ali, “…”`.
                if i == 0 || t[i - 1].kind == .punctuation, let sp = lx.speakerAfter(t, i + l, b), sp.kind != .description,
                   sp.tokens[sp.tokens.count - 1].end == t[t.count - 1].start || (t.count - (i + l) == sp.tokens.count + 1)
                    || (t[i].capitalized && (t[t.count - 1].isPunct(b, ",") || t[t.count - 1].isPunct(b, ":"))) {
                    return .attribute(speaker: sp, cue: cueRange, resolution: .explicit, confidence: 0.85)
                }
                // `… and said, “…”`, `by saying “…”`: the subject of the clause, if any.
                let sp = lx.clauseSubject(t, i, b)
                return .attribute(speaker: sp, cue: cueRange, resolution: sp?.kind == .pronoun ? .pronoun : .explicit,
                                  confidence: sp == nil ? 0.4 : 0.7)
            }
            i -= 1
        }
        return nil
    }
}

/// `Kerry: “…”`: a name and a colon, nothing else, before the quotation.
struct ColonIntroduction: AttributionSieve {
    let name = "colon"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        let t = f.before
        guard t.count >= 2, t[t.count - 1].isPunct(b, ":") else { return nil }
        // The name run just before the colon (`… surprise pollster Daron Shaw: “…”`).
        var s = t.count - 1
        // Two names joined by `and` (`Mark Blumenthal and Jon Cohen:`) speak together.
        while s > 0 && t.count - s <= 8 && (lx.isNameWord(t[s - 1], b) || lx.isTitle(t[s - 1], b)
            || (t[s - 1].lowerIs("and", b) && s >= 2 && lx.isNameWord(t[s - 2], b) && s < t.count - 1)) { s -= 1 }
        guard s < t.count - 1 else {
            // `Sanders made the following comment: “…”`: the clause's named subject.
            guard f.words >= 3, let subject = lx.clauseSubject(t, t.count - 1, b), subject.kind == .name else { return nil }
            return .attribute(speaker: subject, cue: t[t.count - 1].range, resolution: .colon, confidence: 0.6)
        }
        let tokens = Array(t[s..<(t.count - 1)])
        if s > 0, let subject = lx.clauseSubject(t, s, b), subject.kind != .description,
           !t[s - 1].isDash(b) {
            // `McConnell delivered a blunt message to Trump: “…”`: the clause's subject speaks.
            return .attribute(speaker: subject, cue: t[t.count - 1].range, resolution: .colon, confidence: 0.7)
        }
        let sp = SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens, kind: .name)
        return .attribute(speaker: sp, cue: t[t.count - 1].range, resolution: .colon, confidence: 0.9)
    }
}

/// `according to Kerry, “…”` / `“…,” according to Kerry.`
struct AccordingTo: AttributionSieve {
    let name = "according-to"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        let after = Array(f.after[..<lx.sentenceEnd(f.after, b)])
        guard f.words >= 3 else { return nil }
        for (t, limit) in [(f.before, f.before.count), (after, 2)] {
            guard let i = t.indices.first(where: { i in
                i < limit && i + 1 < t.count && t[i].lower(b) == "according" && t[i + 1].lower(b) == "to"
            }) else { continue }
            let sp = lx.accordingToSource(t, i, b)
            return .attribute(speaker: sp, cue: ByteRange(t[i].start, t[i + 1].end), resolution: .accordingTo,
                              confidence: sp == nil ? 0.5 : 0.9)
        }
        return nil
    }
}

/// The second piece of an interrupted quotation (`“A,” he said. “B.”`) or another fragment of
/// the same sentence: joins the previous quotation of the paragraph when nothing between
/// them introduces new speech.
struct InterruptedQuote: AttributionSieve {
    let name = "continuation"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        guard let p = c.previousInParagraph, let range = c.betweenPrevious else { return nil }
        let b = c.bytes, lx = c.lexicon
        let between = lx.tokenizer.tokens(b, range)
        let firstEnd = lx.sentenceEnd(between, b)
        let sameSentence = firstEnd == between.count
        let startsSentence = f.before.isEmpty
        // `“A,” said X, a strategist. Unless rivals quit the race, “B.”`: the next sentence, when
        // what stands before the quotation in it has no subject of its own, goes on with X.
        let nextSentence = !sameSentence && lx.sentenceEnd(between, from: firstEnd + 1, b) == between.count
            && firstEnd + 1 < between.count && lx.clauseSubject(Array(between[(firstEnd + 1)...]), between.count - firstEnd - 1, b) == nil
        guard sameSentence || startsSentence || nextSentence else { return nil }
        // A new sentence with its own cue after the quotation (`“B” to drive up the price, she
        // said`) is new speech.
        if !sameSentence {
            let own = f.after[..<lx.sentenceEnd(f.after, b)]
            let t = Array(own)
            if t.indices.contains(where: { lx.cueLength(t, $0, b) > 0 && lx.isVerbUse(t, $0, b) && lx.subjectOfCue(t, $0, b) != nil }) {
                return nil
            }
        }
        // A cue other than the previous attribution's own starts new speech; when the own cue
        // interrupts the quotation (`“A,” X said after P failed to show up at a hearing he was
        // called to. “B.”`), only another cue with a named subject in the last sentence does.
        let own = c.previousCue
        let interrupted = own.map { o in between.contains { o.overlaps($0.range) } } ?? false
        let lastSentence = between.indices.last { lx.isSentenceEnd(between, $0, b) && $0 < between.count - 1 }.map { $0 + 1 } ?? 0
        for i in between.indices {
            let l = lx.cueLength(between, i, b)
            guard l > 0, own == nil || !own!.overlaps(between[i].range) else { continue }
            guard interrupted else { return nil }
            // `“A,” the mayor said, adding that it would take “more hours”`: the quotation is
            // part of the clause the second cue opens (mixed), not a piece of the first.
            if i > 0, between[i - 1].isPunct(b, ","), lx.isGerund(between[i], b), i + l < between.count,
               between[i + l].lowerIs("that", b) { return nil }
            if i >= lastSentence, let sp = lx.speakerBefore(between, i, b), sp.kind != .pronoun { return nil }
        }
        return .join(index: p, resolution: .continuation)
    }
}

/// A quoted fragment inside reported speech: `Kerry told reporters that they had “achieved
/// clarity”`, or `… was “dead on arrival” and would fail, Smith said.`
///
/// The cue that governs a fragment is the outermost one of its clause: a closing
/// `…, Smith said.` first, else the nearest verb before the quotation that has a subject,
/// climbing through the cues whose complement holds it (``Lexicon/governingCue(_:_:_:_:_:)``:
/// `The Journal notes that Coulter tweeted that …`: the Journal). Cue words used as nouns
/// (`his remarks`, `Clark’s comments`) are not cues.
struct CueInSentence: AttributionSieve {
    let name = "fragment"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        // One or two words in reported speech (`its “moderate” fighters`) are scare quotes, not
        // a quotation of speech: they belong to the reported clause.
        guard !f.titleCase else { return nil }
        let t = f.before
        if f.words < 3 {
            // A short fragment is speech only when a cue stands close before it: right before
            // it, a quoting verb and its object (`called him “Little Marco”`), or ending a
            // clause (`called the plan “absurd,”`).
            let near = (max(0, t.count - 10)..<t.count).last { i in
                let l = lx.cueLength(t, i, b)
                guard l > 0, lx.isVerbUse(t, i, b) else { return false }
                let quoting = lx.rules.cueVerbs[t[i].lower(b)]?.cueClass.governsOnly == true && t.count - (i + l) <= 3
                return quoting || f.endsWithPunctuation || !t[(i + l)...].contains { $0.kind == .word }
            }
            guard near != nil else { return nil }
        }
        if let d = closingCue(f, c) { return d }
        // The nearest cue with a subject, then up through the cues whose complement holds it
        // (no comma between the earlier cue and this one's subject): `The senator said that
        // the plan would “fail”`; `Where Trump argued that …, Rubio said only that his
        // “numbers don’t add up”` stops at Rubio.
        var first: (Int, Int)?
        var i = t.count - 1
        let floor = max(0, t.count - 80)
        while i >= floor {
            let l = lx.cueLength(t, i, b)
            guard l > 0, i + l <= t.count, lx.isVerbUse(t, i, b) else { i -= 1; continue }
            first = (i, l)
            if let sp = lx.subjectOfCue(t, i, b) {
                if let outer = freeRelative(t, i, sp, lx, b) { return outer }
                let outer = lx.governingCue(t, i, l, sp, b) ?? (i, l, sp)
                return .attribute(speaker: outer.speaker, cue: lx.cueRange(t, outer.cue, outer.length, b),
                                  resolution: outer.speaker.kind == .pronoun ? .pronoun : .explicit, confidence: 0.8)
            }
            i -= 1
        }
        // A cue with no subject of its own (`… and said`, `by saying`): an earlier cue's or the
        // clause's subject, or right after a quotation of the sentence (`… “try to form a
        // government” and insisted that …`) that quotation's speaker.
        guard let (c0, l0) = first else { return nil }
        let onlyJoins = !t[..<c0].contains { $0.kind == .word && ![.conjunction, .modifier, .time].contains(lx.wordClass($0, b)) }
        // `Said Dorothy Poynter, who grew up with Ali, “…”`: inverted at the sentence's start.
        let inverted = c0 == 0 ? lx.speakerAfter(t, l0, b).flatMap { $0.kind == .name ? $0 : nil } : nil
        let sp = inverted ?? lx.subjectOfEarlierCue(t, c0 + 1, b) ?? lx.clauseSubject(t, c0, b) ?? (onlyJoins ? c.previousSpeaker : nil)
        return .attribute(speaker: sp, cue: lx.cueRange(t, c0, l0, b), resolution: sp?.kind == .pronoun ? .pronoun : .explicit,
                          confidence: sp == nil ? 0.4 : 0.6)
    }

    /// `…, Smith said.` / `…, said Smith.` closing the sentence after the quotation.
    private func closingCue(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        // A quotation that ends its sentence (`… another “Holocaust.” Netanyahu has said`).
        if f.endsWithPeriod, f.after.first?.capitalized == true { return nil }
        let a = Array(f.after[..<lx.sentenceEnd(f.after, b)])
        guard let comma = a.lastIndex(where: { $0.isPunct(b, ",") }), a.count - comma <= 8 else { return nil }
        for j in (comma + 1)..<a.count {
            let l = lx.cueLength(a, j, b)
            guard l > 0 else { continue }
            // The cue closes the sentence (`…, Smith said on Tuesday.`), not a clause of its own
            // (`…,” one of the prosecutors said the two cases differ`).
            if j == comma + 1, let sp = lx.speakerAfter(a, j + l, b) {
                guard a.count - (j + l + sp.tokens.count) <= 4 else { return nil }
                return .attribute(speaker: sp, cue: lx.cueRange(a, j, l, b), resolution: .explicit, confidence: 0.75)
            }
            guard a.count - (j + l) <= 4 else { return nil }
            if let sp = lx.speakerBefore(a, j, b), sp.range.start == a[comma + 1].start {
                return .attribute(speaker: sp, cue: lx.cueRange(a, j, l, b), resolution: sp.kind == .pronoun ? .pronoun : .explicit,
                                  confidence: 0.75)
            }
            return nil
        }
        return nil
    }
}

/// A quotation followed by a signature line, `- Sanders.` or `— Hillary Clinton`, as its own
/// paragraph (quotes listed with their speakers).
struct SignatureLine: AttributionSieve {
    let name = "signature"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        let b = c.bytes, lx = c.lexicon
        // `“…” ― Jorge Falcon` on the quotation's own line.
        if f.after.count >= 2, f.after.count <= 8, f.after[0].isDash(b),
           let sp = lx.speakerAfter(f.after, 1, b), sp.kind == .name {
            return .attribute(speaker: sp, cue: f.after[0].range, resolution: .explicit, confidence: 0.85)
        }
        guard f.fillsParagraph, let next = f.nextParagraph, next.count >= 2, next.count <= 8, next[0].isDash(b),
              let sp = lx.speakerAfter(next, 1, b), sp.kind == .name else { return nil }
        return .attribute(speaker: sp, cue: next[0].range, resolution: .explicit, confidence: 0.85)
    }
}

/// A quotation that opens a sentence with no cue of its own, after reported speech in the same
/// paragraph (`Lavrov said … that … . “But we are not going to rush …”`): the same speaker.
struct ReportedSpeechContinues: AttributionSieve {
    let name = "reported-continuation"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        guard f.before.isEmpty, !f.titleCase, f.words >= 3, let range = f.priorSentences else { return nil }
        let b = c.bytes, lx = c.lexicon
        let prior = lx.tokenizer.tokens(b, range)
        // The last sentence with a cue; in it, the first cue with a subject (`Lavrov said …
        // that the United States would continue …`: Lavrov). Commas do not stop it here as they
        // stop ``Lexicon/governingCue(_:_:_:_:_:)``: the quotation after the sentence goes on
        // with its main speaker.
        // A quoting verb speaks of its own only with an object and its complement (`Cummings
        // called him a master at …`).
        func reports(_ k: Int) -> Bool {
            guard lx.rules.cueVerbs[prior[k].lower(b)]?.cueClass.governsOnly == true else { return true }
            return k + 2 < prior.count && lx.pronoun(prior[k + 1], b)?.object == true
                && lx.wordClass(prior[k + 2], b) == .determiner
        }
        var i = prior.count - 1
        while i > 0 {
            let l = lx.cueLength(prior, i, b)
            if l > 0, reports(i), lx.isVerbUse(prior, i, b),
               lx.subjectOfCue(prior, i, b) != nil {
                var s = i
                while s > 0 && !lx.isSentenceEnd(prior, s - 1, b) { s -= 1 }
                for k in s...i where lx.cueLength(prior, k, b) > 0 && lx.isVerbUse(prior, k, b) && reports(k) {
                    if let sp = lx.subjectOfCue(prior, k, b) {
                        return .attribute(speaker: sp, cue: nil, resolution: .continuation, confidence: 0.6)
                    }
                }
            }
            i -= 1
        }
        return nil
    }
}

/// A quotation of three or more words that ends a clause (`labeling Obama’s actions “a
/// blatant, belligerent abuse of power.”`), or of six or more, with no cue found: quoted
/// speech given to the subject of its clause (or to nobody when there is none).
struct QuotedInClause: AttributionSieve {
    let name = "clause-subject"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        guard !f.fillsParagraph, !f.titleCase, f.words >= 6 || (f.words >= 3 && f.endsWithPunctuation) else { return nil }
        let sp = c.lexicon.clauseSubject(f.before, f.before.count, c.bytes)
        return .attribute(speaker: sp, cue: nil, resolution: sp?.kind == .pronoun ? .pronoun : .explicit,
                          confidence: sp == nil ? 0.3 : 0.5)
    }
}

/// A paragraph that is only a quotation, right after a paragraph with an attribution: the
/// same speaker goes on (one attribution, one more piece). A short one with no closing
/// punctuation is a quoted subheading (`‘Not isolating Russia’`), not more speech.
struct ParagraphContinuation: AttributionSieve {
    let name = "paragraph-continuation"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        guard f.fillsParagraph, f.endsWithPunctuation || f.words >= 8,
              let last = c.last, last.paragraph == f.paragraph - 1 else { return nil }
        return .join(index: last.index, resolution: .continuation)
    }
}

/// A long quotation filling its paragraph with no cue anywhere: speech, speaker unknown.
struct StandaloneQuote: AttributionSieve {
    let name = "standalone"

    func decide(_ f: QuoteFrame, _ c: SieveContext) -> SieveDecision? {
        guard f.fillsParagraph, f.words >= 5, f.endsWithPunctuation else { return nil }
        return .attribute(speaker: nil, cue: nil, resolution: .continuation, confidence: 0.3)
    }
}
