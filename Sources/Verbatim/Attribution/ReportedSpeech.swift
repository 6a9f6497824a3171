/// Reported speech: attributions whose content is a clause of the text rather than a quotation
/// (`Kerry said there had been progress`, `…, a source said.`, `According to Shehata, …`).
///
/// Reads the document's sentences and quotations, and the drafts the quotation sieves made.
/// Gives those drafts together with one draft per reported clause: `indirect`, or `mixed` when
/// the clause holds quoted words (`told reporters that they had “achieved clarity”`). A quotation
/// draft inside a reported clause becomes part of it, unless it has a cue of its own inside the
/// clause (a nested attribution); a clause that is nothing but a quotation is the quotation's.
///
/// For every cue verb of `rules/cue-verbs.tsv` used as a verb, outside quotation marks, with a
/// subject (quoting and stance verbs only when `rules/reporting.tsv` gives them the object
/// role: `criticized the accord`, not `called it`):
/// - content after the cue (`X said (that) CLAUSE`, `X told Y (that) CLAUSE`): from the clause
///   opener or the first word after the cue, its addressee and adverbials, to the end of the
///   sentence or a clause of its own (`, adding that`, `, according to`);
/// - content before the cue (`CLAUSE, X said.`, `CLAUSE, said X.`), and around it
///   (`A, X said, B.`);
/// - `according to X, CLAUSE` and `CLAUSE, according to X`.
/// Cues under a negation, a modal or a passive (`rules/reporting.tsv`) report nothing.
/// Complexity: O(n): each cue reads a bounded number of tokens of its sentence.
struct ReportedSpeech {
    let lexicon: Lexicon

    /// The most tokens a content reaches after its cue, and the longest sentence read (bytes).
    static let maxContent = 200
    static let maxSentence = 6_000

    /// A reported clause found at one cue.
    struct Clause {
        var content: [ByteRange]
        var cue: ByteRange
        /// Nil for a claim the writer hedges (``evidential(_:_:_:_:)``).
        var speaker: SpeakerPhrase?
        var resolution: Resolution
        var confidence: Double
        /// Whether the clause may stand inside another one's content (`said that X believes`):
        /// only speech does. Inside a reported clause, a belief, stance or quoting verb is
        /// part of what is reported (`said Russian diplomats were planning to meet`): on
        /// PolNeAR train, 1 in 7 of those attributions was annotated, against 1 in 3 for speech.
        var nests = true
    }

    /// The quotation drafts merged with the reported clauses of the document, in text order.
    func attribute(_ document: Document, quoted: [DraftAttribution]) -> [DraftAttribution] {
        var clauses: [Clause] = []
        var boilerplate: (paragraph: Int, yes: Bool) = (-1, false)
        for sentence in document.sentences {
            let p = document.paragraphIndex(at: sentence.start)
            if boilerplate.paragraph != p {
                boilerplate = (p, lexicon.isBoilerplate(document.bytes, document.paragraphs[p]))
            }
            if boilerplate.yes { continue }
            clauses += self.clauses(in: ByteRange(sentence.start, min(sentence.end, sentence.start + Self.maxSentence)), document)
        }
        return merge(clauses, quoted, document)
    }

