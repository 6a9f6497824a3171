/// Claim extraction: the text of each attribution's content as stated.
///
/// Reads: ``DocumentLayer/attributions``. Adds: ``DocumentLayer/claims`` (``Attribution/text``
/// and ``Attribution/normalized``, and where each piece starts in the text,
/// ``Attribution/pieceStarts``).
///
/// Each piece loses the quotation marks that enclose it (and the marks only: inner marks and
/// punctuation stay); the pieces are joined by one space (`“A,” he said, “B.”` → `A, B.`).
public struct ClaimExtractor: DocumentStage {
    public let name = "claims"
    public let requires: Set<DocumentLayer> = [.attributions]
    public let provides: DocumentLayer = .claims

    public init() {}

    public mutating func process(_ document: inout Document) {
        document.bytes.withUnsafeBufferPointer { b in
            for k in document.attributions.indices {
                let inner = document.attributions[k].inner
                // Each piece writes at most its own bytes and one space before it.
                let capacity = inner.reduce(inner.count) { $0 + $1.count }
                var starts: [Int] = []
                let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
                    written = 0
                    for r in inner {
                        let before = written
                        Self.collapse(b, r, into: out, &written)
                        // A piece that wrote something after earlier ones starts past its space.
                        if before > 0 && written > before { starts.append(before + 1) }
                    }
                }
                document.attributions[k].pieceStarts = starts
                let string = String(decoding: text, as: UTF8.self)
                document.attributions[k].text = string
                document.attributions[k].normalized = ClaimNormalizer.normalize(string)
            }
        }
        document.mark(.claims)
    }

    /// Writes the piece `b[r]` at `out[n...]` with its white space runs (line breaks of a
    /// wrapped paragraph included) as one space, trimmed, after one space when earlier pieces
    /// wrote something; an empty piece writes nothing.
    private static func collapse(_ b: UnsafeBufferPointer<UInt8>, _ r: ByteRange,
                                 into out: UnsafeMutableBufferPointer<UInt8>, _ n: inout Int) {
        let start = n
        var space = false
        var i = r.start
        while i < r.end {
            let c = b[i]
            let isSpace = c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || (c == 0xC2 && i + 1 < r.end && b[i + 1] == 0xA0)
            if isSpace {
                space = n > start
                i += c == 0xC2 ? 2 : 1
                continue
            }
            // The first byte of the piece: after the pieces before it, one space.
            if (n == start && start > 0) || space {
                out[n] = 0x20
                n += 1
            }
            space = false
            out[n] = c
            n += 1
            i += 1
        }
    }
}
