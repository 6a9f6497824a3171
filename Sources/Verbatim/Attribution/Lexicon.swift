/// Word-level questions the sieves ask of tokens, answered from the rules.
struct Lexicon {
    let rules: RuleSet
    let tokenizer: Tokenizer

    init(rules: RuleSet) {
        self.rules = rules
        self.tokenizer = Tokenizer(abbreviations: rules.abbreviations)
    }

    /// The length (1 or 2 tokens) of a cue verb starting at token `i`, or 0.
    func cueLength(_ t: [Token], _ i: Int, _ b: [UInt8]) -> Int {
        guard i < t.count, t[i].kind == .word else { return 0 }
        let w = t[i].lower(b)
        if i + 1 < t.count, t[i + 1].kind == .word, rules.cueVerbs[w + " " + t[i + 1].lower(b)] != nil { return 2 }
        if w == "according" { return 0 }  // only as `according to`
        return rules.cueVerbs[w] != nil ? 1 : 0
    }

    func wordClass(_ t: Token, _ b: [UInt8]) -> RuleSet.WordClass? {
        t.kind == .word ? rules.functionWords[t.lower(b)] : nil
    }

    func isPronoun(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && rules.pronouns[t.lower(b)] != nil
    }

    func isTitle(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && rules.titles.contains(t.text(b))
    }

    /// Name particles that may stand lower-case inside a name (Staffan de Mistura).
    func isParticle(_ t: Token, _ b: [UInt8]) -> Bool {
        guard t.kind == .word else { return false }
        switch t.lower(b) {
        case "de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "du", "da", "di", "dos", "del", "ter", "st.":
            return true
        default: return false
        }
    }

    /// A lower-case name particle given as text.
    func isParticleWord(_ w: String) -> Bool {
        ["de", "van", "von", "der", "al", "bin", "la", "le", "du", "da", "di", "del", "of"].contains(w)
    }

    /// A word that can be part of a name: capitalised, not a pronoun or a cue.
    func isNameWord(_ t: Token, _ b: [UInt8]) -> Bool {
        t.kind == .word && t.capitalized && !isPronoun(t, b) && wordClass(t, b) == nil
    }

    func isBoilerplate(_ b: [UInt8], _ p: ByteRange) -> Bool {
        guard p.count < 200 else { return false }
        let head = String(decoding: b[p.start..<min(p.end, p.start + 40)], as: UTF8.self).lowercased()
        return rules.boilerplate.contains { head.hasPrefix($0) }
    }
}