    /// The reported clauses of one sentence.
    func clauses(in sentence: ByteRange, _ document: Document) -> [Clause] {
        let b = document.bytes, lx = lexicon
        let t = Self.dropAsides(document.tokens(lx.tokenizer, sentence), b)
        guard t.count >= 4 else { return [] }
        let quoted = document.insideQuotation(tokens: t)
        let wordsInSentence = t.lazy.filter { $0.kind == .word && $0.end - $0.start > 3 }
        let headline = wordsInSentence.count >= 3 && wordsInSentence.allSatisfy(\.capitalized)
        var out: [Clause] = []
        // `Rush Limbaugh: Hillary Asking Moderator To …`: the headline is Limbaugh's claim;
        // a cue inside it (`Asking`) is part of what he says.
        // (The title only, the document's first sentence: its tests read the whole text.)
        if sentence.start == document.sentences.first?.start, let c = headlineColon(t, sentence, quoted, document) { return [c] }
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard !quoted[i] else { continue }
            // (`to` next, or the shape of an active evidential, tested here first: this runs at
            // every word.)
            if i + 2 < t.count, t[i + 1].end - t[i + 1].start == 2 || lx.mayBeEvidential(t[i], b), let c = evidential(t, i, quoted, b) {
                out.append(c)
                continue
            }
            let l = lx.cueLength(t, i, b)
            guard l > 0 else { continue }
            let key = l == 2 ? t[i].lower(b) + " " + t[i + 1].lower(b) : t[i].lower(b)
            // Quoting verbs report only with an object role (`criticized the accord`), not
            // `called it`, `quoted him`.
            guard let verb = lx.rules.cueVerbs[key],
                  !verb.cueClass.governsOnly || [.object, .label].contains(lx.rules.reporting[key]) else { continue }
            if verb.lemma == "according to" {
                if let c = accordingTo(t, i, quoted, b) { out.append(c) }
                continue
            }
            if [.speech, .writing].contains(verb.cueClass), let c = asReported(t, i, l, quoted, b) {
                out.append(c)
                continue
            }
            // `Bernie Sanders Says He’s …`: in a headline every word is capitalised.
            guard lx.isVerbUse(t, i, b) || (headline && !(i > 0 && lx.wordClass(t[i - 1], b) == .determiner)),
                  !underNegationModalOrPassive(t, i, b) else { continue }
            // `five states going`, `50 states`: a number before it makes the word a noun (a
            // year or a share does not: `McConnell in 2010 said`, `six in 10 say`).
            if i > 0, t[i - 1].kind == .number, !lx.isYearPhrase(t, i - 1, b), !lx.isShare(t, i - 1, b) { continue }
            // `She went on to say that …`, `He went on to endorse Ayotte`: the cue runs from `went
            // on`, whose subject speaks.
            let goesOn = i >= 3 && t[i - 1].lowerIs("to", b) && lx.cueLength(t, i - 3, b) == 2 && lx.cueVerb(t, i - 3, 2, b)?.lemma == "go on"
            let head = goesOn ? i - 3 : i
            let cue = goesOn ? ByteRange(t[head].start, lx.cueRange(t, i, l, b).end) : lx.cueRange(t, i, l, b)
            func clause(_ content: [ByteRange], _ sp: SpeakerPhrase) -> Clause {
                Clause(content: content, cue: cue, speaker: sp, resolution: sp.kind == .pronoun ? .pronoun : .explicit, confidence: 0.8,
                       nests: verb.cueClass == .speech)
            }
            // `Noting that the economy had grown, the senator said …`: a participle opening the
            // sentence, its content, and after the comma the main clause's subject.
            // (After a preposition too: `In declaring Trump’s statements “not Christian,” the pope …`.)
            if i == 0 || (i == 1 && (lx.wordClass(t[0], b) == .preposition || lx.rules.phraseWords.subordinators.contains(t[0].lower(b)))),
               l == 1, lx.isGerund(t[i], b), let (c, sp) = openingParticiple(t, i, l, key, quoted, b) {
                out.append(clause([c], sp))
                continue
            }
            // `…, said Smith.` / `…, Smith said.` first: what follows the cue is then no content.
            let afterComma = i > 0 && (t[i - 1].isPunct(b, ",") || t[i - 1].isDash(b))
            let around = afterComma ? contentAround(t, i, l, key, quoted, b) : nil
            if let (content, sp) = around {
                out.append(clause(content, sp))
            } else if let c = contentAfter(t, i, l, key, quoted, b), let sp = subject(t, head, b),
                      !quoted[t.firstIndex { $0.start >= sp.range.start } ?? i] {
                let c = insideRelative(t, i, b) ? relativeEnd(c, t, quoted, b)
                    : insideFrontedSubordinate(t, i, quoted, b) ? subordinateEnd(c, t, quoted, b) : c
                out.append(clause([c], sp))
            } else if !afterComma, let (content, sp) = contentAround(t, i, l, key, quoted, b) {
                out.append(clause(content, sp))
            }
        }
        // `In a CBS News poll, she led Mr. Sanders 56 percent to 32 percent`: the poll's finding,
        // unless a cue inside it has its own speaker (`…, 40 percent said …`).
        if let frame = pollFinding(t, quoted, b) ?? viewpoint(t, quoted, b),
           !out.contains(where: { c in frame.content.contains { $0.start <= c.cue.start && c.cue.end <= $0.end } }) {
            out.insert(frame, at: 0)
        }
        return Self.droppingNested(out)
    }

    /// The content of a participle cue opening the sentence (`Noting that the economy had
    /// grown`, `Arguing that the deal was flawed`) to the comma before the main clause, and that
    /// clause's subject when it can speak and a lower-case verb follows it.
    private func openingParticiple(_ t: [Token], _ i: Int, _ l: Int, _ form: String, _ quoted: [Bool],
                                   _ b: [UInt8]) -> (ByteRange, SpeakerPhrase)? {
        let lx = lexicon
        guard var c = contentAfter(t, i, l, form, quoted, b) else { return nil }
        var e = t.firstIndex { $0.start >= c.end } ?? t.count
        // (`“down the line,” he warned`: the comma inside the closing mark.)
        if !(e < t.count && (t[e].isPunct(b, ",") || Self.commaInMark(t, e, quoted, b))) {
            let cut = subordinateEnd(c, t, quoted, b)
            guard cut != c, let comma = t.firstIndex(where: { $0.start >= cut.end }) else { return nil }
            c = cut
            e = comma
        }
        guard e + 1 < t.count, let sp = lx.openingDescription(t, e + 1, t.count, b) ?? lx.speakerAfter(t, e + 1, b),
              sp.kind != .description || lx.canSpeak(sp.tokens, b),
              let v = t.firstIndex(where: { $0.start >= sp.range.end }), v < t.count, t[v].kind == .word, !t[v].capitalized,
              [nil, .modifier].contains(lx.wordClass(t[v], b)) else { return nil }
        return (c, sp)
    }

    /// `To Frank, CLAUSE` (`To Sexton, who has studied the rallies, Tuesday marked a turning
    /// point`): a sentence that opens with `To` and a name, then a comma, states the named
    /// person's view (PolNeAR train: 8 of 8 annotated). The name is the speaker, `To` the cue.
    func viewpoint(_ t: [Token], _ quoted: [Bool], _ b: [UInt8]) -> Clause? {
        let lx = lexicon
        guard t.count > 5, t[0].lowerIs("to", b), t[0].capitalized, let sp = lx.speakerAfter(t, 1, b), sp.kind == .name,
              let after = t.firstIndex(where: { $0.start >= sp.range.end }), t[after].isPunct(b, ",") else { return nil }
        // An appositive or relative after the name (`To Sexton, who has …,`) is skipped to its comma.
        var comma = after
        if comma + 1 < t.count, lx.wordClass(t[comma + 1], b) == .relative || lx.wordClass(t[comma + 1], b) == .determiner,
           let close = t[(comma + 1)..<min(t.count, comma + 16)].firstIndex(where: { $0.isPunct(b, ",") }) {
            comma = close
        }
        guard let content = clause(after: comma, t, quoted, b) else { return nil }
        return Clause(content: [content], cue: t[0].range, speaker: sp, resolution: .accordingTo, confidence: 0.7, nests: false)
    }

    /// `As reported by Western Journalism, CLAUSE` and `as Clyburn noted, CLAUSE` (`And as`,
    /// `(As BuzzFeed News first reported,`): `as` opening a clause, a speech or writing cue at
    /// `i` with its speaker, then the clause after the comma that closes the frame (at most six
    /// tokens after the cue or speaker: `as The Times reported on Saturday,`).
    func asReported(_ t: [Token], _ i: Int, _ l: Int, _ quoted: [Bool], _ b: [UInt8]) -> Clause? {
        let lx = lexicon
        // `as` opens the sentence or a clause (after a conjunction, a bracket, or `that,`):
        // inside one (`He is, as The Times reported, an adviser`) the frame is an aside.
        func opensClause(_ k: Int) -> Bool {
            func joins(_ j: Int) -> Bool { lx.wordClass(t[j], b) == .conjunction || t[j].lowerIs("that", b) }
            guard t[k].lowerIs("as", b) else { return false }
            return k == 0 || joins(k - 1) || t[k - 1].isPunct(b, "(")
                || (k >= 2 && t[k - 1].isPunct(b, ",") && joins(k - 2))
        }
        let speaker: SpeakerPhrase
        let after: Int  // the first token after the frame's speaker and cue
        if i >= 1, opensClause(i - 1), i + l + 1 < t.count, t[i + l].lowerIs("by", b), let sp = lx.speakerAfter(t, i + l + 1, b) {
            speaker = sp
            after = t.firstIndex { $0.start >= sp.range.end } ?? t.count
        } else {
            let e = lx.adverbialsStart(t, i, b)
            guard let k = t[max(0, e - 9)..<e].firstIndex(where: { $0.lowerIs("as", b) }), opensClause(k),
                  let sp = lx.speakerAfter(t, k + 1, b), sp.range.end == t[e - 1].end else { return nil }
            speaker = sp
            after = i + l
        }
        guard after < t.count, let comma = t[after..<min(t.count, after + 7)].firstIndex(where: { $0.isPunct(b, ",") }),
              !t[after..<comma].contains(where: { $0.kind == .punctuation }),
              // Adverbials only before the comma (`as Clyburn noted on Tuesday,`), no object: `As
              // Clinton talked about bringing communities together,` is no frame.
              comma == after || adverbialsOnly(t, after, comma, lx.rules.reporting[t[i + l - 1].lower(b)] == .addressee, b),
              let content = clause(after: comma, t, quoted, b) else { return nil }
        return Clause(content: [content], cue: lx.cueRange(t, i, l, b), speaker: speaker,
                      resolution: speaker.kind == .pronoun ? .pronoun : .explicit, confidence: 0.8)
    }

    /// Whether the words from `s` to the comma at `comma` are adverbials after a frame's cue
    /// (`on Tuesday`, `earlier`, `above`), after an addressee when the cue takes one (`told ABC
    /// News`): a preposition, a time word or a modifier first, or one lower-case word alone that
    /// is no participle.
    private func adverbialsOnly(_ t: [Token], _ s: Int, _ comma: Int, _ addressee: Bool, _ b: [UInt8]) -> Bool {
        var s = s
        if addressee, let object = addresseeEnd(t, s, b) { s = object }
        guard s < comma else { return true }
        let c = lexicon.wordClass(t[s], b)
        if c == .preposition || c == .time || c == .modifier { return true }
        return comma - s == 1 && c == nil && !t[s].capitalized && !lexicon.isGerund(t[s], b)
    }

    /// `In a CBS News poll released Monday, CLAUSE`: a sentence that opens with `In`, a
    /// determiner and, before the first comma (at most fourteen words), a poll noun of
    /// `rules/phrase-words.tsv`. The poll is the speaker, `In` the cue, the clause the content.
    func pollFinding(_ t: [Token], _ quoted: [Bool], _ b: [UInt8]) -> Clause? {
        let lx = lexicon
        guard t.count > 6, t[0].lowerIs("in", b), t[0].capitalized, lx.wordClass(t[1], b) == .determiner,
              let comma = t[2..<min(t.count, 16)].firstIndex(where: { $0.isPunct(b, ",") }),
              t[2..<comma].contains(where: { $0.kind == .word && lx.rules.phraseWords.pollNouns.contains($0.lower(b)) }),
              !t[1..<comma].contains(where: { $0.kind == .punctuation && !$0.isPunct(b, "/") && !$0.isDash(b) }),
              let content = clause(after: comma, t, quoted, b) else { return nil }
        let sp = SpeakerPhrase(range: ByteRange(t[1].start, t[comma - 1].end), tokens: Array(t[1..<comma]), kind: .description)
        return Clause(content: [content], cue: t[0].range, speaker: sp, resolution: .accordingTo, confidence: 0.7, nests: false)
    }

    /// `Mr. Rubio seemed to be on the upswing`, `The statistics appear to be fabricated`, `Trump
    /// is expected to win`: a claim the writer hedges, with no source named (an evidential of
    /// `rules/phrase-words.tsv` before `to`, or an active one before a complement: `seemed
    /// equally unperturbed`). Content: the subject, from the start of its clause (at most twelve
    /// words), and the `to` clause or the complement; no speaker. Not after `it`, `there` or a
    /// relative, nor under a negation or a modal (`did not seem to`, `would appear to`).
    func evidential(_ t: [Token], _ i: Int, _ quoted: [Bool], _ b: [UInt8]) -> Clause? {
        guard t[i].kind == .word, i + 2 < t.count, !quoted[i + 1], t[i + 2].kind == .word || !t[i + 1].lowerIs("to", b) else { return nil }
        let lx = lexicon
        guard let passive = lx.evidentialKind(t[i], b) else { return nil }
        // `Trump’s supporters seemed equally unperturbed`, `The race appears closer`: an active
        // evidential before its complement, an adjective or a noun phrase (not a preposition:
        // `appeared on Fox News`; nor a name or a time word: `appeared Tuesday`).
        if !t[i + 1].lowerIs("to", b) {
            let x = t[i + 1], c = lx.wordClass(x, b)
            guard i > 0, !passive, x.kind == .word, !x.capitalized, !t[i - 1].lowerIs("to", b),
                  c == nil || c == .modifier || c == .determiner, !lx.isGerund(x, b), lx.cueLength(t, i + 1, b) == 0 else { return nil }
        }
        let isPassive = { (k: Int) in k >= 0 && lx.reporting(t[k], b) == .passive }
        var c = i  // the cue's first token: `is` of `is widely expected`
        if passive {
            // `is widely expected`: the nearest form of `be` before it, past an adverb or two.
            c = i - 1
            while c > 0, i - c <= 2, !isPassive(c), lx.wordClass(t[c], b) == .modifier || lx.isLyAdverb(t[c], b) { c -= 1 }
            guard isPassive(c) else { return nil }
        } else {
            guard !isPassive(i - 1) else { return nil }
        }
        let subjectEnd = lx.adverbialsStart(t, c, b)  // `Trump also seemed to`
        guard subjectEnd > 0, !underNegationModalOrPassive(t, c, b),
              !t[subjectEnd..<i].contains(where: { lx.reporting($0, b) == .negation }) else { return nil }
        // The subject: back to the clause's start (punctuation, `that`, a subordinator, `, and`).
        var s = subjectEnd
        while s > 0 {
            let x = t[s - 1]
            if quoted[s - 1] || x.kind == .punctuation || subjectEnd - s >= 12 { break }
            let v = x.lower(b)
            if v == "that" || v == "but" || lx.rules.phraseWords.subordinators.contains(v) { break }
            if v == "and", s >= 2, t[s - 2].isPunct(b, ",") { break }
            s -= 1
        }
        guard s < subjectEnd, subjectEnd - s < 12 || s == 0 || t[s - 1].kind == .punctuation else { return nil }
        let first = t[s].lower(b)
        guard !(subjectEnd - s == 1 && (first == "it" || first == "there")), lx.wordClass(t[s], b) != .relative else { return nil }
        // (A complement's subject is not opened by a preposition: `In the profile, fellow
        // doctors seemed eager`, with no comma, is left.)
        if !t[i + 1].lowerIs("to", b), lx.wordClass(t[s], b) == .preposition { return nil }
        let e = clauseEnd(t, i + 1, quoted, b)
        guard e > i + 2 else { return nil }
        return Clause(content: [ByteRange(t[s].start, t[subjectEnd - 1].end), ByteRange(t[i + 1].start, t[e - 1].end)],
                      cue: ByteRange(t[c].start, t[i].end), speaker: nil, resolution: .explicit, confidence: 0.5, nests: false)
    }

    /// The clauses without those that may not nest and whose cue lies in another's content.
    /// Complexity: O(k²) for the k clauses of one sentence (a sentence is bounded).
    static func droppingNested(_ clauses: [Clause]) -> [Clause] {
        guard clauses.count > 1, clauses.contains(where: { !$0.nests }) else { return clauses }
        return clauses.filter { c in
            c.nests || !clauses.contains { o in
                o.cue != c.cue && o.content.contains { $0.start <= c.cue.start && c.cue.end <= $0.end }
            }
        }
    }

    /// Tokens without short parenthetical asides (`Gov. Phil Bryant (R) said`, `… (Gutin says)`):
    /// a group of at most twelve tokens in parentheses or brackets. A sentence that is all in
    /// parentheses keeps its words.
    static func dropAsides(_ t: [Token], _ b: [UInt8]) -> [Token] {
        guard t.contains(where: { $0.isPunct(b, "(") || $0.isPunct(b, "[") }) else { return t }
        var out: [Token] = []
        out.reserveCapacity(t.count)
        var k = 0
        while k < t.count {
            if t[k].isPunct(b, "(") || t[k].isPunct(b, "[") {
                let close: Unicode.Scalar = t[k].isPunct(b, "(") ? ")" : "]"
                if let c = t[(k + 1)..<min(t.count, k + 14)].firstIndex(where: { $0.isPunct(b, close) }) {
                    k = c + 1
                    continue
                }
            }
            out.append(t[k])
            k += 1
        }
        return out.isEmpty ? t : out
    }

    /// The speaker of the cue at `i` for reported speech: ``Lexicon/subjectOfCue(_:_:_:)``, else
    /// a relative without a comma (`voters who said`: the mention runs to the pronoun), the
    /// subject of an earlier verb (`she praised Garland and said`), the name before a chain of
    /// appositives (`Roxana Leon, 63, an independent voter, said`), or the noun phrase that
    /// opens the clause (`47 percent said`, `half of GOP voters said`).
    func subject(_ t: [Token], _ i: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        let lx = lexicon
        if let sp = lx.subjectOfCue(t, i, b) { return sp }
        // `…, saying`: ``Lexicon/subjectOfCue(_:_:_:)`` already asked the clause's subject.
        if i > 0, t[i - 1].isPunct(b, ","), lx.isGerund(t[i], b) { return nil }
        let e = lx.adverbialsStart(t, i, b)
        guard e > 0 else { return nil }
        let last = t[e - 1]
        // `families of 9/11 victims, many of whom say`: the phrase before the comma.
        if e >= 5, last.lowerIs("whom", b), t[e - 2].lowerIs("of", b), lx.wordClass(t[e - 3], b) == .quantifier, t[e - 4].isPunct(b, ","),
           let antecedent = lx.namedBefore(t, e - 4, b) ?? nounPhrase(before: e - 4, t, b) {
            return SpeakerPhrase(range: ByteRange(antecedent.range.start, last.end), tokens: antecedent.tokens, kind: antecedent.kind)
        }
        if lx.wordClass(last, b) == .relative, e >= 2, let antecedent = personBefore(t, e - 1, b) ?? phrase(t, e - 1, b) {
            return SpeakerPhrase(range: ByteRange(antecedent.range.start, last.end), tokens: antecedent.tokens, kind: antecedent.kind)
        }
        if lx.wordClass(last, b) == .conjunction, ["and", "but"].contains(last.lower(b)) {
            if let sp = lx.subordinateSubject(t, e - 1, withinClause: true, b) { return sp }
            if let sp = lx.subjectOfEarlierCue(t, e - 1, b) { return sp }
            // `US officials stress Russia has … and warn that`: the subject of the sentence's
            // first verb (its first lower-case word of no class).
            // (Not a possessive: `The agency's spokeswoman, Lin Park, declined … but said`.)
            // (Nor a role before a name: `White House press secretary Josh Earnest declined … but
            // noted`.)
            if let v = t[..<(e - 1)].indices.first(where: { k in
                t[k].kind == .word && !t[k].capitalized && lx.wordClass(t[k], b) == nil && !Lexicon.isPossessive(t[k].lower(b))
                    && lx.nameAfterRole(t, k, b) == nil
            }), v > 0 {
                // `The agency's spokeswoman, Lin Park, declined`: the name in commas after the
                // subject's head.
                if v + 2 < e - 1, t[v + 1].isPunct(b, ","),
                   let c = t[(v + 2)..<min(e - 1, v + 8)].firstIndex(where: { $0.isPunct(b, ",") }),
                   let named = lx.namedBefore(t, c, b), named.kind == .name, named.range.start == t[v + 2].start {
                    return named
                }
                // `US officials stress`: a description of the name and the noun first.
                if v + 1 < e - 1, t[v + 1].kind == .word, !t[v + 1].capitalized, lx.wordClass(t[v + 1], b) == nil,
                   let d = lx.describedBefore(t, v + 1, b), d.range.start == t[0].start {
                    return d
                }
                if let sp = lx.namedBefore(t, v, b) ?? lx.describedBefore(t, v, b) {
                    if sp.range.start == t[0].start { return sp }
                    // `White House press secretary Josh Earnest declined`: roles before the name.
                    if sp.kind == .name, let s = t.firstIndex(where: { $0.start == sp.range.start }), s > 0,
                       lx.isRole(NameIndex.role(t[s - 1].text(b))), !t[..<s].contains(where: { $0.kind != .word }) {
                        return sp
                    }
                }
            }
            return lx.clauseSubject(t, e - 1, b)
        }
        // `Kall -- co-editor of Debating The Donald, a book … -- said`: the name before a
        // dash-closed aside.
        if last.isDash(b), let open = t[max(0, e - 40)..<(e - 1)].lastIndex(where: { $0.isDash(b) }), open > 0 {
            if let named = lx.namedBefore(t, open, b), named.kind == .name { return named }
            // `The Supreme Court justice -- who has been … -- said`: a description that opens
            // the sentence.
            if let d = lx.describedBefore(t, open, b), d.range.start == t[0].start { return d }
        }
        if last.isPunct(b, ",") {
            // Back over up to three comma-closed segments to a name.
            var k = e - 1, segments = 0
            while segments < 3, k > 0 {
                var c = k - 1
                while c >= 0, !t[c].isPunct(b, ","), k - c < 25 { c -= 1 }
                guard c > 0, t[c].isPunct(b, ",") else { break }
                if let named = lx.namedBefore(t, c, b), named.kind == .name { return named }
                k = c
                segments += 1
            }
            // `Some voters who have listened …, on television or at events, said`: the subject
            // that opens the sentence (not in a headline, where every word is capitalised).
            let headline = !t[..<i].contains { $0.kind == .word && $0.end - $0.start > 3 && !$0.capitalized }
            if !headline, let sp = lx.clauseSubject(t, e - 1, b), sp.range.start == t[0].start { return sp }
            return nil
        }
        return phrase(t, e, b)
    }

    /// The noun phrase ending before `end` (at most eight tokens): words of no class, `of`,
    /// numbers (`families of 9/11 victims`), back to a function word or punctuation; nil when
    /// its head is no word.
    private func nounPhrase(before end: Int, _ t: [Token], _ b: [UInt8]) -> SpeakerPhrase? {
        let lx = lexicon
        guard end > 0, t[end - 1].kind == .word, lx.wordClass(t[end - 1], b) == nil else { return nil }
        var s = end - 1
        while s > 0, end - s < 8 {
            let x = t[s - 1]
            guard (x.kind == .word && (lx.wordClass(x, b) == nil || x.lowerIs("of", b)) && lx.cueLength(t, s - 1, b) == 0)
                || x.kind == .number || x.isPunct(b, "/") else { break }
            s -= 1
        }
        while s < end - 1, t[s].kind != .word || t[s].lowerIs("of", b) { s += 1 }
        let tokens = Array(t[s..<end])
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens, kind: .description)
    }

    /// `an architect who said`: before `who` (at `who`), a noun phrase opened by a determiner,
    /// at most four words, is a person whatever its head.
    private func personBefore(_ t: [Token], _ who: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        let lx = lexicon
        guard t[who].lowerIs("who", b) else { return nil }
        var s = who
        while s > 0, who - s < 4, t[s - 1].kind == .word, lx.wordClass(t[s - 1], b) == nil, lx.cueLength(t, s - 1, b) == 0 { s -= 1 }
        guard s < who, s > 0, lx.wordClass(t[s - 1], b) == .determiner || lx.wordClass(t[s - 1], b) == .quantifier else { return nil }
        let tokens = Array(t[(s - 1)..<who])
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens, kind: .description)
    }

    /// The noun phrase ending before `end` that opens its clause (after punctuation, a
    /// conjunction or the sentence start), of at most ten words, with no cue in it and not
    /// opened by a preposition: `47 percent`, `People with direct knowledge of the talks`.
    func phrase(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        let lx = lexicon
        guard end > 0, t[end - 1].kind != .punctuation else { return nil }
        if let named = lx.namedBefore(t, end, b) ?? lx.describedBefore(t, end, b) {
            // `He met voters who said`: the phrase starts after a subject pronoun of its own.
            guard let k = named.tokens.lastIndex(where: { lx.isSubjectPronoun($0, b) }), k < named.tokens.count - 1 else { return named }
            let tokens = Array(named.tokens[(k + 1)...])
            return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens, kind: named.kind)
        }
        var s = end
        while s > 0, end - s < 10 {
            let x = t[s - 1]
            if x.kind == .punctuation && !x.isDash(b) { break }
            if let c = lx.wordClass(x, b), c == .conjunction || c == .relative { break }
            if lx.isSubjectPronoun(x, b) { break }  // `He met voters who said`: a clause of its own
            // `A poll found that 74 percent of voters said`: inside a sentence, `that` opens a clause.
            if s - 1 > 0, x.lowerIs("that", b) { break }
            if lx.cueLength(t, s - 1, b) > 0 { return nil }
            s -= 1
        }
        // `only 7 percent`, `About 9 percent`, `Just 28 percent of voters`.
        while s < end - 1, let c = lx.wordClass(t[s], b), c == .preposition || c == .modifier { s += 1 }
        guard s < end, end - s < 10 else { return nil }
        if let c = lx.wordClass(t[s], b), c == .preposition || c == .modifier || c == .time { return nil }
        if let c = lx.wordClass(t[end - 1], b), c != .quantifier { return nil }
        // (A participle opens no noun phrase, unless it modifies a role: `where restructuring
        // experts say`.)
        // (`Polling of union voters shows`: opening the sentence, a gerund heads a noun phrase.)
        let modifiesRole = (s == 0 || (end - s == 2 && t[s - 1].kind == .word)) && end - s >= 2 && lx.wordClass(t[end - 1], b) == nil
            && lx.isRole(NameIndex.role(t[end - 1].text(b)))
        if !modifiesRole && (lx.isGerund(t[s], b) || lx.isParticipleOrAdverb(t[s], b) && !t[s].capitalized) { return nil }
        // `Mr. Trump has lately started asking`, `Sanders supporters have launched petitions
        // calling on`: a clause, not a noun phrase; its subject ends before the auxiliary.
        var end = end
        if let aux = t[(s + 1)..<end].firstIndex(where: { $0.kind == .word && lx.rules.phraseWords.auxiliaries.contains($0.lower(b)) }) {
            if aux == s + 1, lx.isSubjectPronoun(t[s], b) { return SpeakerPhrase(range: t[s].range, tokens: [t[s]], kind: .pronoun) }
            end = aux
        }
        let tokens = Array(t[s..<end])
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens,
                             kind: lx.isNameWord(tokens[tokens.count - 1], b) ? .name : .description)
    }

    /// `did not say`, `would not say`, `declined to say`, `if he says`, `was told`, `is said to`:
    /// a word of `rules/reporting.tsv` among the three before the cue, within its clause.
    func underNegationModalOrPassive(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Bool {
        var k = i - 1
        while k >= max(0, i - 3) {
            let x = t[k]
            guard x.kind == .word else { return false }
            if lexicon.isSurname(t, k, b) { return false }  // `Theresa May said`
            let w = x.lower(b)
            if UTF8Text.hasSuffix(w, "n't") || UTF8Text.hasSuffix(w, "n’t") { return true }
            switch lexicon.rules.reporting[w] {
            case .negation, .hypothetical: return true
            case .passive where k == i - 1 || (k == i - 2 && lexicon.wordClass(t[i - 1], b) == .modifier):
                // `was told`, `is also said`; not `is saying`.
                return !lexicon.isGerund(t[i], b)
            default: break
            }
            k -= 1
        }
        return false
    }

    /// The content after the cue at `i` (`l` tokens, the lower-case `form`): from the clause opener (`that`, `whether`)
    /// when only an addressee or adverbials stand before it; else, by the cue form's role in
    /// `rules/reporting.tsv`, from the clause after an addressee (`told reporters he would`),
    /// the object and its `to` clause (`urged Congress to act`), a `to` clause (`vowed to`), or
    /// the first word after a cue that takes a bare clause (`said the talks failed`); to the
    /// end of the clause. Nil when no clause follows.
    func contentAfter(_ t: [Token], _ i: Int, _ l: Int, _ form: String, _ quoted: [Bool], _ b: [UInt8]) -> ByteRange? {
        let lx = lexicon
        var j = i + l
        // `said Tuesday`, `said last night`, `said:`.
        while j < t.count, t[j].kind == .word, lx.wordClass(t[j], b) == .time { j += 1 }
        if j < t.count, t[j].isPunct(b, ":") { j += 1 }
        guard j < t.count else { return nil }
        let role = lx.rules.reporting[form]
        var s: Int
        if isOpener(t[j], b) {
            s = j
        } else if let f = deferredThat(t, j, role == .addressee, quoted, b) {
            // `said in a statement on Monday that`, `told reporters that`, `said, however, that`.
            s = f
        } else if role == .addressee, opensInfinitive(t, j, b) {
            // `promised to veto the bill`: an infinitive with no addressee.
            s = j
        } else if role == .addressee {
            // `told reporters he would`, `urged Congress to act`.
            guard let object = addresseeEnd(t, j, b), object < t.count else { return nil }
            if opensInfinitive(t, object, b) {
                s = j
            } else if t[object].lowerIs("if", b) || startsClause(t, object, b) {
                s = object
            } else {
                return nil
            }
        } else if role == .infinitive, opensInfinitive(t, j, b) {
            // `vowed to repeal`, `decided not to recommend charges`.
            s = j
        } else if role == .infinitive, let object = addresseeEnd(t, j, b), object < t.count, opensInfinitive(t, object, b) {
            // `want Congress to act`, `expects the president to leverage`: the object is part of
            // what is wanted.
            s = j
        } else if role == .infinitive, j == i + l, !t[j].lowerIs("it", b),
                  lx.isSubjectPronoun(t[j], b) || lx.contractedSubject(t[j], b) != nil || t[j].lowerIs("there", b) {
            // `agreed there are qualified candidates`, `vowed he would`: a clause with a subject of
            // its own, right after the cue (`it` is as often the object: `want it so badly`).
            s = j
        } else if role == .bare, lx.reporting(t[j], b) == .hypothetical, lx.wordClass(t[j], b) == .conjunction {
            // `said if elected he would`, `says unless Congress acts, …`: the condition is part
            // of what is said.
            s = j
        } else if role == .bare, lx.wordClass(t[j], b) == .preposition, t[j].lower(b) != "to",
                  let k = t[(j + 1)..<min(t.count, j + 6)].firstIndex(where: { lx.isSubjectPronoun($0, b) }),
                  !t[(j + 1)..<k].contains(where: { $0.kind == .punctuation }) {
            // `said after the convention he would not accept`: past a short adverbial.
            s = k
        } else if role == .bare, lx.wordClass(t[j], b) == .preposition, t[j].lower(b) != "to",
                  let k = t[(j + 1)..<min(t.count, j + 16)].firstIndex(where: { $0.isPunct(b, ",") }), k + 1 < t.count,
                  lx.isSubjectPronoun(t[k + 1], b) || lx.contractedSubject(t[k + 1], b) != nil,
                  !((j + 1)..<k).contains(where: { t[$0].kind == .punctuation || quoted[$0] }) {
            // `explained after winning his home state of Ohio on Mar. 15, he would have to`: past
            // an adverbial closed by a comma.
            s = k + 1
        } else if role == .label {
            // `called him a liar`, `branded them “traitors”`: an object pronoun, then a word.
            // `called it a disaster`: `it` is either. Or a noun phrase, then a noun phrase opened
            // by `a` (`called climate change a hoax`, `called Oz a quack`).
            if let p = lx.pronoun(t[j], b), p.object || t[j].lowerIs("it", b), j + 1 < t.count, t[j + 1].kind == .word || quoted[j + 1],
               t[j + 1].kind != .word || lx.wordClass(t[j + 1], b) != .preposition {
                s = j
            } else if labelsNounPhrase(t, j, quoted, b) {
                s = j
            } else {
                return nil
            }
        } else if role == .bare || role == .object {
            s = j
            // `said to be`, `said in`, `said, adding`, `said and`: no clause here; but `said
            // about 20 people …`, `said over 60 percent …`: a preposition before a quantity.
            if let c = lx.wordClass(t[s], b), c == .preposition || c == .conjunction || c == .relative,
               !(c == .preposition && s + 1 < t.count && (t[s + 1].kind == .number || lx.wordClass(t[s + 1], b) == .quantifier)) {
                return nil
            }
        } else {
            return nil
        }
        guard s < t.count, !(t[s].kind == .punctuation && !quoted[s]) else { return nil }
        let e = clauseEnd(t, s, quoted, b)
        // A short content only as the named object of a stance (`endorsed Cruz`, `backed Clinton`).
        guard e > s, words(t, s, e, outside: quoted) >= 1,
              words(t, s, e) >= 3 || (role == .object && s == j && lx.isNameWord(t[s], b)) || (role == .label && e - s >= 2)
        else { return nil }
        return ByteRange(t[s].start, t[e - 1].end)
    }

    /// `called climate change a hoax`, `called the charges and the demand a political ploy`: from
    /// `j`, a noun phrase (a name, a noun, or a determiner or possessive first; not `a`), then
    /// within ten words, past no punctuation, relative or cue, `a` or `an` after a noun, or a
    /// quotation.
    private func labelsNounPhrase(_ t: [Token], _ j: Int, _ quoted: [Bool], _ b: [UInt8]) -> Bool {
        let lx = lexicon
        let x = t[j]
        guard x.kind == .word, !quoted[j], !x.lowerIs("a", b), !x.lowerIs("an", b),
              x.capitalized || lx.wordClass(x, b) == .determiner || Lexicon.isPossessive(x.lower(b))
                || (lx.wordClass(x, b) == nil && lx.cueLength(t, j, b) == 0 && !lx.isGerund(x, b)) else { return false }
        var k = j + 1
        while k < min(t.count, j + 11) {
            let y = t[k]
            // `Calls Hillary Clinton ‘A Disgrace’`: a quotation after the object is its label
            // (after a possessive it is the object's noun: `called Machado’s “sex tape”`).
            if quoted[k] { return !Lexicon.isPossessive(t[k - 1].lower(b)) }
            guard y.kind == .word, lx.cueLength(t, k, b) == 0 else { return false }
            if (y.lowerIs("a", b) || y.lowerIs("an", b)), t[k - 1].kind == .word, lx.wordClass(t[k - 1], b) == nil {
                return k + 1 < t.count && t[k + 1].kind == .word
            }
            if let c = lx.wordClass(y, b), c == .relative || (c == .conjunction && !y.lowerIs("and", b)) { return false }
            k += 1
        }
        return false
    }

    /// `to`, or a negation of `rules/reporting.tsv` and `to` (`not to`, `never to`) at `j`: an
    /// infinitive, negated or not, is what was vowed or decided.
    private func opensInfinitive(_ t: [Token], _ j: Int, _ b: [UInt8]) -> Bool {
        t[j].lowerIs("to", b) || (j + 1 < t.count && lexicon.reporting(t[j], b) == .negation && t[j + 1].lowerIs("to", b))
    }

    /// `that` or `whether` within a few words after `j`, when what stands before it is
    /// adverbial (a comma, a preposition, a time word) or an addressee: its index, or nil.
    private func deferredThat(_ t: [Token], _ j: Int, _ addressee: Bool, _ quoted: [Bool], _ b: [UInt8]) -> Int? {
        let lx = lexicon
        let first = t[j]
        // (An adverb too, `said earlier on Friday that`, `argued emphatically that`; not one that
        // focuses the clause: `said only that`, `showed just how`.)
        guard addressee || first.isPunct(b, ",") || first.isDash(b) || [.preposition, .time].contains(lx.wordClass(first, b))
            || (lx.wordClass(first, b) == .modifier && !lx.rules.phraseWords.focusAdverbs.contains(first.lower(b))) else {
            return nil
        }
        var k = j
        while k < min(t.count, j + 14) {
            let x = t[k]
            if x.kind == .word, !quoted[k], ["that", "whether"].contains(x.lower(b))
                || (addressee && k > j && ["how", "why"].contains(x.lower(b))) { return k }
            // `told his advisers to figure out how`: the addressee's infinitive comes first.
            if addressee, k > j, !quoted[k], x.lowerIs("to", b), k + 1 < t.count, t[k + 1].kind == .word, !t[k + 1].capitalized { return nil }
            // `told MSNBC's "Morning Joe" that`: a quoted title inside the addressee.
            if x.kind == .punctuation && !x.isPunct(b, ",") && !x.isDash(b) && !(addressee && quoted[k]) { return nil }
            // (`in a call with reporters that`, `in a conference call …`: a noun.)
            if k > j && lx.cueLength(t, k, b) > 0 && !quoted[k] && lx.isVerbUse(t, k, b) && !afterDeterminer(t, k, j, b) { return nil }
            // `The truth, the senator said, was that …`: a verb of the sentence's own before `that`.
            if k > j, !addressee, x.kind == .word, lx.rules.phraseWords.auxiliaries.contains(x.lower(b)) { return nil }
            // `told reporters it is clear that …`: a subject opens the clause before `that`.
            if addressee, k > j, !quoted[k], lx.isSubjectPronoun(x, b), !x.lowerIs("you", b) { return nil }
            k += 1
        }
        return nil
    }

    /// Whether the word at `k` ends a noun phrase opened by a determiner after `j`: lower-case
    /// words of no class back to it (`a conference call`).
    private func afterDeterminer(_ t: [Token], _ k: Int, _ j: Int, _ b: [UInt8]) -> Bool {
        var s = k - 1
        while s > j, t[s].kind == .word, !t[s].capitalized, lexicon.wordClass(t[s], b) == nil { s -= 1 }
        return s >= j && s < k - 1 && lexicon.wordClass(t[s], b) == .determiner
    }

    /// The token after the addressee starting at `j` (`reporters`, `him`, `the Post`, `Fox
    /// News`, `his supporters`), or nil.
    private func addresseeEnd(_ t: [Token], _ j: Int, _ b: [UInt8]) -> Int? {
        let lx = lexicon
        let x = t[j]
        guard x.kind == .word else { return nil }
        // `told him`, not `told his advisers` (`her` may be either: a plain word after it is
        // its noun).
        if let p = lx.pronoun(x, b), p.object,
           !(j + 1 < t.count && t[j + 1].kind == .word && !t[j + 1].capitalized && lx.wordClass(t[j + 1], b) == nil
             && !isOpener(t[j + 1], b) && lx.cueLength(t, j + 1, b) == 0) {
            return j + 1
        }
        if x.capitalized {
            // `Fox News`, `Republican leaders`, `TheBlaze founder Glenn Beck`, `The Huffington Post`.
            var k = j
            if lx.wordClass(x, b) == .determiner, j + 1 < t.count, t[j + 1].capitalized { k += 1 }
            while k < t.count && k - j < 6, t[k].kind == .word, lx.wordClass(t[k], b) == nil, !lx.isSubjectPronoun(t[k], b),
                  lx.contractedSubject(t[k], b) == nil,
                  t[k].capitalized || (k + 1 < t.count && t[k + 1].capitalized) || k == j + 1 {
                k += 1
                if k < t.count, !t[k].capitalized { if k > j + 1 || t[k].kind != .word || lx.wordClass(t[k], b) != nil { break } }
            }
            return k > j ? k : nil
        }
        var k = j
        if lx.wordClass(x, b)?.opensPhrase == true || (lx.pronoun(x, b) != nil) { k += 1 }
        // `reporters`, `the crowd`, `his supporters`: at most three words, none a function word,
        // or a name of up to six (`the New York Daily News`).
        var n = 0
        while k < t.count, n < 3 || (n < 6 && t[k].capitalized && t[k - 1].capitalized), t[k].kind == .word,
              lx.wordClass(t[k], b) == nil, !lx.isSubjectPronoun(t[k], b), lx.contractedSubject(t[k], b) == nil {
            k += 1; n += 1
            // `the Washington Post`: a name goes on.
            if k < t.count, startsClause(t, k, b), !(t[k].capitalized && t[k - 1].capitalized) { break }
        }
        return n > 0 ? k : nil
    }

    /// A subject can start at `k`: a subject pronoun, a name, a determiner or quantifier.
    private func startsClause(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        let x = t[k]
        guard x.kind == .word || x.kind == .number else { return false }
        return lexicon.isSubjectPronoun(x, b) || lexicon.contractedSubject(x, b) != nil || x.capitalized
            || lexicon.wordClass(x, b)?.opensPhrase == true || isOpener(x, b)
    }

    func isOpener(_ x: Token, _ b: [UInt8]) -> Bool {
        x.kind == .word && x.end - x.start <= 7 && lexicon.reporting(x, b) == .opener
    }

    /// The end (exclusive token index) of the clause starting at `s`: the sentence's end, or a
    /// comma that opens an attribution of its own (`, adding that`, `, according to`,
    /// `, he said`); final punctuation outside quotation marks is left out.
    func clauseEnd(_ t: [Token], _ s: Int, _ quoted: [Bool], _ b: [UInt8]) -> Int {
        let lx = lexicon
        var e = s
        let limit = min(t.count, s + Self.maxContent)
        while e < limit {
            if !quoted[e] {
                if lx.isSentenceEnd(t, e, b) { break }
                // (Not the comma after a short adverbial that opens the clause: `told … that in
                // private, Trump has shown …`, `argued that although Lazar confessed, he showed …`.)
                if (t[e].isPunct(b, ",") || t[e].isDash(b)), e + 1 < t.count, !opensWithAdverbial(t, s, e, b),
                   opensAttribution(t, e + 1, b) { break }
                // `… - HuffPollster: “…”`: a name and a colon introduce a quotation of their own.
                if t[e].isDash(b), introducesByColon(t, e + 1, b) { break }
                // `expressed his enthusiasm but said …`: a conjunction before a cue of the same
                // subject ends the clause; the second cue is an attribution of its own.
                // So does a subject of its own (a pronoun or capitalised words) and its cue: `… and
                // she also warned …`, `… and Democrats accused the GOP of …`.
                // A subject of its own only after more than a subject alone: `said he and Rubio
                // promised`.
                // (`had not yet decided`, `has yet to say`: after a negation or an auxiliary,
                // `yet` is an adverb.)
                if e > s, e + 1 < t.count, lx.wordClass(t[e], b) == .conjunction, !adverbAfterVerb(t, e, b),
                   (lx.cueLength(t, e + 1, b) > 0 && !t[e + 1].capitalized) || (e > s + 2 && opensOwnClause(t, e + 1, b)) { break }
            }
            e += 1
        }
        return trimmed(t, s, e, quoted, b)?.1 ?? s
    }

    /// Whether the token at `k` is a closing quotation mark with a comma just inside it (`,”`).
    static func commaInMark(_ t: [Token], _ k: Int, _ quoted: [Bool], _ b: [UInt8]) -> Bool {
        k >= 1 && k < t.count && quoted[k] && t[k].kind == .punctuation && t[k - 1].isPunct(b, ",")
    }

    /// Whether the comma at `e` closes a short adverbial after `that` at `s` (`that in private,`,
    /// `that although Lazar confessed,`, `that,`): a preposition or a conjunction first, at most
    /// three words.
    private func opensWithAdverbial(_ t: [Token], _ s: Int, _ e: Int, _ b: [UInt8]) -> Bool {
        guard e - s <= 4, t[s].lowerIs("that", b) else { return false }
        if e == s + 1 { return true }
        let c = lexicon.wordClass(t[s + 1], b)
        return c == .preposition || c == .conjunction || lexicon.rules.phraseWords.subordinators.contains(t[s + 1].lower(b))
    }

    /// A conjunction word used as an adverb: after a negation (`not yet decided`), or between
    /// an auxiliary and `to` (`has yet to say`).
    private func adverbAfterVerb(_ t: [Token], _ e: Int, _ b: [UInt8]) -> Bool {
        guard e > 0, t[e - 1].kind == .word else { return false }
        if lexicon.reporting(t[e - 1], b) == .negation { return true }
        return e + 1 < t.count && t[e + 1].lowerIs("to", b) && lexicon.rules.phraseWords.auxiliaries.contains(t[e - 1].lower(b))
    }

    /// Whether the cue at `i` stands in a relative clause opened by a comma (`Sanders, who
    /// endorsed Canova and said …`): `, who`, `, which` or `, both of whom` before it, with no
    /// comma between.
    private func insideRelative(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Bool {
        var k = i - 1
        while k >= max(1, i - 30) {
            if t[k].isPunct(b, ",") { return false }
            if t[k - 1].isPunct(b, ","), t[k].lowerIs("who", b) || t[k].lowerIs("which", b) { return true }
            // `…, both of whom opposed the deal, are backing …`
            if t[k - 1].isPunct(b, ","), k + 2 < i, lexicon.wordClass(t[k], b) == .quantifier, t[k + 1].lowerIs("of", b),
               t[k + 2].lowerIs("whom", b) || t[k + 2].lowerIs("which", b) { return true }
            k -= 1
        }
        return false
    }

    /// Whether the cue at `i` stands in a subordinate clause that opens the sentence (`After
    /// Jones assured Trump that …, they shook hands`, `As Clinton talked about …, Trump …`; `As
    /// Clyburn noted,` is a frame, ``asReported(_:_:_:_:_:)``, read first): a subordinator first,
    /// and no comma outside quotation marks before the cue.
    private func insideFrontedSubordinate(_ t: [Token], _ i: Int, _ quoted: [Bool], _ b: [UInt8]) -> Bool {
        guard i > 1, t[0].kind == .word, lexicon.rules.phraseWords.subordinators.contains(t[0].lower(b)) else {
            return false
        }
        return !(1..<i).contains { !quoted[$0] && (t[$0].isPunct(b, ",") || t[$0].isDash(b)) }
    }

    /// `content` cut at the last comma outside quotation marks before a clause of its own: the
    /// comma that closes a subordinate clause opening the sentence (`After Jones said that his
    /// listeners backed him, they shook hands`).
    private func subordinateEnd(_ content: ByteRange, _ t: [Token], _ quoted: [Bool], _ b: [UInt8]) -> ByteRange {
        guard let s = t.firstIndex(where: { $0.start >= content.start }) else { return content }
        var k = t.count - 2
        while k > s + 1 {
            if t[k].start < content.end, t[k].isPunct(b, ","), !quoted[k], startsClause(t, k + 1, b) {
                return ByteRange(t[s].start, t[k - 1].end)
            }
            k -= 1
        }
        return content
    }

    /// `content` cut at the first comma outside quotation marks: the comma that closes the
    /// relative clause (`…, who said he would campaign with him, did not`).
    private func relativeEnd(_ content: ByteRange, _ t: [Token], _ quoted: [Bool], _ b: [UInt8]) -> ByteRange {
        guard let s = t.firstIndex(where: { $0.start >= content.start }) else { return content }
        var k = s + 1
        while k < t.count, t[k].start < content.end {
            if t[k].isPunct(b, ","), !quoted[k] { return k > s + 1 ? ByteRange(t[s].start, t[k - 1].end) : content }
            k += 1
        }
        return content
    }

    /// Names (one or several, joined by `and`) from `k` and then a colon.
    private func introducesByColon(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        var j = k
        while j < t.count, j - k < 8, lexicon.isNameWord(t[j], b) || lexicon.isTitle(t[j], b) || (j > k && t[j].lowerIs("and", b)) { j += 1 }
        return j > k && j < t.count && t[j].isPunct(b, ":")
    }

    /// A subject pronoun or up to four capitalised words at `k`, then (past adverbs) a cue
    /// used as a verb: `she also warned`, `Democrats accused`.
    private func opensOwnClause(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        let lx = lexicon
        var v = k
        if lx.isSubjectPronoun(t[k], b) {
            v += 1
        } else {
            while v < t.count, v - k < 4, t[v].kind == .word, t[v].capitalized, lx.wordClass(t[v], b) == nil { v += 1 }
        }
        guard v > k else { return false }
        while v < t.count, v - k < 6, t[v].kind == .word, lx.wordClass(t[v], b) == .modifier || lx.isLyAdverb(t[v], b) { v += 1 }
        return v < t.count && lx.cueLength(t, v, b) > 0 && lx.isVerbUse(t, v, b)
    }

    /// `,` / `.` / `:` / `—` standing last (a closing quotation mark is not final punctuation).
    private func isFinal(_ x: Token, _ b: [UInt8]) -> Bool {
        [",", ".", ";", ":", "?", "!"].contains { x.isPunct(b, $0) } || x.isDash(b)
    }

    /// After a comma: `adding that`, `according to`, `he said`, `said Smith`, `a source
    /// said`, or a new clause with its own cue (`but he suggested …`, `27 percent of those
    /// polled said …`).
    private func opensAttribution(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        let lx = lexicon
        if lx.cueLength(t, k, b) > 0 { return true }
        // Cheap test first: a cue word within the next ten tokens, before any punctuation.
        guard t[k..<min(t.count, k + 11)].prefix(while: { $0.kind != .punctuation }).contains(where: { lx.mayBeCue($0, b) }) else {
            return false
        }
        var start = k
        // (`, while 9 percent found …`: a contrast is a conjunction here.)
        if lx.wordClass(t[k], b) == .conjunction || t[k].lowerIs("while", b) || t[k].lowerIs("whereas", b) { start += 1 }
        var j = start
        while j < min(t.count, start + 10) {
            if t[j].kind == .punctuation { return false }
            let l = lx.cueLength(t, j, b)
            if l > 0 {
                // A short subject, no relative inside it (`…, the plan that he said`). A belief or
                // stance there is part of the content (`noted that at one of his first meetings,
                // in 1972, he supported a decision …`), unless a conjunction opens its clause
                // (`…, while 9 percent found it a deterrent`).
                // (`, while acknowledging that`: a participle right after the conjunction.)
                if j == start, start > k, lx.isGerund(t[j], b) { return true }
                guard j > start, j - start <= 8, lx.isVerbUse(t, j, b),
                      let cls = lx.cueVerb(t, j, l, b)?.cueClass, start > k || (cls != .thought && cls != .stance) else { return false }
                return !t[start..<j].contains { lx.wordClass($0, b) == .relative }
            }
            j += 1
        }
        return false
    }

    /// `A, many Democrats say, B`, `A, a wide array of economists say, B`: the words between a
    /// comma and the cue (at most eight, no punctuation) as a description, when they can speak.
    private func asideSpeaker(_ t: [Token], _ i: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        let lx = lexicon
        let e = lx.adverbialsStart(t, i, b)
        var s = e
        while s > 0, e - s < 8, t[s - 1].kind != .punctuation { s -= 1 }
        guard s > 0, s < e, t[s - 1].isPunct(b, ","), i + 1 < t.count, t[i + 1].isPunct(b, ",") else { return nil }
        let tokens = Array(t[s..<e])
        guard lx.canSpeak(tokens, b) else { return nil }
        return SpeakerPhrase(range: ByteRange(t[s].start, t[e - 1].end), tokens: tokens, kind: .description)
    }

    /// `CLAUSE, X said.`, `CLAUSE, said X.`, `A, X said, B.`, `As X said, CLAUSE.`: the content
    /// pieces and the speaker of the cue at `i` (`l` tokens, the lower-case `form`), or nil.
    func contentAround(_ t: [Token], _ i: Int, _ l: Int, _ form: String, _ quoted: [Bool], _ b: [UInt8]) -> ([ByteRange], SpeakerPhrase)? {
        let lx = lexicon
        var speaker: SpeakerPhrase
        var opening: Int  // the comma before the speaker (or the cue, inverted)
        var after = i + l  // the first token after the attribution
        // (A dash that closes an aside, `Kall -- co-editor of a book -- said the candidate …`,
        // is not this comma.)
        let closesAside = i > 0 && t[i - 1].isDash(b) && t[max(0, i - 40)..<(i - 1)].contains { $0.isDash(b) }
        // Nor does a cue that takes an object invert (`The US, meanwhile, accuses Russia of …`:
        // Russia is the object).
        let takesObject = [.object, .label].contains(lx.rules.reporting[form])
        // Nor one whose addressee follows it when a speaker stands before it (`“…,” Yuri
        // Barmin, an expert at the council, told Gazeta.ru`: Gazeta.ru was told).
        // (Read once: the speaker before the cue is asked again below when there is none after it.)
        let addressee = lx.rules.reporting[form] == .addressee
        let speakerBefore = addressee ? lx.speakerBefore(t, i, b) : nil
        if i > 0, t[i - 1].isPunct(b, ",") || t[i - 1].isDash(b), !closesAside, !takesObject, speakerBefore == nil, !lx.isGerund(t[i], b),
           let sp = lx.speakerAfter(t, i + l, b),
           sp.kind != .description || lx.canSpeak(sp.tokens, b) {
            // `…, said the senator`; not `…, estimated the losses`.
            speaker = sp
            opening = i - 1
            after = (t.firstIndex { $0.start >= sp.range.end } ?? t.count)
        } else if let sp = (addressee ? speakerBefore : lx.speakerBefore(t, i, b)) ?? asideSpeaker(t, i, b),
                  let s = t.firstIndex(where: { $0.start == sp.range.start }) {
            speaker = sp
            opening = s - 1
            // `…, the IMF said`: the article before a name.
            if opening >= 1, sp.kind == .name, lx.wordClass(t[opening], b) == .determiner, t[opening].lowerIs("the", b) {
                opening -= 1
            }
            if s >= 1, t[0].lower(b) == "as", t[1..<s].allSatisfy({ lx.wordClass($0, b) == .determiner }) {
                // `As Kerry said, the talks …`
                guard after < t.count, t[after].isPunct(b, ",") else { return nil }
                let e = clauseEnd(t, after + 1, quoted, b)
                guard e > after + 1, words(t, after + 1, e) >= 3 else { return nil }
                return ([ByteRange(t[after + 1].start, t[e - 1].end)], speaker)
            }
            // `…,” Smith said` / `…,'' Mr. Madden said`: the comma may stand inside the closing mark.
            let commaInMark = Self.commaInMark(t, opening, quoted, b)
            guard opening >= 1, t[opening].isPunct(b, ",") || t[opening].isDash(b) || commaInMark else { return nil }
            if commaInMark { opening -= 1 }
        } else {
            return nil
        }
        // Adverbials after the cue: `in a statement`, `on Tuesday`; an addressee
        // (`a spokesman told The Wall Street Journal`).
        if lx.rules.reporting[form] == .addressee, after < t.count, let object = addresseeEnd(t, after, b) {
            after = object
        }
        var k = after
        var adverbial = 0
        while k < t.count, !lx.isSentenceEnd(t, k, b), !t[k].isPunct(b, ","), adverbial < 10 {
            // `The trade group, PhRMA, said in a statement that …`: the content follows the cue.
            if !quoted[k], t[k].lowerIs("that", b) || t[k].lowerIs("whether", b) { return nil }
            k += 1; adverbial += 1
        }
        if adverbial > 0, let c = lx.wordClass(t[after], b), c != .preposition && c != .time { return nil }
        if adverbial > 0 && lx.wordClass(t[after], b) == nil { return nil }
        let first = sentenceStart(t, opening, b)
        let before = trimmed(t, first, opening, quoted, b)
        guard let (s0, e0) = before else { return nil }
        var pieces = [ByteRange(t[s0].start, t[e0 - 1].end)]
        // `…, said Tomas Reyne, Velmar’s foreign minister, as he left`: past the appositive.
        if k < t.count, t[k].isPunct(b, ","), let close = t[(k + 1)..<min(t.count, k + 12)].firstIndex(where: { $0.isPunct(b, ",") }),
           close == k + 2 && lx.isPartyTag(t[k + 1], b)
            || lx.speakerAfter(t, k + 1, b).map({ lx.canSpeak($0.tokens, b) && $0.range.end == t[close - 1].end }) == true {
            k = close
        }
        var rest: (Int, Int)?
        if k < t.count, t[k].isPunct(b, ","), !lx.isSentenceEnd(t, k, b) {
            // `A, X said, B.`: a short clause opening goes on after the attribution (`Survival,
            // Mr. VandeHei says, depends on …`); not a clause of its own (`…, he said, as …`).
            let e = clauseEnd(t, k + 1, quoted, b)
            // (Longer when the opening is an adverbial: `During his years in office, Mr. Obama
            // said, a majority of Americans have come to believe …`.)
            let adverbial = lx.wordClass(t[s0], b) == .preposition
            // (`After reciting a passage, Beck said, “…”`: the quotation is the sieves', the
            // adverbial no content.)
            if adverbial, e > k + 1, words(t, k + 1, e, outside: quoted) == 0 { return nil }
            if words(t, s0, e0) <= 6 || adverbial, e > k + 1, words(t, k + 1, e) >= 3, !(lx.isGerund(t[k + 1], b) && lx.cueLength(t, k + 1, b) > 0),
               lx.wordClass(t[k + 1], b).map({ $0 != .conjunction && $0 != .preposition && $0 != .relative }) ?? true {
                pieces.append(ByteRange(t[k + 1].start, t[e - 1].end))
                rest = (k + 1, e)
            }
        } else if k < t.count, !lx.isSentenceEnd(t, k, b) {
            return nil
        }
        guard pieces.count > 1 || words(t, s0, e0) >= 3 else { return nil }
        // Quotations only (`‘A’, she said, ‘B.’`) are the quotation sieves'.
        let outside = words(t, s0, e0, outside: quoted) + (rest.map { words(t, $0.0, $0.1, outside: quoted) } ?? 0)
        guard outside >= 1 else { return nil }
        return (pieces, speaker)
    }

    /// `according to X, CLAUSE`, `CLAUSE, according to X` and `CLAUSE according to X.`
    func accordingTo(_ t: [Token], _ i: Int, _ quoted: [Bool], _ b: [UInt8]) -> Clause? {
        let lx = lexicon
        guard i + 2 < t.count, let sp = lx.accordingToSource(t, i, b) else { return nil }
        let cue = ByteRange(t[i].start, t[i + 1].end)
        let spEnd = t.firstIndex { $0.start >= sp.range.end } ?? t.count
        let first = sentenceStart(t, i, b)
        if let (s, e) = trimmed(t, first, i, quoted, b), words(t, s, e) >= 3 {
            guard words(t, s, e, outside: quoted) >= 1 else { return nil }
            var content = [ByteRange(t[s].start, t[e - 1].end)]
            // `The talks failed, according to Smith, “because …”`: the clause goes on.
            // (Not a relative clause on the source: `according to Smith, who led them`.)
            if spEnd + 1 < t.count, t[spEnd].isPunct(b, ","), lx.wordClass(t[spEnd + 1], b) != .relative {
                let e2 = clauseEnd(t, spEnd + 1, quoted, b)
                if e2 > spEnd + 1, words(t, spEnd + 1, e2) >= 3 { content.append(ByteRange(t[spEnd + 1].start, t[e2 - 1].end)) }
            }
            return Clause(content: content, cue: cue, speaker: sp, resolution: .accordingTo, confidence: 0.85)
        }
        // `According to X(, of Y), CLAUSE`: the clause after the comma that closes X.
        guard var comma = t[spEnd..<min(t.count, spEnd + 20)].firstIndex(where: { $0.isPunct(b, ",") }) else { return nil }
        // `According to Varga, who briefed reporters on Friday, CLAUSE`: past the relative.
        if comma + 1 < t.count, lx.wordClass(t[comma + 1], b) == .relative {
            guard let close = t[(comma + 1)..<min(t.count, comma + 26)].firstIndex(where: { $0.isPunct(b, ",") }) else { return nil }
            comma = close
        }
        guard let content = clause(after: comma, t, quoted, b) else { return nil }
        return Clause(content: [content], cue: cue, speaker: sp, resolution: .accordingTo, confidence: 0.85)
    }

    /// The clause after the comma at `comma` to the clause's end, when it has three words or
    /// more, one of them outside quotation marks: the content of a frame that opens a sentence.
    private func clause(after comma: Int, _ t: [Token], _ quoted: [Bool], _ b: [UInt8]) -> ByteRange? {
        let e = clauseEnd(t, comma + 1, quoted, b)
        guard e > comma + 1, words(t, comma + 1, e) >= 3, words(t, comma + 1, e, outside: quoted) >= 1 else { return nil }
        return ByteRange(t[comma + 1].start, t[e - 1].end)
    }

    /// A headline `Sanders: Clinton needs to …` / `Bill Clinton: Hillary thinks …`: a name of
    /// one to four words, a colon and a clause of three words or more. The name is a
    /// person's when it starts with a given name of `rules/first-names.tsv` or the document
    /// names that surname in full or with a title (`Bernie Sanders`, `Sen. Sanders`); a
    /// source's when the document names it again (`Judicial Watch: …`, `AP: …`) or its last
    /// word is a role of `rules/roles.tsv` (`Poll: …`, `Historians: …`, `Report: …`), as
    /// PolNeAR's annotators mark them. Not a label in capitals or after a determiner
    /// (`BREAKING:`, `EXCLUSIVE:`, `The Latest:`).
    func headlineColon(_ t: [Token], _ sentence: ByteRange, _ quoted: [Bool], _ document: Document) -> Clause? {
        let lx = lexicon, b = document.bytes
        guard let k = t.prefix(5).firstIndex(where: { $0.isPunct(b, ":") }), k >= 1, !quoted[k],
              t[..<k].allSatisfy({ lx.isNameWord($0, b) && lx.wordClass($0, b) == nil }),
              t[..<k].contains(where: { x in b[x.start..<x.end].contains { $0 >= 0x61 && $0 <= 0x7A } }),
              let (s, e) = trimmed(t, k + 1, t.count, quoted, b), words(t, s, e) >= 3 else { return nil }
        let surname = t[k - 1]
        let given = k >= 2 && lx.rules.firstNames[t[0].text(b)] != nil
        let range = ByteRange(t[0].start, surname.end)
        let role = lx.isRole(NameIndex.role(surname.text(b)))
        guard given || namedInFull(surname, after: sentence.end, document) || role
                || Self.occurs(b[range.start..<range.end], in: b, from: sentence.end) else { return nil }
        let tokens = Array(t[..<k])
        let sp = SpeakerPhrase(range: range, tokens: tokens, kind: role && k == 1 ? .description : .name)
        return Clause(content: [ByteRange(t[s].start, t[e - 1].end)], cue: t[k].range, speaker: sp, resolution: .colon,
                      confidence: 0.75)
    }

    /// Whether `phrase` occurs in `b` from `position` on as whole words.
    static func occurs(_ phrase: ArraySlice<UInt8>, in b: [UInt8], from position: Int) -> Bool {
        guard let first = phrase.first, position < b.count else { return false }
        var i = position
        while i + phrase.count <= b.count {
            if b[i] == first, b[i..<(i + phrase.count)].elementsEqual(phrase),
               i == 0 || !NameIndex.isWordByte(b[i - 1]),
               i + phrase.count == b.count || !NameIndex.isWordByte(b[i + phrase.count]) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether the document, after `position`, writes `surname` after a given name or a title
    /// (`Bernie Sanders`, `Sen. Sanders`). Reads the text once.
    private func namedInFull(_ surname: Token, after position: Int, _ document: Document) -> Bool {
        let b = document.bytes
        let word = Array(b[surname.start..<surname.end])
        guard let first = word.first else { return false }
        var i = position
        while i + word.count <= b.count {
            guard b[i] == first, b[i..<(i + word.count)].elementsEqual(word),
                  i + word.count == b.count || !NameIndex.isWordByte(b[i + word.count]) || b[i + word.count] == 0x27 else {
                i += 1
                continue
            }
            // The word before, across one space.
            var e = i
            if e > 0 && b[e - 1] == 0x20 { e -= 1 } else { i += 1; continue }
            var s = e
            while s > 0 && e - s < 20 && NameIndex.isWordByte(b[s - 1]) { s -= 1 }
            if s < e {
                let before = String(decoding: b[s..<e], as: UTF8.self)
                if lexicon.rules.firstNames[before] != nil || lexicon.rules.titles.contains(before) { return true }
            }
            i += word.count
        }
        return false
    }

    /// The first token of the clause ending at `end`: after the last sentence end or semicolon
    /// before it.
    private func sentenceStart(_ t: [Token], _ end: Int, _ b: [UInt8]) -> Int {
        var s = end
        while s > 0, !lexicon.isSentenceEnd(t, s - 1, b) { s -= 1 }
        return s
    }

    /// t[s..<e] without punctuation at either end that is not a quotation mark of the content,
    /// or nil when nothing is left.
    private func trimmed(_ t: [Token], _ s: Int, _ e: Int, _ quoted: [Bool], _ b: [UInt8]) -> (Int, Int)? {
        var s = s, e = e
        while s < e, t[s].kind == .punctuation, !quoted[s] || isFinal(t[s], b) { s += 1 }
        while e > s, t[e - 1].kind == .punctuation, !quoted[e - 1] || isFinal(t[e - 1], b) { e -= 1 }
        return s < e ? (s, e) : nil
    }

    /// The words (and numbers) of t[s..<e]; with `quoted`, only those outside quotation marks.
    private func words(_ t: [Token], _ s: Int, _ e: Int, outside quoted: [Bool]? = nil) -> Int {
        var n = 0
        for k in s..<e where t[k].kind != .punctuation && quoted?[k] != true { n += 1 }
        return n
    }

    /// The clauses as drafts, merged with the quotation drafts: a quotation draft inside a
    /// clause joins it (mixed) unless its own cue stands inside the clause; a clause that
    /// overlaps part of a quotation draft (a quotation running on past it) is left out.
    /// Whether a quotation's cue may stand inside a reported clause as an attribution of its
    /// own: its last word is a speech or writing cue, or no cue verb at all (`told him:`).
    /// Inside reported speech, 1 in 7 of the others was annotated on PolNeAR train (``Clause/nests``).
    private func nestsAt(_ cue: ByteRange, _ b: [UInt8]) -> Bool {
        var s = cue.end
        while s > cue.start, UTF8Text.isASCIILetter(b[s - 1]) { s -= 1 }
        guard s < cue.end, let verb = lexicon.rules.cueVerbs[String(decoding: b[s..<cue.end], as: UTF8.self).lowercased()] else { return true }
        return verb.cueClass == .speech || verb.cueClass == .writing
    }

    func merge(_ clauses: [Clause], _ quoted: [DraftAttribution], _ document: Document) -> [DraftAttribution] {
        guard !clauses.isEmpty else { return quoted }
        var removed = [Bool](repeating: false, count: quoted.count)
        var out: [DraftAttribution] = []
        // Quotation drafts by start, to find those a clause holds.
        var q = 0
        for c in clauses.sorted(by: { $0.content[0].start < $1.content[0].start }) {
            let lo = c.content[0].start, hi = c.content[c.content.count - 1].end
            while q < quoted.count && quoted[q].spans[quoted[q].spans.count - 1].end <= lo { q += 1 }
            var held: [Int] = []
            var clash = false
            var k = q
            while k < quoted.count && quoted[k].spans[0].start < hi {
                let d = quoted[k]
                let inside = d.spans.allSatisfy { s in c.content.contains { $0.start <= s.start && s.end <= $0.end } }
                if !inside {
                    if d.spans.contains(where: { s in c.content.contains { $0.overlaps(s) } }) { clash = true }
                } else {
                    held.append(k)
                }
                k += 1
            }
            if clash { continue }
            var speaker = c.speaker, resolution = c.resolution, confidence = c.confidence
            for h in held {
                let d = quoted[h]
                // Nested: a quotation with a speech or writing cue of its own inside the clause. A
                // belief, stance or quoting cue there is part of what is reported (`said, a
                // majority of Americans have come to believe “that climate change is real”`).
                if let cue = d.cue, c.content.contains(where: { $0.start <= cue.start && cue.end <= $0.end }),
                   nestsAt(cue, document.bytes) { continue }
                removed[h] = true
                if d.cue == c.cue, let sp = d.speaker { speaker = sp; resolution = d.resolution; confidence = d.confidence }
            }
            // The quotation's speaker may stand inside the clause's content (`The new plans “…,”
            // Anne Richards, assistant secretary of state for population, refugees, and
            // migration, said`: the clause took a word of the appositive for its speaker): the
            // content ends before the speaker.
            var content = c.content
            if let sp = speaker, let k = content.firstIndex(where: { $0.start < sp.range.start && sp.range.start < $0.end }) {
                var e = sp.range.start
                let b = document.bytes
                while e > content[k].start, [0x20, 0x2C, 0x0A, 0x09].contains(b[e - 1]) { e -= 1 }
                content = Array(content[..<k]) + (e > content[k].start ? [ByteRange(content[k].start, e)] : [])
                if content.isEmpty { continue }
            }
            let mixed = content.contains { r in
                let i = document.quotationIndex(after: r.start)
                return i < document.quotations.count && document.quotations[i].start < r.end
            }
            let lastParagraph = document.paragraphIndex(at: hi - 1)
            out.append(DraftAttribution(spans: content, inner: content, speaker: speaker, cue: c.cue, resolution: resolution,
                                        confidence: confidence, lastParagraph: lastParagraph, kind: mixed ? .mixed : .indirect))
        }
        for (k, d) in quoted.enumerated() where !removed[k] { out.append(d) }
        return out.sorted { $0.spans[0].start < $1.spans[0].start }
    }
}
