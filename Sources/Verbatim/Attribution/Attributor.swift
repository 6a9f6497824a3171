/// Speaker attribution: decides which quotations are speech, who said them and the cue.
///
/// Reads: ``DocumentLayer/paragraphs``, ``DocumentLayer/quotations``.
/// Adds: ``DocumentLayer/attributions``.
///
/// For every quotation, in text order, the sieves of ``sieves`` are asked in turn, most
/// precise first; the first to decide wins and its resolution is recorded. A quotation no
/// sieve takes is not speech (a scare quote, a title, a quoted headline) and yields nothing.
/// Quotations in boilerplate paragraphs (`rules/boilerplate.tsv`) are skipped. The turns of a
/// transcript (``TranscriptTurns``) are attributions too, and the quotations inside them are
/// not asked of the sieves. Speaker names are then resolved by ``SpeakerResolver``.
/// Complexity: O(n): every sieve reads a bounded window of tokens around its quotation.
public struct Attributor: DocumentStage {
    public let name = "attribution"
    public let requires: Set<DocumentLayer> = [.paragraphs, .sentences, .quotations]
    public let provides: DocumentLayer = .attributions

    /// The sieves in the order they are asked.
    static let sieves: [any AttributionSieve] = [
        CueAfterQuote(), CueBeforeQuote(), ColonIntroduction(), AccordingTo(),
        InterruptedQuote(), CueInSentence(), SignatureLine(), ParagraphContinuation(), ReportedSpeechContinues(), QuotedInClause(), StandaloneQuote(),
    ]

    private let lexicon: Lexicon
    private let resolver: SpeakerResolver
    /// The quotation marks of the rules, to see past nested closing marks.
    private let marks: MarkTable

    public init(rules: RuleSet) {
        lexicon = Lexicon(rules: rules)
        resolver = SpeakerResolver(lexicon: lexicon)
        marks = MarkTable(rules.quoteMarks)
        let names = Self.sieves.map(\.name)
        precondition(Set(names).count == names.count, "two attribution sieves share a name")
    }

    public mutating func process(_ document: inout Document) {
        // Sentences and the words around quotations are read from the paragraphs' tokens
        // (held for a document of up to a megabyte).
        document.paragraphTokens = ParagraphTokens(bytes: document.bytes, paragraphs: document.paragraphs,
                                                   tokenizer: lexicon.tokenizer)
        defer { document.paragraphTokens = nil }
        // Transcript turns take their paragraphs: a quotation inside a turn is part of it.
        let turns = TranscriptTurns(lexicon: lexicon).turns(in: document)
        var rest = document
        let turnParagraphs = Set(turns.map(\.lastParagraph))
        if !turns.isEmpty { rest.quotations.removeAll { turnParagraphs.contains($0.paragraphs[0]) } }
        let quoted = (turns + attribute(rest)).sorted { $0.spans[0].start < $1.spans[0].start }
        let drafts = ReportedSpeech(lexicon: lexicon).attribute(document, quoted: quoted)
        document.attributions = resolver.resolve(drafts, in: document)
        document.mark(.attributions)
    }

    /// Runs the sieves over every quotation of the document.
    func attribute(_ document: Document) -> [DraftAttribution] {
        let b = document.bytes
        let quotations = document.quotations
        var drafts: [DraftAttribution] = []
        var owner = [Int?](repeating: nil, count: quotations.count)
        var last: (index: Int, paragraph: Int)?
        var q = 0
        while q < quotations.count {
            let p = quotations[q].paragraphs[0]
            var end = q
            while end < quotations.count && quotations[end].paragraphs[0] == p { end += 1 }
            let paragraph = document.paragraphs[p]
            if lexicon.isBoilerplate(b, paragraph) { q = end; continue }
            var lastAttributed: Int?
            for k in q..<end {
                let f = frame(k, document, after: lastAttributed, end: end)
                let previous = k > q ? owner[k - 1] : nil
                let between: ByteRange? = k > q && quotations[k - 1].end <= quotations[k].start
                    ? ByteRange(quotations[k - 1].end, quotations[k].start) : nil
                let context = SieveContext(bytes: b, lexicon: lexicon, previousInParagraph: previous,
                                           previousCue: previous.flatMap { drafts[$0].cue },
                                           previousSpeaker: previous.flatMap { drafts[$0].speaker },
                                           betweenPrevious: between, last: last)
                var decision: SieveDecision?
                // Empty marks (`“”`) quote nothing.
                for sieve in Self.sieves where f.words > 0 {
                    if let d = sieve.decide(f, context) { decision = d; break }
                }
                let lastParagraph = quotations[k].paragraphs[quotations[k].paragraphs.count - 1]
                switch decision {
                case .attribute(let speaker, let cue, let resolution, let confidence):
                    drafts.append(DraftAttribution(spans: quotations[k].pieces, inner: quotations[k].inner,
                                                   speaker: speaker, cue: cue,
                                                   resolution: resolution, confidence: confidence,
                                                   lastParagraph: lastParagraph))
                    owner[k] = drafts.count - 1
                case .join(let index, _):
                    drafts[index].spans += quotations[k].pieces
                    drafts[index].inner += quotations[k].inner
                    drafts[index].lastParagraph = max(drafts[index].lastParagraph, lastParagraph)
                    owner[k] = index
                case nil:
                    continue
                }
                last = (owner[k]!, drafts[owner[k]!].lastParagraph)
                lastAttributed = k
            }
            q = end
        }
        return Self.attributeForward(drafts, document)
    }

