/// The whole of Verbatim for one run: documents in, records out.
///
/// ```
///  InputDocument ─▶ Segmenter ─▶ QuoteDetector ─▶ Attributor ─▶ ClaimExtractor ─▶ ClaimMatcher ─▶ [Record]
///                  paragraphs,    quotations       attributions    claim text        claim ids,
///                  sentences                                                         match records
/// ```
/// Each per-document stage adds one layer to the ``Document`` value; the matcher keeps state
/// across documents. ``process(_:)`` returns a document's records (its `document` record,
/// then its `quote` records, then any `match` records); ``finish()`` the `cluster` records.
import Foundation

public final class Pipeline {
    /// `VERBATIM_DEBUG=1` lists every quotation found on standard error.
    private let debug = ProcessInfo.processInfo.environment["VERBATIM_DEBUG"] != nil
    private var stages: [any DocumentStage]
    private let matcher: ClaimMatcher

    /// - Precondition: every stage's requirements are provided by the stages before it.
    public init(rules: RuleSet, chunkSize: Int = 1 << 20) {
        stages = [Segmenter(rules: rules, chunkSize: chunkSize), QuoteDetector(rules: rules), Attributor(rules: rules),
                  ClaimExtractor()]
        matcher = ClaimMatcher(rules: rules)
        var provided: Set<DocumentLayer> = []
        for stage in stages {
            let missing = stage.requires.subtracting(provided)
            precondition(missing.isEmpty, "stage \(stage.name) runs before what it needs: \(missing)")
            provided.insert(stage.provides)
            if stage.provides == .sentences { provided.insert(.paragraphs) }
        }
    }

    /// Runs the per-document stages over one document.
    public func analyse(_ input: InputDocument) -> Document {
        var document = Document(id: input.id, source: input.source, path: input.path, text: input.text)
        for i in stages.indices { stages[i].process(&document) }
        if debug {
            for q in document.quotations {
                let text = q.pieces.map { document.string($0).prefix(60) }.joined(separator: " | ")
                FileHandle.standardError.write(Data("quotation \(q.pieces) closed=\(q.closed): \(text)\n".utf8))
            }
        }
        return document
    }

    /// The records of one document, in contract order.
    public func process(_ input: InputDocument) -> [Record] {
        var document = analyse(input)
        let ids = document.attributions.indices.map { "\(document.id)#\($0 + 1)" }
        let matches = matcher.add(&document, quoteIDs: ids)
        var records = Self.records(document, ids: ids)
        records += matches.map(Record.match)
        return records
    }

    /// The records that close the run.
    public func finish() -> [Record] { matcher.finish().map(Record.cluster) }

    /// A document's `document` and `quote` records, offsets converted to code points.
    static func records(_ d: Document, ids: [String]) -> [Record] {
        let offsets = ScalarOffsets(d.bytes)
        func span(_ r: ByteRange) -> Span { Span(offsets.scalarOffset(r.start), offsets.scalarOffset(r.end)) }
        var out: [Record] = [.document(DocumentRecord(
            doc: d.id, source: d.source, path: d.path, chars: offsets.count, paragraphs: d.paragraphs.count,
            sentences: d.sentences.count, quotes: d.attributions.count, lang: "en"))]
        for (k, a) in d.attributions.enumerated() {
            let first = d.sentenceIndex(at: a.spans[0].start)
            let last = d.sentenceIndex(at: max(a.spans[a.spans.count - 1].end - 1, 0))
            let speaker = a.speaker.map {
                QuoteRecord.SpeakerField(name: $0.name, mention: d.string($0.mention), span: span($0.mention),
                                         entity: $0.entity, resolution: $0.resolution.rawValue, confidence: $0.confidence)
            }
            let cue = a.cue.map { QuoteRecord.CueField(text: d.string($0), span: span($0)) }
            out.append(.quote(QuoteRecord(
                id: ids[k], doc: d.id, source: d.source, kind: a.kind.rawValue, text: a.text,
                spans: a.spans.map(span), sentences: (first, max(first, last)), speaker: speaker, cue: cue,
                claim: a.claim ?? ids[k])))
        }
        return out
    }
}
