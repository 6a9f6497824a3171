/// Transcript turns: paragraphs opened by an upper-case speaker label and a colon
/// (`SECRETARY KERRY: Thank you. …`, `Q: Mr. Secretary, …`), each one attribution of the
/// paragraph's text to its label, with the colon as cue (PolNeAR's annotation of turns).
///
/// Reads: ``DocumentLayer/paragraphs``. Used by ``Attributor`` next to its sieves.
///
/// - A paragraph is a *candidate* when it opens with a label of one to four upper-case words
///   (at most ``maxLabelBytes`` bytes), then `:`, white space and text. The label is not a
///   `heading` of `rules/transcript-labels.tsv` (`CORRECTION`, `UPDATE`) and the paragraph
///   does not start with a prefix of `rules/boilerplate.tsv`; the text is not itself a
///   headline: its first words are not all upper case (`UN: PEACEKEEPERS PAYING …`) and it
///   is not title case (`BOOM: Trump Just Fired A Missile`).
/// - Candidates are turns only inside a transcript: a run of at least two candidates, each at
///   most ``maxGap`` paragraphs after the one before, in which one speaker speaks twice (the
///   same label, or the same last word: `JAKE TAPPER` … `TAPPER`) or every label is a role.
///   A lone headline or dateline (`WASHINGTON: …`) is never a turn.
/// - The speaker is a ``SpeakerPhrase`` over the label, one token per label word: a
///   `role` label of `rules/transcript-labels.tsv` (`MODERATOR`, `Q`) is a description, any
///   other a name (see ``name(label:lexicon:)`` for its resolved form).
/// - A turn is one paragraph: the unlabelled paragraphs after it are not joined.
///
/// Complexity: O(n): each paragraph is read for at most ``maxLabelBytes`` bytes of label and
/// ``headlineWindow`` bytes of text, plus the white space around its text.
struct TranscriptTurns {
    let lexicon: Lexicon

    /// The longest label read, in bytes (`SENIOR ADMINISTRATION OFFICIAL` fits).
    static let maxLabelBytes = 48
    /// The most words of a label.
    static let maxLabelWords = 4
    /// How many paragraphs a turn may follow the turn before it and still be in its run.
    static let maxGap = 5
    /// How much of a turn's text (bytes) is read to tell a headline from speech.
    static let headlineWindow = 160

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// A labelled paragraph before the document-level checks.
    private struct Candidate {
        var paragraph: Int
        var words: [ByteRange]
        var colon: Int
        var content: ByteRange
        var role: Bool
        /// Who speaks: the role label, or the last word of a name (`TAPPER`).
        var key: String
    }

    /// The turns of the document, in text order; none unless it holds a transcript.
    func turns(in document: Document) -> [DraftAttribution] {
        let b = document.bytes
        var candidates: [Candidate] = []
        for (p, paragraph) in document.paragraphs.enumerated() {
            if let c = candidate(p, paragraph, b) { candidates.append(c) }
        }
        var out: [DraftAttribution] = []
        var first = 0
        while first < candidates.count {
            var end = first + 1
            while end < candidates.count && candidates[end].paragraph - candidates[end - 1].paragraph <= Self.maxGap { end += 1 }
            let run = candidates[first..<end]
            var seen: [String: Int] = [:]
            for c in run { seen[c.key, default: 0] += 1 }
            if run.count >= 2 && (seen.values.contains { $0 >= 2 } || run.allSatisfy(\.role)) {
                for c in run {
                    let tokens = c.words.map { Token(start: $0.start, end: $0.end, kind: .word, capitalized: true) }
                    let speaker = SpeakerPhrase(range: ByteRange(c.words[0].start, c.words[c.words.count - 1].end),
                                                tokens: tokens, kind: c.role ? .description : .name)
                    out.append(DraftAttribution(spans: [c.content], inner: [c.content], speaker: speaker,
                                                cue: ByteRange(c.colon, c.colon + 1), resolution: .transcript,
                                                confidence: 0.9, lastParagraph: c.paragraph))
                }
            }
            first = end
        }
        return out
    }

    /// The label and text of paragraph `p` when it reads as a turn on its own.
    private func candidate(_ p: Int, _ paragraph: ByteRange, _ b: [UInt8]) -> Candidate? {
        guard let (words, colon) = Self.label(paragraph, b, after: lexicon.doubleMarks) else { return nil }
        // The text: after the colon and white space, to the paragraph's end without white space.
        var s = colon + 1
        guard s < paragraph.end, UTF8Text.isSpace(UTF8Text.scalar(at: s, in: b).0) else { return nil }
        while s < paragraph.end, case let (c, len) = UTF8Text.scalar(at: s, in: b), UTF8Text.isSpace(c) { s += len }
        var e = paragraph.end
        while e > s, let c = UTF8Text.scalar(before: e, in: b, floor: s), UTF8Text.isSpace(c) { e = UTF8Text.previousStart(before: e, in: b) }
        guard s < e, !Self.isHeadline(b, ByteRange(s, min(e, s + Self.headlineWindow))) else { return nil }
        let label = Token(start: words[0].start, end: words[words.count - 1].end, kind: .word, capitalized: true).lower(b)
        let kind = lexicon.rules.transcriptLabels[label]
        guard kind != .heading else { return nil }
        guard !lexicon.startsWithBoilerplate(b, paragraph) else { return nil }
        let role = kind == .role
        let last = words[words.count - 1]
        return Candidate(paragraph: p, words: words, colon: colon, content: ByteRange(s, e), role: role,
                         key: role ? label : String(decoding: b[last.start..<last.end], as: UTF8.self))
    }