    /// A quotation with no speaker that ends its paragraph, followed by a paragraph that opens
    /// with an attributed quotation (`“…”` ¶ `“It’s gutless leadership,” Warren said.`): one
    /// attribution, the speaker of the second.
    static func attributeForward(_ drafts: [DraftAttribution], _ document: Document) -> [DraftAttribution] {
        guard drafts.count >= 2 else { return drafts }
        var out: [DraftAttribution] = []
        out.reserveCapacity(drafts.count)
        var i = 0
        while i < drafts.count {
            let d = drafts[i]
            if d.speaker == nil, d.cue == nil, i + 1 < drafts.count, drafts[i + 1].speaker != nil,
               drafts[i + 1].resolution != .continuation {
                let next = drafts[i + 1]
                let p = d.lastParagraph
                let nextStart = next.spans[0].start
                let tail = ByteRange(min(d.spans[d.spans.count - 1].end, document.paragraphs[p].end), document.paragraphs[p].end)
                if p + 1 < document.paragraphs.count, nextStart == document.paragraphs[p + 1].start, !hasWord(document.bytes, tail) {
                    var merged = next
                    merged.spans = d.spans + next.spans
                    merged.inner = d.inner + next.inner
                    out.append(merged)
                    i += 2
                    continue
                }
            }
            out.append(d)
            i += 1
        }
        return out
    }

    /// The words around quotation `k`: its paragraph's quotations end before `end`, and
    /// `previous` is the last one before `k` that is speech (others read as plain words).
    func frame(_ k: Int, _ document: Document, after previous: Int?, end: Int) -> QuoteFrame {
        let b = document.bytes
        let quote = document.quotations[k]
        let p = quote.paragraphs[0]
        let paragraph = document.paragraphs[p]
        let lastParagraph = document.paragraphs[quote.paragraphs[quote.paragraphs.count - 1]]
        // Frames reach at most `window` bytes from the quotation, so a paragraph of thousands
        // of quotation marks stays linear.
        var beforeStart = max(previous.map { document.quotations[$0].end } ?? paragraph.start, quote.start - Self.window)
        if k >= 3, document.quotations[k - 3].paragraphs[0] == p {
            // Never more than three quotations back.
            beforeStart = max(beforeStart, document.quotations[k - 3].end)
        }
        var before = Self.dropParentheses(document.tokens(lexicon.tokenizer, ByteRange(min(beforeStart, quote.start), quote.start)), b)
        if let cut = before.indices.last(where: { lexicon.isSentenceEnd(before, $0, b) }) { before = Array(before[(cut + 1)...]) }
        if before.isEmpty && previous == nil && quote.start == paragraph.start && p > 0 {
            // `He said:` ending the paragraph before: the introduction of this one.
            let prior = document.paragraphs[p - 1]
            let tail = document.tokens(lexicon.tokenizer, ByteRange(max(prior.start, prior.end - 400), prior.end))
            if let lastToken = tail.last, lastToken.isPunct(b, ":") {
                let cut = tail.indices.last(where: { lexicon.isSentenceEnd(tail, $0, b) }).map { $0 + 1 } ?? 0
                before = Array(tail[cut...])
            }
        }
        var priorSentences: ByteRange?
        if before.isEmpty && quote.start > paragraph.start {
            let from = max(paragraph.start, quote.start - Self.window, k > 0 && document.quotations[k - 1].end <= quote.start
                           && document.quotations[k - 1].paragraphs.last == p ? document.quotations[k - 1].end : paragraph.start)
            priorSentences = ByteRange(from, quote.start)
        } else if before.isEmpty && quote.start == paragraph.start && p > 0 && previous == nil {
            // A paragraph opening with a quotation: the paragraph before, after its last
            // quotation (`Carter said that …` ¶ `“That’s because …”`).
            let prior = document.paragraphs[p - 1]
            var from = max(prior.start, prior.end - Self.window)
            if k > 0, document.quotations[k - 1].end > from, document.quotations[k - 1].end <= prior.end {
                from = document.quotations[k - 1].end
            }
            priorSentences = ByteRange(from, prior.end)
        }
        var nextParagraph: [Token]?
        let lastP = quote.paragraphs[quote.paragraphs.count - 1]
        if lastP + 1 < document.paragraphs.count, document.paragraphs[lastP + 1].count <= 80 {
            nextParagraph = document.tokens(lexicon.tokenizer, document.paragraphs[lastP + 1])
        }
        let afterEnd = min(k + 1 < end ? document.quotations[k + 1].start : lastParagraph.end, quote.end + Self.window / 2)
        let after = Self.dropParentheses(
            document.tokens(lexicon.tokenizer, ByteRange(quote.end, max(quote.end, min(afterEnd, lastParagraph.end)))), b)
        // The paragraph holds nothing but quotations (and a short byline: `… Dave Clark, AFP/`).
        var fills = quote.start == paragraph.start
        if fills {
            var gap = quote.end, words = 0
            for next in document.quotations[(k + 1)..<end] where next.start >= gap {
                let between = ByteRange(gap, next.start)
                if Self.hasWord(b, between) { words += Self.countWords(b, between, limit: 50) }
                gap = next.end
            }
            if gap < lastParagraph.end && Self.hasWord(b, ByteRange(gap, lastParagraph.end)) {
                let tail = document.tokens(lexicon.tokenizer, ByteRange(gap, min(lastParagraph.end, gap + 200)))
                words += tail.filter { $0.kind == .word }.count + (lastParagraph.end > gap + 200 ? 50 : 0)
                if lexicon.hasCue(tail, b) { words += 50 }
            }
            fills = words <= 5
        }
        var words = 0
        for r in quote.inner where words < 50 { words += Self.countWords(b, r, limit: 50) }
        return QuoteFrame(quotation: k, before: before, after: after, fillsParagraph: fills,
                          priorSentences: priorSentences, nextParagraph: nextParagraph,
                          paragraph: p, words: words, titleCase: words <= 8 && Self.isTitleCase(b, quote.inner),
                          endsWithPunctuation: endsWithPunctuation(quote, b), lastInnerScalar: lastInnerScalar(quote, b))
    }

