/// Finding the speaker's noun phrase next to a cue, from token shapes and the rules.
extension Lexicon {
    /// A subject pronoun (`he`, `they`; not `him`, `their`).
    func isSubjectPronoun(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && pronoun(t, b)?.subject == true
    }

    /// The speaker phrase that ends just before token `end` (a cue), reading backwards.
    ///
    /// Skips modifiers and auxiliaries (`also`, `had`); then a subject pronoun; an appositive
    /// closed by a comma (`Yuri Barmin, an expert at X,`: the name before it); a run of
    /// capitalised words with titles and particles (`U.S. Secretary of State John Kerry`);
    /// or a description opened by a determiner (`the Russian foreign minister`).
    func speakerBefore(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        let e = adverbialsStart(t, end, b)
        guard e > 0 else { return nil }
        let last = t[e - 1]
        if isSubjectPronoun(last, b) {
            return SpeakerPhrase(range: last.range, tokens: [last], kind: .pronoun)
        }
        if let pronoun = contractedSubject(last, b) {
            return SpeakerPhrase(range: pronoun.range, tokens: [pronoun], kind: .pronoun)
        }
        if last.isPunct(b, ",") {
            // An appositive: the phrase before the comma that opens it.
            var k = e - 2
            let floor = max(0, e - 30)
            while k >= floor, !t[k].isPunct(b, ",") {
                if t[k].kind == .punctuation && !(t[k].isPunct(b, "-") || t[k].isPunct(b, "(") || t[k].isPunct(b, ")"))
                    && !isNicknameMark(t, k, b) { return nil }
                k -= 1
            }
            guard k > floor || (k == floor && k >= 0 && t[k].isPunct(b, ",")), k > 0 else { return nil }
            let head = namedBefore(t, k, b) ?? describedBefore(t, k, b)
            // `His former business partner, Lawrence B. Cummings, said`: a description named
            // by its appositive is that name.
            if head?.kind != .name, let name = appositiveName(t, k + 1, e - 1, b) { return name }
            return head
        }
        // `six in 10 say`, `4 of 10 said`: a share of those polled.
        if let s = shareStart(t, e - 1, b) {
            return SpeakerPhrase(range: ByteRange(t[s].start, t[e - 1].end), tokens: Array(t[s..<e]), kind: .description)
        }
        guard let named = namedBefore(t, e, b) else {
            guard let described = (describedBefore(t, e, b) ?? describedBeforeParticiple(t, e, b)).map({ withHolder($0, t, b) }) else {
                return heldBefore(t, e, b)
            }
            guard let s = t.firstIndex(where: { $0.start == described.range.start }) else { return described }
            if let subject = participleSubject(t, s, b) { return subject }
            // `The candidate’s friends and political allies expect`, `teachers and union
            // officials told`: two descriptions that open their clause speak together.
            if s >= 2, t[s - 1].lowerIs("and", b),
               let other = describedBefore(t, s - 1, b), let o = t.firstIndex(where: { $0.start == other.range.start }),
               o == 0 || t[o - 1].kind == .punctuation {
                return SpeakerPhrase(range: ByteRange(other.range.start, described.range.end), tokens: other.tokens + t[(s - 1)...(s - 1)] + described.tokens,
                                     kind: .description)
            }
            return described
        }
        // Joint speakers: `Kerry and Lavrov said` (one phrase; the resolver names both).
        let s = t.firstIndex { $0.start == named.range.start } ?? 0
        if let subject = participleSubject(t, s, b) { return subject }
        if named.kind == .name, s >= 2, t[s - 1].lower(b) == "and", let other = namedBefore(t, s - 1, b), other.kind == .name {
            return withHolder(SpeakerPhrase(range: ByteRange(other.range.start, named.range.end),
                                            tokens: other.tokens + [t[s - 1]] + named.tokens, kind: .name), t, b)
        }
        return withHolder(named, t, b)
    }

    /// A lower-case word of five letters or more in `-ly` (`similarly`, `widely`).
    func isLyAdverb(_ x: Token, _ b: [UInt8]) -> Bool {
        !x.capitalized && x.end - x.start > 4 && x.lowerHasSuffix("ly", b)
    }

    /// A capitalised function word that is a surname (`Theresa May`, `Billy Long`): after a
    /// capitalised given name of `rules/first-names.tsv`, or a modal before a cue in the past
    /// (`May said`: a modal takes the base form).
    func isSurname(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        guard k < t.count, t[k].kind == .word, t[k].capitalized, wordClass(t[k], b) != nil else { return false }
        // (Not in title case, where every word is capitalised: `Hillary Just Vowed`.)
        if k >= 1, isGivenName(t[k - 1], b), !(k + 1 < t.count && t[k + 1].kind == .word && t[k + 1].capitalized) { return true }
        guard k + 1 < t.count, reporting(t[k], b) == .hypothetical, let verb = cueVerb(t, k + 1, 1, b) else { return false }
        let w = t[k + 1].lower(b)
        return verb.lemma != w && !UTF8Text.hasSuffix(w, "ing") && !Self.endsInPluralS(w)
    }

    /// Where the adverbials between a subject and the cue at `end` begin: `Kerry also said`,
    /// `Priebus later Thursday told`, `Gorka similarly noted`, `Trump on Saturday tweeted`,
    /// `McConnell in 2010 said`.
    func adverbialsStart(_ t: [Token], _ end: Int, _ b: [UInt8]) -> Int {
        var e = end
        while e > 0 {
            if isYearPhrase(t, e - 1, b) {
                e -= 2
            } else if isSurname(t, e - 1, b) {
                break
            } else if let c = wordClass(t[e - 1], b) {
                guard c == .modifier || c == .time else { break }
                // `on Saturday`, `this month`, `in the past`: the determiner and preposition
                // before a time word go with it.
                e -= 1
                if c == .time {
                    if e >= 1, wordClass(t[e - 1], b) == .determiner { e -= 1 }
                    if e >= 1, wordClass(t[e - 1], b) == .preposition { e -= 1 }
                }
            } else if isLyAdverb(t[e - 1], b) {
                e -= 1
            } else {
                break
            }
        }
        return e
    }

