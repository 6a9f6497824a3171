/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Stages work on bytes; offsets become code points only when records are written
/// (see ``ScalarOffsets``).
public struct ByteRange: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "ByteRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }

    public static func < (a: ByteRange, b: ByteRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}

/// The layers of annotation a ``Document`` can carry; stages declare which they read and add.
public enum DocumentLayer: String, Sendable, CaseIterable {
    case paragraphs, sentences, quotations, attributions, claims
}

/// A run of quoted text: the outermost quotation marks and what they enclose.
///
/// A quotation continued over several paragraphs (the paragraph ends unclosed and the next
/// opens again) has one piece per paragraph.
public struct Quotation: Sendable, Equatable {
    /// Each piece from its opening mark to just after its closing mark (or to the end of its
    /// paragraph when the quotation was left open there).
    public var pieces: [ByteRange]
    /// The text inside the marks of each piece.
    public var inner: [ByteRange]
    /// The index of the paragraph of each piece.
    public var paragraphs: [Int]
    /// True when the last piece has a closing mark (false: closed by the paragraph's end).
    public var closed: Bool
    /// True when the marks are single quotation marks (‘ ’, ' ').
    public var single: Bool

    public var start: Int { pieces[0].start }
    public var end: Int { pieces[pieces.count - 1].end }
}

/// How an attribution's speaker was found: the name of the sieve that decided.
public enum Resolution: String, Sendable {
    case explicit, colon, accordingTo = "according-to", continuation, pronoun, descriptor, transcript
}

/// The speaker of an attribution as found in the document.
public struct Speaker: Sendable, Equatable {
    /// The words naming the speaker here (a name, a pronoun, a description).
    public var mention: ByteRange
    /// The resolved speaker: the fullest name the document gives, without titles.
    public var name: String
    /// A stable id for the speaker across documents.
    public var entity: String
    public var resolution: Resolution
    public var confidence: Double
}

/// The kind of an attribution, as the output contract defines it.
public enum AttributionKind: String, Sendable {
    case direct, mixed, indirect
}

/// One attribution: content (one or more pieces), its speaker and its cue.
public struct Attribution: Sendable, Equatable {
    public var kind: AttributionKind
    /// The content pieces, quotation marks included, in text order.
    public var spans: [ByteRange]
    /// Per piece: its text inside the quotation marks that enclose it (the piece itself when
    /// no marks enclose it); what `text` is made of.
    public var inner: [ByteRange]
    public var speaker: Speaker?
    public var cue: ByteRange?
    /// The content as stated: each piece without its enclosing marks, pieces joined by a
    /// space. Set by ``ClaimExtractor``.
    public var text: String = ""
    /// ``text`` in the form claims are compared in across sources (``ClaimNormalizer``):
    /// case, Unicode form, quotation marks, dashes and spacing made uniform. Set by
    /// ``ClaimExtractor``.
    public var normalized: String = ""
    /// Where each piece of ``text`` after the first starts (UTF-8 offsets into ``text``,
    /// after the joining space); empty for a content of one piece. Set by ``ClaimExtractor``.
    public var pieceStarts: [Int] = []
    /// The claim (cross-source cluster) id, set by ``ClaimMatcher``.
    public var claim: String?
}

/// A news document flowing through the pipeline: the text and what the stages add.
///
/// Each stage reads some layers and adds one (see ``DocumentStage``). All ranges are UTF-8
/// byte offsets into ``bytes``.
public struct Document: Sendable {
    public let id: String
    public let source: String?
    public let path: String?
    /// The text exactly as read.
    public let text: String
    /// The UTF-8 bytes of ``text``.
    public let bytes: [UInt8]

    public var paragraphs: [ByteRange] = []
    public var sentences: [ByteRange] = []
    public var quotations: [Quotation] = []
    public var attributions: [Attribution] = []
    /// The layers present so far.
    public private(set) var layers: Set<DocumentLayer> = []
    /// The tokens of the paragraphs, when a stage has tokenized them once for all its reads
    /// (``Attributor`` does, with its lexicon's tokenizer; see ``tokens(_:_:)``).
    var paragraphTokens: ParagraphTokens?

    public init(id: String, source: String? = nil, path: String? = nil, text: String) {
        self.id = id
        self.source = source
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// Records that a stage has added `layer`.
    public mutating func mark(_ layer: DocumentLayer) { layers.insert(layer) }

    /// Whether byte `position` lies inside one of the document's quotations.
    func insideQuotation(_ position: Int) -> Bool {
        var lo = 0, hi = quotations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotations[mid].start <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && position < quotations[lo - 1].end
    }

    /// ``insideQuotation(_:)`` at the start of each token of `t` (in text order): one binary
    /// search for the first, then a walk along the quotations.
    func insideQuotation(tokens t: [Token]) -> [Bool] {
        guard let first = t.first else { return [] }
        // `lo`: the number of quotations that start at or before the token.
        var lo = 0, hi = quotations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotations[mid].start <= first.start { lo = mid + 1 } else { hi = mid }
        }
        var out: [Bool] = []
        out.reserveCapacity(t.count)
        for x in t {
            while lo < quotations.count && quotations[lo].start <= x.start { lo += 1 }
            out.append(lo > 0 && x.start < quotations[lo - 1].end)
        }
        return out
    }

    /// The index of the first quotation that ends after byte `position` (quotations.count if none).
    func quotationIndex(after position: Int) -> Int {
        var lo = 0, hi = quotations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotations[mid].end <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `tokenizer.tokens(bytes, range)`, read from ``paragraphTokens`` when they are there
    /// (made by the same tokenizer: the stage that made them reads them).
    func tokens(_ tokenizer: Tokenizer, _ range: ByteRange) -> [Token] {
        paragraphTokens?.tokens(range) ?? tokenizer.tokens(bytes, range)
    }

    /// The text of a byte range.
    public func string(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The index of the sentence holding `offset` (the last sentence starting at or before it).
    public func sentenceIndex(at offset: Int) -> Int {
        var lo = 0, hi = sentences.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentences[mid].start <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    /// The index of the paragraph holding `offset`.
    public func paragraphIndex(at offset: Int) -> Int {
        var lo = 0, hi = paragraphs.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].start <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }
}