    /// The words of an upper-case label opening `paragraph`, after at most one of `marks` (a
    /// transcript quoted as a block: `"PENCE: Well, …`), and the offset of its colon: one to
    /// four words of upper-case letters (and `. ' ’ -` inside or after them), one space apart.
    /// Reads at most ``maxLabelBytes`` bytes.
    static func label(_ paragraph: ByteRange, _ b: [UInt8], after marks: Set<Unicode.Scalar> = []) -> ([ByteRange], Int)? {
        let limit = min(paragraph.end, paragraph.start + maxLabelBytes)
        var words: [ByteRange] = []
        var i = paragraph.start
        if i < limit, case let (c, len) = UTF8Text.scalar(at: i, in: b), marks.contains(c) { i += len }
        while i < limit {
            let start = i
            guard UTF8Text.isUpper(UTF8Text.scalar(at: i, in: b).0) else { return nil }
            while i < limit {
                let (c, len) = UTF8Text.scalar(at: i, in: b)
                guard UTF8Text.isUpper(c) || c == "." || c == "'" || c == "\u{2019}" || c == "-" else { break }
                i += len
            }
            words.append(ByteRange(start, i))
            guard words.count <= maxLabelWords, i < limit else { return nil }
            if b[i] == 0x3A { return (words, i) }
            guard b[i] == 0x20 else { return nil }
            i += 1
        }
        return nil
    }

    /// Whether the start of a turn's text reads as a headline, not speech: its first three
    /// words of two or more letters all upper case, or title case (``Attributor/isTitleCase(_:_:)``).
    static func isHeadline(_ b: [UInt8], _ r: ByteRange) -> Bool {
        var words = 0, upper = 0
        var i = r.start
        while i < r.end && words < 3 {
            while i < r.end && !UTF8Text.isAlnum(UTF8Text.scalar(at: i, in: b).0) { i += UTF8Text.scalar(at: i, in: b).1 }
            var letters = 0, lower = false
            while i < r.end, case let (c, len) = UTF8Text.scalar(at: i, in: b), UTF8Text.isAlnum(c) {
                if UTF8Text.isLower(c) { lower = true }
                if !UTF8Text.isDigit(c) { letters += 1 }
                i += len
            }
            if letters >= 2 {
                words += 1
                if !lower { upper += 1 }
            }
        }
        return (words >= 2 && upper == words) || Attributor.isTitleCase(b, [r])
    }

    /// The label as a name is written: each word capitalised, the rest in lower case, a
    /// capital after a hyphen and after `O'`/`D'`, `Mc` names (`MCCAIN` → `McCain`) and
    /// `particles` in lower case after the first word (`STAFFAN DE MISTURA` → `Staffan de
    /// Mistura`). `MINISTER REYNE` → `Minister Reyne`, `DR. KOVI` → `Dr. Kovi`.
    static func displayName(label: String, particles: Set<String> = []) -> String {
        var out: [String] = []
        for (n, word) in label.split(separator: " ").enumerated() {
            let lower = word.lowercased()
            if n > 0 && particles.contains(lower) { out.append(lower); continue }
            var w = ""
            var capital = true
            for (k, ch) in lower.enumerated() {
                w += capital ? ch.uppercased() : String(ch)
                capital = ch == "-" || ((ch == "'" || ch == "\u{2019}") && k == 1)
                    || (k == 1 && lower.hasPrefix("mc") && lower.count > 3)
            }
            out.append(w)
        }
        return out.joined(separator: " ")
    }

    /// The speaker's name from a label: ``displayName(label:particles:)`` without its titles
    /// (`rules/titles.tsv`, as ``SpeakerResolver`` strips them): `MINISTER REYNE` → `Reyne`,
    /// `SECRETARY KERRY` → `Kerry`, `JAKE TAPPER` → `Jake Tapper`, `DR. KOVI` → `Kovi`.
    static func name(label: String, lexicon: Lexicon) -> String {
        let words = displayName(label: label, particles: lexicon.rules.nameParticles).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return label }
        let s = lexicon.nameStart(words)
        // All titles (`SECRETARY`): the label itself, as a name of titles keeps its words.
        return (s < words.count ? words[s...] : words[...]).joined(separator: " ")
    }
}