    /// `A letter from the American Legion obtained by The Associated Press warns`, `a report
    /// released by the committee said`: the agent of a participle (the phrase at `s`, after `by`)
    /// is not the subject; the phrase the participle follows is. Nil when no such participle.
    func participleSubject(_ t: [Token], _ s: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var k = s
        if k >= 1, wordClass(t[k - 1], b) == .determiner { k -= 1 }
        guard k >= 3, t[k - 1].lowerIs("by", b) else { return nil }
        let p = k - 2
        guard t[p].kind == .word, !t[p].capitalized, wordClass(t[p], b) == nil, t[p].lowerHasSuffix("ed", b), cueLength(t, p, b) == 0,
              let subject = namedBefore(t, p, b) ?? describedBefore(t, p, b), subject.kind != .pronoun else { return nil }
        return withHolder(subject, t, b)
    }

    /// A phrase that is the object of a preposition after a role noun stands for that role's
    /// holder: `A source in the Russian delegation`, `Kerry supporters at the State Department`,
    /// `the head of the delegation`, `a source close to the campaign`. The whole phrase is the
    /// speaker, a description; its head is the role noun (``roleWords(_:_:)``).
    func withHolder(_ sp: SpeakerPhrase, _ t: [Token], _ b: [UInt8]) -> SpeakerPhrase {
        guard sp.kind != .pronoun, let s = t.firstIndex(where: { $0.start == sp.range.start }), s >= 2 else { return sp }
        var p = s - 1
        // `officials at the State Department`: past the article of a name.
        if sp.kind == .name, p >= 2, wordClass(t[p], b) == .determiner, !Self.isPossessive(t[p].text(b)) { p -= 1 }
        guard wordClass(t[p], b) == .preposition else { return sp }
        // `a source close to the campaign`, `people familiar with the matter`: any preposition
        // after a holder adjective; otherwise a holder preposition (`advisers to Mr. Obama`).
        if p >= 2, rules.phraseWords.holderAdjectives.contains(t[p - 1].lower(b)) {
            p -= 1
        } else if !rules.phraseWords.holders.contains(t[p].lower(b)) {
            return sp
        }
        guard let holder = describedBefore(t, p, b), let head = holder.tokens.last.map({ NameIndex.role($0.text(b)) }),
              isRole(head) else { return sp }
        return SpeakerPhrase(range: ByteRange(holder.range.start, sp.range.end), tokens: holder.tokens + t[p..<s] + sp.tokens,
                             kind: .description)
    }

    /// `a person familiar with the planning said`: a role and its holder (``withHolder(_:_:_:)``)
    /// whose holder is no speaker itself (`the planning`, `the matter`): the object, a
    /// determiner and at most four words before `end`, extended back over its preposition to
    /// the role. Nil when there is no such role.
    func heldBefore(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var s = end - 1
        while s > 0, end - s < 5, t[s].kind == .word, wordClass(t[s], b) == nil { s -= 1 }
        guard s >= 2, s < end - 1 else { return nil }
        // `familiar with Cruz’s thinking`: a possessive opens the object like a determiner.
        if wordClass(t[s], b) != .determiner {
            guard s + 2 < end, wordClass(t[s], b) == .preposition, Self.isPossessive(t[s + 1].text(b)) else { return nil }
            s += 1
        }
        let object = SpeakerPhrase(range: ByteRange(t[s].start, t[end - 1].end), tokens: Array(t[s..<end]), kind: .description)
        let held = withHolder(object, t, b)
        return held.range.start < object.range.start ? held : nil
    }

    /// A role noun of `rules/roles.tsv` or the plural of one (`senator`, `supporters`), the word
    /// as ``NameIndex/role(_:)`` gives it.
    func isRole(_ w: String) -> Bool { rules.roles[w] != nil || isPluralRole(w) }

    /// A plural of a role noun of `rules/roles.tsv` (`supporters`, `deputies`).
    func isPluralRole(_ w: String) -> Bool {
        guard Self.endsInPluralS(w) else { return false }
        return rules.roles[String(w.dropLast())] != nil || (w.hasSuffix("ies") && rules.roles[String(w.dropLast(3)) + "y"] != nil)
    }

    /// The words of a description up to its first preposition other than `of` inside a role
    /// (`A source in the Russian delegation` → `A source`): the part that names the role.
    func roleWords(_ words: [String]) -> [String] {
        guard words.count > 2 else { return words }
        for k in 1..<words.count where rules.phraseWords.holders.contains(words[k].lowercased()) && words[k] != "of" {
            return Array(words[..<k])
        }
        // `of` inside a role (`secretary of state`) stays.
        if let k = words.firstIndex(of: "of"), k > 0, k + 1 < words.count,
           rules.roles[NameIndex.role(words[k - 1]) + " of " + NameIndex.role(words[k + 1])] == nil {
            return Array(words[..<k])
        }
        return words
    }

    /// The subject pronoun of a contraction (`He’s claiming`, `they’ve said`, `I’d argue`): the
    /// pronoun's part of the token.
    func contractedSubject(_ t: Token, _ b: [UInt8]) -> Token? {
        // Only a short word with an apostrophe (' or the first byte of ’) is read as text.
        guard t.kind == .word, t.end - t.start <= 10, b[t.start..<t.end].contains(where: { $0 == 0x27 || $0 == 0xE2 }) else { return nil }
        // On the raw text: ``Token/lower(_:)`` writes ’ as ', one byte for three.
        let w = t.text(b).lowercased()
        for suffix in rules.phraseWords.contractions where w.hasSuffix(suffix) {
            let head = Token(start: t.start, end: t.end - suffix.utf8.count, kind: .word, capitalized: t.capitalized)
            return head.end > head.start && isSubjectPronoun(head, b) ? head : nil
        }
        return nil
    }

