/// Claim extraction: the text of each attribution's content as stated.
///
/// Reads: ``DocumentLayer/attributions``. Adds: ``DocumentLayer/claims`` (``Attribution/text``
/// and ``Attribution/normalized``).
///
/// Each piece loses the quotation marks that enclose it (and the marks only: inner marks and
/// punctuation stay); the pieces are joined by one space (`“A,” he said, “B.”` → `A, B.`).
public struct ClaimExtractor: DocumentStage {
    public let name = "claims"
    public let requires: Set<DocumentLayer> = [.attributions]
    public let provides: DocumentLayer = .claims

    public init() {}

    public mutating func process(_ document: inout Document) {
        let b = document.bytes
        var text: [UInt8] = []
        for k in document.attributions.indices {
            text.removeAll(keepingCapacity: true)
            for r in document.attributions[k].inner {
                collapse(b[r.start..<r.end], into: &text)
            }
            let string = String(decoding: text, as: UTF8.self)
            document.attributions[k].text = string
            document.attributions[k].normalized = ClaimNormalizer.normalize(string)
        }
        document.mark(.claims)
    }

    /// Appends a piece with its white space runs (line breaks of a wrapped paragraph
    /// included) as one space, trimmed, after one space when `out` holds an earlier piece;
    /// an empty piece appends nothing.
    private func collapse(_ b: ArraySlice<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        var space = false
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            let isSpace = c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
                || (c == 0xC2 && i + 1 < b.endIndex && b[i + 1] == 0xA0)
            if isSpace {
                space = out.count > start
                i += c == 0xC2 ? 2 : 1
                continue
            }
            // The first byte of the piece: after the pieces before it, one space.
            if out.count == start && start > 0 { out.append(0x20) }
            if space { out.append(0x20) }
            space = false
            out.append(c)
            i += 1
        }
    }
}
