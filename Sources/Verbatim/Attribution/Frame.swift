/// The words around one quotation inside its paragraph, as the sieves see them.
///
/// `before` runs from the end of the previous sentence (or the previous quotation that is
/// speech, or the paragraph start; a quoted title reads as plain words) to the opening mark;
/// `after` from the closing mark to the next quotation or the paragraph end; both reach at
/// most ``Attributor/window`` bytes. Sentences here are cut at
/// `. ! ? ;` outside quotation marks, not by ICU, which breaks after `?”` even when the
/// attribution follows (`“Why?” Kerry asked.`).
struct QuoteFrame {
    /// The index of the quotation in the document.
    let quotation: Int
    let before: [Token]
    let after: [Token]
    /// The quotation opens a paragraph that holds only quotations (and at most a short byline).
    let fillsParagraph: Bool
    /// When the quotation opens a sentence: the text of the paragraph before it (at most
    /// ``Attributor/window`` bytes, from the previous quotation), else nil. Tokenised only by
    /// the sieve that needs it.
    let priorSentences: ByteRange?
    /// The tokens of the next paragraph when it is short (a signature line), else nil.
    let nextParagraph: [Token]?
    /// The paragraph of the first piece.
    let paragraph: Int
    /// The number of words inside the marks.
    let words: Int
    /// The quoted text looks like a title: at most eight words, every long word capitalised.
    let titleCase: Bool
    /// The quoted text ends with , ? ! or . just inside or outside the closing mark.
    let endsWithPunctuation: Bool
    /// The last character inside the closing mark (past spaces and nested closing marks).
    let lastInnerScalar: Unicode.Scalar?

    /// The quoted text ends a sentence: a period just inside the closing mark.
    var endsWithPeriod: Bool { lastInnerScalar == "." }
}

/// A speaker noun phrase found next to a cue.
struct SpeakerPhrase {
    enum Kind { case name, pronoun, description }
    var range: ByteRange
    var tokens: [Token]
    var kind: Kind
}

/// What a sieve decides for one quotation.
enum SieveDecision {
    /// A new attribution with this speaker (if any) and cue (if any).
    case attribute(speaker: SpeakerPhrase?, cue: ByteRange?, resolution: Resolution, confidence: Double)
    /// The quotation is another piece of attribution `index` (already decided).
    case join(index: Int, resolution: Resolution)
}