    /// Whether the range holds a letter or digit (bytes of multibyte letters count as letters).
    static func hasWord(_ b: [UInt8], _ r: ByteRange) -> Bool {
        var i = r.start
        while i < r.end {
            let c = b[i]
            if c >= 0x80 {
                let (s, len) = UTF8Text.scalar(at: i, in: b)
                if UTF8Text.isAlnum(s) { return true }
                i += len
                continue
            }
            if UTF8Text.isASCIIAlnum(c) { return true }
            i += 1
        }
        return false
    }

    /// The number of runs of non-space characters in the range, up to `limit`.
    static func countWords(_ b: [UInt8], _ r: ByteRange, limit: Int) -> Int {
        var n = 0, inWord = false
        var i = r.start
        while i < r.end && n < limit {
            let space = b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D
            if !space && !inWord { n += 1 }
            inWord = !space
            i += 1
        }
        return n
    }

    /// Every word of four or more letters starts with a capital (`Rivers Without Borders`).
    static func isTitleCase(_ b: [UInt8], _ ranges: [ByteRange]) -> Bool {
        var long = 0
        for r in ranges {
            var i = r.start
            while i < r.end {
                while i < r.end && !UTF8Text.isASCIILetter(b[i]) { i += 1 }
                let s = i
                while i < r.end && UTF8Text.isASCIILetter(b[i]) { i += 1 }
                if i - s >= 4 {
                    long += 1
                    if b[s] >= 0x61 { return false }
                }
            }
        }
        return long >= 2
    }

    /// How far (bytes) a frame reaches from its quotation.
    static let window = 1_000

    /// Tokens outside parentheses and brackets (`Sen. Marco Rubio (R-Fla.) said`).
    static func dropParentheses(_ t: [Token], _ b: [UInt8]) -> [Token] {
        guard t.contains(where: { $0.isPunct(b, "(") || $0.isPunct(b, "[") }) else { return t }
        var out: [Token] = []
        out.reserveCapacity(t.count)
        var depth = 0
        for x in t {
            if x.isPunct(b, "(") || x.isPunct(b, "[") { depth += 1; continue }
            if depth > 0 && (x.isPunct(b, ")") || x.isPunct(b, "]")) { depth -= 1; continue }
            if depth == 0 { out.append(x) }
        }
        return depth == 0 ? out : t
    }

    /// The last character inside the closing mark, past white space and the closing marks of
    /// nested quotations (`…Queen,’”`).
    private func lastInnerScalar(_ q: Quotation, _ b: [UInt8]) -> Unicode.Scalar? {
        let inner = q.inner[q.inner.count - 1]
        var e = inner.end
        while e > inner.start, let c = UTF8Text.scalar(before: e, in: b), UTF8Text.isSpace(c) || marks.isMarkScalar(c) {
            e = UTF8Text.previousStart(before: e, in: b)
        }
        return e > inner.start ? UTF8Text.scalar(before: e, in: b) : nil
    }

    /// `,” / .” / ?” / ”,`: the quotation ends a clause.
    private func endsWithPunctuation(_ q: Quotation, _ b: [UInt8]) -> Bool {
        if let c = lastInnerScalar(q, b), Self.clauseEnd(c) { return true }
        if q.end < b.count {
            let c = UTF8Text.scalar(at: q.end, in: b).0
            if Self.clauseEnd(c) { return true }
        }
        return false
    }

    static func clauseEnd(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "." || c == "?" || c == "!" || c == "\u{2026}" || c == "\u{2014}" || c == "-" || c == "\u{2013}"
    }
}
