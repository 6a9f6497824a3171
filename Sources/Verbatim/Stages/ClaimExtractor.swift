/// Claim extraction: the text of each attribution's content as stated.
///
/// Reads: ``DocumentLayer/attributions``. Adds: ``DocumentLayer/claims`` (``Attribution/text``).
///
/// Each piece loses the quotation marks that enclose it (and the marks only: inner marks and
/// punctuation stay); the pieces are joined by one space (`“A,” he said, “B.”` → `A, B.`).
public struct ClaimExtractor: DocumentStage {
    public let name = "claims"
    public let requires: Set<DocumentLayer> = [.attributions, .quotations]
    public let provides: DocumentLayer = .claims

    public init() {}

    public mutating func process(_ document: inout Document) {
        let b = document.bytes
        // The inner range of every quotation piece, by its outer range.
        var inner: [ByteRange: ByteRange] = [:]
        for q in document.quotations {
            for (piece, i) in zip(q.pieces, q.inner) { inner[piece] = i }
        }
        for k in document.attributions.indices {
            let a = document.attributions[k]
            var parts: [String] = []
            for (span, enclosed) in zip(a.spans, a.enclosed) {
                let r = enclosed ? (inner[span] ?? span) : span
                let text = String(decoding: b[r.start..<r.end], as: UTF8.self)
                parts.append(collapse(text))
            }
            document.attributions[k].text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        }
        document.mark(.claims)
    }

    /// White space runs (line breaks of a wrapped paragraph included) as one space, trimmed.
    private func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for u in s.unicodeScalars {
            if UTF8Text.isSpace(u) {
                space = !out.isEmpty
            } else {
                if space { out += " " }
                space = false
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
