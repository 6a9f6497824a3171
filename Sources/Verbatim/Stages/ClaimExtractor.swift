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
        for k in document.attributions.indices {
            var parts: [String] = []
            for r in document.attributions[k].inner {
                parts.append(collapse(b[r.start..<r.end]))
            }
            let text = parts.filter { !$0.isEmpty }.joined(separator: " ")
            document.attributions[k].text = text
            document.attributions[k].normalized = ClaimNormalizer.normalize(text)
        }
        document.mark(.claims)
    }

    /// White space runs (line breaks of a wrapped paragraph included) as one space, trimmed.
    private func collapse(_ b: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var space = false
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            let isSpace = c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
                || (c == 0xC2 && i + 1 < b.endIndex && b[i + 1] == 0xA0)
            if isSpace {
                space = !out.isEmpty
                i += c == 0xC2 ? 2 : 1
                continue
            }
            if space { out.append(0x20) }
            space = false
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