    /// A run of name words (with titles, particles, `of`, possessives) ending before `end`.
    func namedBefore(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        guard end > 0 else { return nil }
        let last = t[end - 1]
        // `Sen. Rand Paul, R-Ky.`: the name before a party tag.
        if isPartyTag(last, b) { return end >= 3 && t[end - 2].isPunct(b, ",") ? namedBefore(t, end - 2, b) : nil }
        if isSubjectPronoun(last, b) { return SpeakerPhrase(range: last.range, tokens: [last], kind: .pronoun) }
        guard last.kind == .word, last.capitalized, wordClass(last, b) == nil || isSurname(t, end - 1, b) else { return nil }
        var s = end - 1
        var nickname: Range<Int>?
        while s > 0 && end - s < 8 {
            let p = t[s - 1]
            // (`Will Hurd`, `Hope Hicks`: a given name that is also a function word or a cue.)
            if isNameWord(p, b) || isTitle(p, b) || isGivenName(p, b) {
                s -= 1
            } else if (isParticle(p, b) || p.lower(b) == "of") && s >= 2 && t[s - 2].capitalized {
                s -= 1
            } else if nickname == nil, s >= 4, isNicknameMark(t, s - 1, b), isNameWord(t[s - 4], b) {
                // `Marcia "Cia" Price`: the nickname is part of the mention, not of the name.
                nickname = (s - 3)..<s
                s -= 3
            } else {
                break
            }
        }
        var tokens = Array(t[s..<end])
        if let n = nickname { tokens.removeSubrange((n.lowerBound - s)..<(n.upperBound - s)) }
        return SpeakerPhrase(range: ByteRange(t[s].start, last.end), tokens: tokens, kind: .name)
    }

    /// A capitalised given name of `rules/first-names.tsv` (`Carly`; `Hope`, `Will`, which are
    /// words too).
    func isGivenName(_ x: Token, _ b: [UInt8]) -> Bool {
        x.kind == .word && x.capitalized && rules.firstNames[x.text(b)] != nil
    }

    /// A given name that is also a word (`Hope`, `Will`) before a name word: `Hope Hicks`.
    func isGivenNameBeforeName(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        k + 1 < t.count && isNameWord(t[k + 1], b) && isGivenName(t[k], b)
    }

    /// A party tag (`R-Ky.`, `D-N.Y.`, `I-Vt.`): a letter of `rules/phrase-words.tsv`'s `party`
    /// list, a hyphen and a capital.
    func isPartyTag(_ x: Token, _ b: [UInt8]) -> Bool {
        x.kind == .word && x.end - x.start >= 3 && b[x.start + 1] == 0x2D && (0x41...0x5A).contains(b[x.start + 2])
            && rules.phraseWords.partyLetters.contains(b[x.start])
    }

    /// Whether token `k` is a quotation mark around a nickname: `"` `Cia` `"` between two
    /// capitalised words, `k` being either mark.
    func isNicknameMark(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        func mark(_ i: Int) -> Bool {
            i >= 0 && i < t.count && t[i].kind == .punctuation && doubleMarks.contains(UTF8Text.scalar(at: t[i].start, in: b).0)
        }
        func word(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i].kind == .word && t[i].capitalized }
        guard mark(k) else { return false }
        if mark(k + 2), word(k + 1) { return word(k - 1) && word(k + 3) }
        if mark(k - 2), word(k - 1) { return word(k - 3) && word(k + 1) }
        return false
    }

    /// The name an appositive t[from..<to] gives (`, Lawrence B. Cummings,`, `, state Del.
    /// Marcia Price (D-Newport News),`): a name ending the appositive, before at most a
    /// parenthesis, and not the object of a preposition or determiner (`a former mayor of
    /// Chicago`, `an expert at the Brookings Institution`).
    func appositiveName(_ t: [Token], _ from: Int, _ to: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var end = to
        if end > from, t[end - 1].isPunct(b, ")"), let open = t[from..<end].lastIndex(where: { $0.isPunct(b, "(") }) { end = open }
        guard end > from, let name = namedBefore(t, end, b), name.kind == .name,
              let s = t[from..<end].firstIndex(where: { $0.start == name.range.start }) else { return nil }
        // Only lower-case words without a class may stand before it (`state Del.`).
        guard t[from..<s].allSatisfy({ $0.kind == .word && !$0.capitalized && wordClass($0, b) == nil }),
              name.tokens.contains(where: { isNameWord($0, b) && !isTitle($0, b) }) else { return nil }
        return name
    }

    /// A description ending before `end`: back to a determiner, at most six words.
    func describedBefore(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        // A cue form ends no description, unless it is a noun there (`the court's ruling`,
        // `his remarks`: after a determiner or possessive).
        guard end > 0, t[end - 1].kind == .word, cueLength(t, end - 1, b) == 0 || !isVerbUse(t, end - 1, b) else { return nil }
        var s = end - 1
        var determined = false
        while s > 0 && end - s < 7 {
            let p = t[s]
            if let c = wordClass(p, b) {
                if c.opensPhrase { determined = true }
                break
            }
            // `Lazar's public defense counsel`: a possessive opens the phrase like a determiner.
            if s < end - 1, p.kind == .word, Self.isPossessive(p.text(b)) { determined = true; break }
            let q = t[s - 1]
            // (A cue form inside a name is none: `POLITICO’s Battleground States average`.)
            if q.kind != .word || (cueLength(t, s - 1, b) > 0 && isVerbUse(t, s - 1, b)) { break }
            if let c = wordClass(q, b), !c.opensPhrase { break }
            s -= 1
        }
        if wordClass(t[s], b)?.opensPhrase == true { determined = true }
        if !determined {
            // A bare plural or name-like phrase at the start of its clause (`Officials said`).
            // (`where restructuring experts say`, `because analysts say`: after a relative or
            // conjunction too.)
            guard end - s <= 3, s == 0 || t[s - 1].kind == .punctuation
                    || [.relative, .conjunction].contains(wordClass(t[s - 1], b)) else { return nil }
            // (`, including ones showing`: a participle opens no description after a comma;
            // after a relative it is a noun's modifier: `where restructuring experts say`.)
            if wordClass(t[s], b) != nil || (!t[s].capitalized && isGerund(t[s], b) && (s == 0 || t[s - 1].kind == .punctuation)) {
                return nil
            }
        }
        let tokens = Array(t[s..<end])
        // `Another tweeted`, `Many said`: a quantifier alone; `the said` is nothing.
        if tokens.count == 1, let c = wordClass(tokens[0], b), c != .quantifier { return nil }
        // A description speaks when its head is a role, group or document of the rules (`the
        // senator`, `officials`, `the campaign`, `the report`) or it holds a name (`the Post`):
        // not `the platform should reiterate`, `no telephone call`.
        if !(tokens.count == 1 && wordClass(tokens[0], b) == .quantifier), !canSpeak(tokens, b) { return nil }
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens,
                             kind: .description)
    }

    /// A description that a participle in -ed modifies, the participle and its prepositional
    /// phrase ending at `end` (`A news report published Wednesday said`, `people briefed on the
    /// plan said`): that description, or nil.
    func describedBeforeParticiple(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var k = end - 1
        while k > 0 && end - k <= 6 {
            let x = t[k]
            guard x.kind == .word else { return nil }
            if !x.capitalized, wordClass(x, b) == nil, x.end - x.start >= 5, x.lower(b).hasSuffix("ed"), cueLength(t, k, b) == 0,
               k == end - 1 || wordClass(t[k + 1], b) == .preposition || wordClass(t[k + 1], b) == .time {
                return describedBefore(t, k, b)
            }
            k -= 1
        }
        return nil
    }

    /// The speaker phrase starting at token `start`, reading forwards (`said Kerry`,
    /// `said the senator`, `said Sen. Ted Cruz`); stops at punctuation and prepositions.
    func speakerAfter(_ t: [Token], _ start: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        guard let sp = phraseAfter(t, start, b) else { return nil }
        return sp.kind == .description ? heldAfter(sp, t, b) : sp
    }

    /// The source after `according to` at `i`: a phrase read forwards (`according to Kerry`,
    /// `according to people familiar with the talks`), or an object pronoun, resolved like any
    /// pronoun (`According to him, …`; not `according to her account`: a possessive before its
    /// noun is no speaker).
    func accordingToSource(_ t: [Token], _ i: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        guard i + 2 < t.count else { return nil }
        let x = t[i + 2]
        if isPronoun(x, b), pronoun(x, b)?.gender != .neuter, i + 3 >= t.count || t[i + 3].kind != .word {
            return SpeakerPhrase(range: x.range, tokens: [x], kind: .pronoun)
        }
        return speakerAfter(t, i + 2, b)
    }

    /// A description read forwards and the holder after it (``withHolder(_:_:_:)`` read the
    /// other way): `a source close to the campaign`, `a senior official in the administration`,
    /// `three aides familiar with the talks`. The holder is a phrase opened by a determiner or a
    /// possessive, or a name; not a pronoun nor a time (`at the weekend`).
    private func heldAfter(_ sp: SpeakerPhrase, _ t: [Token], _ b: [UInt8]) -> SpeakerPhrase {
        guard let last = sp.tokens.last, let e = t.firstIndex(where: { $0.start >= sp.range.end }), e + 2 < t.count,
              t[e].kind == .word, wordClass(t[e], b) == .preposition else { return sp }
        // `familiar with`: any preposition after a holder adjective after a role; otherwise a
        // holder preposition after a role (`of` is the role's own: `secretary of state`).
        if rules.phraseWords.holderAdjectives.contains(last.lower(b)) {
            guard sp.tokens.count >= 2, isRole(NameIndex.role(sp.tokens[sp.tokens.count - 2].text(b))) else { return sp }
        } else {
            guard rules.phraseWords.holders.contains(t[e].lower(b)), !t[e].lowerIs("of", b), isRole(NameIndex.role(last.text(b))) else {
                return sp
            }
        }
        guard let object = phraseAfter(t, e + 1, b), object.kind != .pronoun, object.tokens.last.map({ wordClass($0, b) }) != .time,
              object.kind == .name || wordClass(t[e + 1], b) == .determiner || Self.isPossessive(t[e + 1].text(b)) else { return sp }
        return SpeakerPhrase(range: ByteRange(sp.range.start, object.range.end), tokens: sp.tokens + [t[e]] + object.tokens,
                             kind: .description)
    }

    /// ``speakerAfter(_:_:_:)`` without the holder.
    private func phraseAfter(_ t: [Token], _ start: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        // `said 9/11 widow Terry Strada`, `said 35-year-old Jane Doe`: a number opening the phrase.
        if start < t.count, t[start].kind == .number {
            var j = start
            while j < t.count && j - start < 5 && (t[j].kind == .number || t[j].isPunct(b, "/") || t[j].isPunct(b, "-")) { j += 1 }
            guard j > start, j < t.count, t[j].start - t[j - 1].end <= 1, let inner = phraseAfter(t, j, b) else { return nil }
            return SpeakerPhrase(range: ByteRange(t[start].start, inner.range.end), tokens: inner.tokens, kind: inner.kind)
        }
        guard start < t.count, t[start].kind == .word else { return nil }
        let first = t[start]
        if isSubjectPronoun(first, b) { return SpeakerPhrase(range: first.range, tokens: [first], kind: .pronoun) }
        var e = start
        var kind = SpeakerPhrase.Kind.name
        // `said Will Doyle`, `said May Smith`: a capitalised auxiliary before a name is a given name.
        let givenAuxiliary = first.capitalized && wordClass(first, b) == .modifier && start + 1 < t.count
            && isNameWord(t[start + 1], b)
        if first.capitalized && (wordClass(first, b) == nil || givenAuxiliary) {
            if givenAuxiliary { e = start + 1 }
            while e < t.count && e - start < 8 {
                let p = t[e]
                if isNameWord(p, b) || isTitle(p, b) || isSurname(t, e, b) {
                    e += 1
                } else if (isParticle(p, b) || p.lower(b) == "of") && e + 1 < t.count && t[e + 1].capitalized && e > start {
                    e += 1
                } else {
                    break
                }
            }
            // `said Democratic strategist Simon Rosenberg`: a capitalised modifier, a role, a name;
            // `said Local 41 president Dave Kowalski`: with a number after the modifier.
            if e - start == 1, let longer = nameAfterRole(t, e, b) {
                e = longer
            } else if e > start, e + 1 < t.count, t[e].kind == .number, let longer = nameAfterRole(t, e + 1, b) {
                e = longer
            }
        } else if wordClass(first, b)?.opensPhrase == true || (first.kind == .word && wordClass(first, b) == nil) {
            kind = .description
            e = start + 1
            while e < t.count && e - start < 7 {
                let p = t[e]
                // `a 2014 Labor Department study`: a number after the determiner.
                if p.kind == .number, e == start + 1, wordClass(first, b) == .determiner, e + 1 < t.count, t[e + 1].kind == .word {
                    e += 1
                    continue
                }
                guard p.kind == .word, cueLength(t, e, b) == 0 else { break }
                if let c = wordClass(p, b), !c.opensPhrase { break }
                // `the Khan family deserved better`: a word in -ed third or later is a verb
                // (`the newly elected senator`, `the embattled senator` aside).
                if e > start + 2, !p.capitalized, p.lower(b).hasSuffix("ed"), wordClass(t[e - 1], b) == nil { break }
                e += 1
            }
            if e - start == 1 && e + 1 < t.count && t[e].lower(b) == "of" {
                // `one of those advisers`, `some of his aides`
                e += 1
                while e < t.count && e - start < 7, t[e].kind == .word, cueLength(t, e, b) == 0,
                      wordClass(t[e], b).map(\.opensPhrase) ?? true { e += 1 }
            }
            if e - start == 1 && wordClass(first, b) == .determiner { return nil }
            // `said former Obama adviser David Axelrod`: roles before a name make a name.
            if e - start >= 2, isNameWord(t[e - 1], b), isNameWord(t[e - 2], b) || isTitle(t[e - 2], b) { kind = .name }
        }
        guard e > start else { return nil }
        let tokens = Array(t[start..<e])
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[tokens.count - 1].end), tokens: tokens, kind: kind)
    }

    /// The subject of a clause: its first subject pronoun or name (`Obama punctuated his list
    /// by saying`, `he supported Obama and said`), searched in t[..<end].
    func clauseSubject(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var i = 0
        // A description opening the clause (`The president left no doubt …, saying`; `The
        // Wisconsin Republican did give Trump some credit, saying`), not an introduction.
        if let opening = openingDescription(t, 0, end, b) { return opening }
        // An introductory phrase (`Here in Columbia,`, `In March,`) is not the subject.
        // So is an opening participle or adverb (`Struggling to …, President Obama is`).
        // So is a short phrase of time (`Hours later,`, `Two days earlier,`).
        if let first = t.first, first.kind == .word,
           let comma = t[..<min(end, 25)].firstIndex(where: { $0.isPunct(b, ",") }),
           (wordClass(first, b) != nil && !isSubjectPronoun(first, b))
            || opensWithParticiple(t, 0, b)
            || (comma >= 2 && comma <= 4 && [.modifier, .time].contains(wordClass(t[comma - 1], b))) {
            i = comma + 1
            // `At an event in Ames, Iowa, on Sunday, Mrs. Clinton …`: short segments between
            // commas still belong to the introduction.
            while let next = t[i..<min(end, i + 4)].firstIndex(where: { $0.isPunct(b, ",") }), next + 1 < end,
                  !t[i..<next].contains(where: { isSubjectPronoun($0, b) }) {
                i = next + 1
            }
        }
        if i > 0, let opening = openingDescription(t, i, end, b) { return opening }
        if let subject = firstSubject(t, from: i, end, b) { return subject }
        // What looked like an introduction may be a clause of its own (`The negotiations were
        // in jeopardy after Moscow took issue with the talks, charging that`): with no subject
        // after it, the subject of a clause it subordinates, if one speaks.
        guard i > 0, wordClass(t[0], b) == .determiner else { return nil }
        return subordinateSubject(t, i, b)
    }

    /// The last name or subject pronoun of `t[..<end]` that opens a subordinate clause (`after
    /// Moscow took`: a subordinator of `rules/phrase-words.tsv` before it, a lower-case word
    /// after it), or nil.
    /// With `withinClause`, only back to the nearest punctuation and at most 25 tokens: the
    /// clause a conjunction at `end` goes on (`… after she attacked the police and blamed …`).
    func subordinateSubject(_ t: [Token], _ end: Int, withinClause: Bool = false, _ b: [UInt8]) -> SpeakerPhrase? {
        var k = end - 1
        while k > 1 {
            if withinClause && (t[k].kind == .punctuation || end - k > 25) { return nil }
            if rules.phraseWords.subordinators.contains(t[k - 1].lower(b)), let sp = firstSubject(t, from: k, end, b), sp.tokens[0].start == t[k].start {
                let after = k + sp.tokens.count
                if after < end, t[after].kind == .word, !t[after].capitalized, [nil, .modifier].contains(wordClass(t[after], b)) {
                    return sp
                }
            }
            k -= 1
        }
        return nil
    }

    /// The first subject pronoun or name of `t[from..<end]`.
    private func firstSubject(_ t: [Token], from start: Int, _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var i = start
        while i < min(end, t.count) {
            let x = t[i]
            if isSubjectPronoun(x, b) { return SpeakerPhrase(range: x.range, tokens: [x], kind: .pronoun) }
            if (isNameWord(x, b) && !(i == 0 && opensWithParticiple(t, i, b))) || isTitle(x, b) {
                var e = i + 1
                while e < end && e - i < 8 && (isNameWord(t[e], b) || isTitle(t[e], b) || isParticle(t[e], b)) { e += 1 }
                // `Democratic presidential candidate Bernie Sanders is`: a capitalised modifier,
                // a role, a name.
                if e - i == 1, let longer = nameAfterRole(t, e, b), longer <= end { e = longer }
                let run = Array(t[i..<e])
                let last = run[run.count - 1].text(b)
                let possessive = Self.isPossessive(last)
                let nextIsWord = e < t.count && t[e].kind == .word && !t[e].capitalized
                // `Sanders, who endorsed …`: a relative after the comma says the word names someone.
                let relativeNext = e + 1 < t.count && t[e].isPunct(b, ",") && t[e + 1].lowerIs("who", b)
                if !possessive && (run.count >= 2 || i > 0 || nextIsWord || relativeNext) {
                    return SpeakerPhrase(range: ByteRange(run[0].start, run[run.count - 1].end), tokens: run, kind: .name)
                }
                // `Ryan’s campaign shrugged off …`: a possessive name and the noun it opens, when
                // that can speak.
                if possessive && i == start {
                    var k = e
                    while k < end, k - e < 3, t[k].kind == .word, !t[k].capitalized, wordClass(t[k], b) == nil, cueLength(t, k, b) == 0 {
                        k += 1
                        let phrase = Array(t[i..<k])
                        if canSpeak(phrase, b) {
                            return SpeakerPhrase(range: ByteRange(phrase[0].start, phrase[phrase.count - 1].end), tokens: phrase, kind: .description)
                        }
                    }
                }
                i = e
                continue
            }
            i += 1
        }
        return nil
    }

    /// After a capitalised modifier ending at `e` (`Democratic`), one to three lower-case words
    /// of no class, the last a role (`presidential candidate`), then a name: the end of that
    /// name, else nil.
    func nameAfterRole(_ t: [Token], _ e: Int, _ b: [UInt8]) -> Int? {
        var j = e
        while j < t.count, j - e < 3, t[j].kind == .word, !t[j].capitalized, wordClass(t[j], b) == nil, cueLength(t, j, b) == 0 { j += 1 }
        guard j > e, j < t.count, isNameWord(t[j], b), rules.roles[NameIndex.role(t[j - 1].text(b))] != nil else { return nil }
        var k = j
        while k < t.count, k - j < 5, isNameWord(t[k], b) || isParticle(t[k], b) { k += 1 }
        return k
    }

    /// A description of two or more words that can speak, opened by a determiner or a
    /// quantifier at `i` (`The ad`, `One operative inside Trump Tower`).
    /// Read forwards, the phrase may run on into the verb (`The ad targets a`): then its
    /// longest start that can speak and is followed by a lower-case word (`The ad`).
    func openingDescription(_ t: [Token], _ i: Int, _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        guard i < end, wordClass(t[i], b) == .determiner || wordClass(t[i], b) == .quantifier, let sp = speakerAfter(t, i, b),
              sp.tokens.count >= 2, sp.kind == .description || isNameWord(sp.tokens[sp.tokens.count - 1], b) else { return nil }
        if canSpeak(sp.tokens, b) { return sp }
        guard sp.kind == .description else { return nil }
        for n in stride(from: sp.tokens.count - 1, through: 2, by: -1) {
            let prefix = Array(sp.tokens[..<n])
            let next = sp.tokens[n]
            guard !next.capitalized, wordClass(next, b) == nil, canSpeak(prefix, b) else { continue }
            return SpeakerPhrase(range: ByteRange(prefix[0].start, prefix[n - 1].end), tokens: prefix, kind: .description)
        }
        return nil
    }

    /// Whether the cue word at `i` is used as a verb: not after an article or possessive
    /// (`his remarks`, `Clark’s comments`, `a statement`), and not capitalised inside a
    /// sentence (`the United States`).
    func isVerbUse(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Bool {
        guard i > 0 else { return true }
        let p = t[i - 1]
        if t[i].capitalized && p.kind != .punctuation { return false }
        if wordClass(p, b) == .determiner { return false }
        // `giving states more power`, `citing reports`: the object of a participle; but after
        // a noun in -ing (`the court's ruling said`, `the hearing revealed`), a verb.
        if !p.capitalized && isGerund(p, b) {
            let w = t[i].lower(b)
            let nounBefore = i >= 2 && t[i - 2].kind == .word && contractedSubject(t[i - 2], b) == nil
                && (wordClass(t[i - 2], b) == .determiner || Self.isPossessive(t[i - 2].text(b)))
            if !nounBefore || Self.endsInPluralS(w) || rules.phraseWords.nounForms.contains(w) { return false }
        }
        // `Clark’s comments`, `Sanders’ comments`.
        if p.kind == .word, Self.isPossessive(p.text(b)), contractedSubject(p, b) == nil { return false }
        // After a lower-case word, a cue form may be a noun.
        if p.kind == .word, !p.capitalized {
            let w = t[i].lower(b), v = p.lower(b), c = wordClass(p, b)
            let pluralBefore = Self.endsInPluralS(v)
            // `financial hope that`, `the greatest fear that`: a form that is as often a noun
            // (`rules/phrase-words.tsv`), after a word that is neither a function word nor a
            // plural noun (`economists fear`).
            if c == nil, !pluralBefore, !isSubjectPronoun(p, b), rules.phraseWords.nounForms.contains(w) { return false }
            if Self.endsInPluralS(w) {
                // `to discuss plans to`, `to voice fears`: the object of an infinitive (`a memo to
                // voters says` aside: a plural noun after `to` is no infinitive).
                if c == nil, !pluralBefore, i >= 2, t[i - 2].lowerIs("to", b) { return false }
                // `faced questions`, `any questions`: after a past participle or a quantifier
                // (`one says`, `another says` aside), a plural noun.
                if w.utf8.count >= 4 {
                    if c == .quantifier && !rules.phraseWords.singularQuantifiers.contains(v) { return false }
                    if c == nil && v.utf8.count >= 4 && UTF8Text.hasSuffix(v, "ed") { return false }
                }
            }
        }
        return true
    }

    /// The subject of the cue at `i` inside a sentence: after a comma a participle
    /// (`Trump, speaking in Ohio, said`; `…, saying that`) takes its clause's subject; a
    /// relative pronoun (`Weaver, who said`) stands with the name it follows; otherwise the
    /// phrase right before the cue.
    func subjectOfCue(_ t: [Token], _ i: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        if i > 0 && t[i - 1].isPunct(b, ",") && isGerund(t[i], b) {
            return subjectOfEarlierCue(t, i, b) ?? clauseSubject(t, i, b)
        }
        let e = adverbialsStart(t, i, b)
        // `picked up from his daughter by saying`, `Mr. Sanders, after initially saying`: the
        // gerund after a preposition inside a clause has the clause's subject.
        // Only before a clause (`by saying that`, `by saying he`, `by telling them`): `by adding
        // a few communities`, `by asking prosecutors` are no speech.
        if e >= 2, isGerund(t[i], b), t[e - 1].kind == .word,
           rules.phraseWords.gerundPrepositions.contains(t[e - 1].lower(b)) || rules.phraseWords.subordinators.contains(t[e - 1].lower(b)) {
            guard i + 1 < t.count, t[i + 1].lowerIs("that", b) || isSubjectPronoun(t[i + 1], b)
                || (rules.reporting[t[i].lower(b)] == .addressee && pronoun(t[i + 1], b)?.object == true) else { return nil }
            if t[e - 2].isPunct(b, ",") { return namedBefore(t, e - 2, b) ?? clauseSubject(t, e - 2, b) }
            // (Bounded: a clause of forty tokens at most, whatever the sentence.)
            return e - 1 > 40 || t[..<(e - 1)].contains(where: { $0.kind == .punctuation }) ? nil : clauseSubject(t, e - 1, b)
        }
        if e >= 3, wordClass(t[e - 1], b) == .relative,
           t[e - 2].isPunct(b, ",") || t[e - 2].isDash(b),
           let antecedent = namedBefore(t, e - 2, b) ?? describedBefore(t, e - 2, b) {
            // The mention runs to the pronoun; the name is the antecedent's.
            return SpeakerPhrase(range: ByteRange(antecedent.range.start, t[e - 1].end), tokens: antecedent.tokens,
                                 kind: antecedent.kind)
        }
        // `Richards and Menendez both stressed`, `the candidates all said`: a quantifier after
        // its noun floats; the subject is before it.
        if e >= 2, wordClass(t[e - 1], b) == .quantifier, t[e - 2].kind == .word, wordClass(t[e - 2], b) == nil,
           let sp = speakerBefore(t, e - 1, b) {
            return sp
        }
        let before = speakerBefore(t, i, b)
        // `The town released a statement saying`, `Trump released a new radio ad calling`: a
        // document that is the object of the clause's verb speaks for the clause's subject.
        if isGerund(t[i], b), let doc = before, doc.kind == .description, let head = doc.tokens.last,
           rules.roles[NameIndex.role(head.text(b))] == "document",
           let s = t.firstIndex(where: { $0.start == doc.range.start }), s >= 2, t[s - 1].kind == .word {
            // The verb before the document, past a particle (`put out a statement`).
            let v = s >= 3 && rules.phraseWords.particles.contains(t[s - 1].lower(b)) ? s - 2 : s - 1
            let before = { (sp: SpeakerPhrase?) in sp.flatMap { $0.range.end <= t[v].start ? $0 : nil } }
            if let subject = namedBefore(t, v, b) ?? describedBefore(t, v, b) ?? before(clauseSubject(t, s, b)) ?? openingPhrase(t, v, b) {
                return subject
            }
        }
        return before
    }

    /// The sentence's opening noun phrase when it is all that stands before the verb at `v`: a
    /// determiner or possessive and at most four words of no class (`The town released`).
    private func openingPhrase(_ t: [Token], _ v: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        guard v >= 2, v <= 5, wordClass(t[0], b)?.opensPhrase == true,
              (1..<v).allSatisfy({ t[$0].kind == .word && wordClass(t[$0], b) == nil && cueLength(t, $0, b) == 0 }) else { return nil }
        let tokens = Array(t[0..<v])
        return SpeakerPhrase(range: ByteRange(tokens[0].start, tokens[v - 1].end), tokens: tokens, kind: .description)
    }

    /// Whether a description can name a speaker: its head word is in `rules/roles.tsv` (or
    /// is the plural of one), or a word after the first is capitalised.
    func canSpeak(_ tokens: [Token], _ b: [UInt8]) -> Bool {
        guard let last = tokens.last else { return false }
        let whole = NameIndex.role(last.text(b))
        // `his ex-wife`, `a co-founder`: a role after a hyphenated prefix.
        let head = whole.split(separator: "-").last.map(String.init) ?? whole
        if rules.roles[whole] != nil || isRole(head) { return true }
        let singular = head.hasSuffix("s") ? String(head.dropLast()) : head
        // An agent noun (`the buyer`, `the heckler`, `one attendee`, `a strategist`).
        if tokens.count > 1, rules.phraseWords.agentSuffixes.contains(where: { singular.hasSuffix($0) }) {
            return true
        }
        return tokens.dropFirst().contains { $0.capitalized }
    }

    /// A share ending at `k` (`six in 10`, `4 of 10`, `42%`): a number, a preposition, and a
    /// number or a number word before them.
    func isShare(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool { shareStart(t, k, b) != nil }

    /// Where the share ending at `k` starts: `six in 10`, `4 of 10`, `nine out of 10`, `42%`.
    func shareStart(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Int? {
        if k >= 1, t[k].isPunct(b, "%"), t[k - 1].kind == .number { return k - 1 }
        guard k >= 2, t[k].kind == .number, wordClass(t[k - 1], b) == .preposition else { return nil }
        let j = k >= 3 && t[k - 1].lowerIs("of", b) && t[k - 2].lowerIs("out", b) ? k - 3 : k - 2
        return t[j].kind == .number || wordClass(t[j], b) == .quantifier ? j : nil
    }

    /// A year after a preposition ending at `k` (`in 2010`): a time phrase, not a quantity.
    func isYearPhrase(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        k >= 1 && t[k].kind == .number && t[k].end - t[k].start == 4 && wordClass(t[k - 1], b) == .preposition
    }

    /// Whether a lower-case word ends like a plural or a verb in -s (`plans`, not `discuss`).
    static func endsInPluralS(_ w: String) -> Bool { UTF8Text.hasSuffix(w, "s") && !UTF8Text.hasSuffix(w, "ss") }

    /// A possessive (`Kerry’s`, `Sanders’`), with either apostrophe.
    static func isPossessive(_ w: String) -> Bool {
        UTF8Text.hasSuffix(w, "’s") || UTF8Text.hasSuffix(w, "'s") || UTF8Text.hasSuffix(w, "s’") || UTF8Text.hasSuffix(w, "s'")
    }

    /// A word in `-ing` of five letters or more (`saying`, `adding`): a participle or gerund;
    /// not a time word (`evening`, `morning`).
    func isGerund(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && t.end - t.start >= 5 && t.lowerHasSuffix("ing", b) && wordClass(t, b) != .time
    }

    /// A participle or adverb at `k` (``isParticipleOrAdverb(_:_:)``) that is not a given name in
    /// -ly before a surname (`Carly Fiorina`, `Kelly Ayotte`; `Celebrating Clinton` is a participle).
    func opensWithParticiple(_ t: [Token], _ k: Int, _ b: [UInt8]) -> Bool {
        isParticipleOrAdverb(t[k], b) && !(t[k].lowerHasSuffix("ly", b) && k + 1 < t.count && t[k + 1].capitalized
                                           && wordClass(t[k + 1], b) == nil && isNameWord(t[k + 1], b))
    }

    /// A word ending in `-ing`, `-ed` or `-ly` (`Continuing`, `Asked`, `Separately`): at the
    /// start of a sentence, an opener rather than a name.
    func isParticipleOrAdverb(_ t: Token, _ b: [UInt8]) -> Bool {
        guard t.kind == .word, t.end - t.start >= 5 else { return false }
        if isGivenName(t, b) { return false }  // `Carly`
        return t.lowerHasSuffix("ing", b) || t.lowerHasSuffix("ed", b) || t.lowerHasSuffix("ly", b)
    }

    /// The outermost cue whose complement holds the cue at `i` (subject `sp`): up through the
    /// cues before it that have a subject, while no comma, semicolon, colon, dash or parenthesis
    /// stands between such a cue and the subject of the one it governs (`The Journal notes that
    /// Coulter tweeted …`; `While Trump argued that …, Rubio said …` stops at Rubio). Nil when
    /// there is none.
    func governingCue(_ t: [Token], _ i: Int, _ l: Int, _ sp: SpeakerPhrase, _ b: [UInt8])
        -> (cue: Int, length: Int, speaker: SpeakerPhrase)? {
        var current: (cue: Int, length: Int, speaker: SpeakerPhrase) = (i, l, sp)
        var outer: (cue: Int, length: Int, speaker: SpeakerPhrase)?
        var k = i - 1
        let floor = max(0, i - 80)
        while k >= floor {
            let kl = cueLength(t, k, b)
            guard kl > 0, k + kl <= current.cue, isVerbUse(t, k, b), let ksp = subjectOfCue(t, k, b) else { k -= 1; continue }
            let subjectStart = t.firstIndex { $0.start >= current.speaker.range.start } ?? current.cue
            if k + kl > subjectStart || t[(k + kl)..<subjectStart].contains(where: { x in
                x.isDash(b) || [",", ";", ":", "(", ")"].contains { x.isPunct(b, $0) }
            }) {
                break
            }
            current = (k, kl, ksp)
            outer = current
            k -= 1
        }
        return outer
    }

    /// `It is denouncing what it calls “a coordinated attack”`: a quoting verb in a free
    /// relative (`what` and a pronoun, the cue at `i` with subject `sp`) names the
    /// words of the sentence's own speech act. Its cue and speaker: the cue before it, with its
    /// subject or its clause's; nil when there is none.
    func freeRelativeOuter(_ t: [Token], _ i: Int, _ sp: SpeakerPhrase, _ b: [UInt8]) -> (cue: ByteRange, speaker: SpeakerPhrase)? {
        // (`, which she called “…”` is a relative clause of its own: its own attribution.)
        guard sp.kind == .pronoun, let k = t.firstIndex(where: { $0.start == sp.range.start }), k >= 1,
              t[k - 1].lowerIs("what", b) else { return nil }
        var j = k - 2
        while j >= max(0, k - 40) {
            let l = cueLength(t, j, b)
            if l > 0, isVerbUse(t, j, b), let outer = subjectOfCue(t, j, b) ?? clauseSubject(t, j, b) {
                return (cueRange(t, j, l, b), outer)
            }
            j -= 1
        }
        return nil
    }

    /// The speaker of the last cue before token `end` that has one (`Nefzi said, adding`), or
    /// of the cue that governs it (`Clinton told the audience that she believes …, saying`:
    /// Clinton, not she).
    func subjectOfEarlierCue(_ t: [Token], _ end: Int, _ b: [UInt8]) -> SpeakerPhrase? {
        var i = end - 1
        while i > 0 {
            let l = cueLength(t, i, b)
            if l > 0, isVerbUse(t, i, b) {
                // `…, said Sen. Rand Paul, adding`: the speaker after an inverted cue, up to a comma.
                if t[i - 1].isPunct(b, ","), let sp = speakerAfter(t, i + l, b), sp.kind != .pronoun,
                   sp.kind == .name || canSpeak(sp.tokens, b),
                   let after = t[(i + l)..<end].firstIndex(where: { $0.start >= sp.range.end }), t[after].isPunct(b, ","),
                   !t[i + l].lowerIs("that", b), !t[i].lowerIs("according", b) {
                    return sp
                }
                if let sp = speakerBefore(t, i, b) { return governingCue(t, i, l, sp, b)?.speaker ?? sp }
            }
            i -= 1
        }
        return nil
    }
}
