internal import CICU

/// The normalised form of a claim's text, the key cross-source matching compares.
///
/// Two outlets' wordings of the same words normalise alike when they differ only in:
/// - case and Unicode form (ICU's NFKC_Casefold: `Ｔhe` / `the`, `ﬁnal` / `final`, `…` / `...`);
/// - quotation marks (every scalar with the Unicode `Quotation_Mark` property, and the backtick),
///   which are dropped, except an apostrophe between letters (`don’t` / `don't`), kept as `'`;
/// - dashes (every `Dash` scalar, and runs of them: `—`, `--`, `–`), written as one `-`;
/// - white space (runs, line breaks, no-break spaces), one space, none at the ends, and the
///   punctuation `, . ; :` at the ends.
/// Pure and thread-safe: the ICU normaliser is a shared, immutable instance.
public enum ClaimNormalizer {
    public static func normalize(_ text: String) -> String {
        let folded = caseFold(text)
        var out = String.UnicodeScalarView()
        let scalars = Array(folded.unicodeScalars)
        var space = false, dash = false
        for (k, c) in scalars.enumerated() {
            if c.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if c.properties.isDash || c == "\u{2212}" {
                if dash { continue }
                if space { out.append(" "); space = false }
                out.append("-")
                dash = true
                continue
            }
            dash = false
            if c.properties.isQuotationMark || c == "`" {
                let inWord = (c == "'" || c == "\u{2019}") && k > 0 && k + 1 < scalars.count
                    && scalars[k - 1].properties.isAlphabetic && scalars[k + 1].properties.isAlphabetic
                guard inWord else { continue }
                if space { out.append(" "); space = false }
                out.append("'")
                continue
            }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        var s = String(out)
        while let last = s.unicodeScalars.last, [",", ".", ";", ":", " "].contains(last) { s.unicodeScalars.removeLast() }
        while let first = s.unicodeScalars.first, [",", ".", ";", ":", " "].contains(first) { s.unicodeScalars.removeFirst() }
        return s
    }

    /// NFKC_Casefold through ICU; the text unchanged if ICU fails.
    static func caseFold(_ text: String) -> String {
        var status: Int32 = 0
        guard let normalizer = verbatim_nfkc_casefold(&status), verbatim_icu_failed(status) == 0 else { return text.lowercased() }
        let source = Array(text.utf16)
        var capacity = source.count * 2 + 16
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            var s: Int32 = 0
            let n = source.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { d in
                    verbatim_normalize(normalizer, src.baseAddress, Int32(src.count), d.baseAddress, Int32(capacity), &s)
                }
            }
            if n > capacity { capacity = Int(n) + 16; continue }
            guard verbatim_icu_failed(s) == 0 else { return text.lowercased() }
            return String(decoding: dest[0..<Int(n)], as: UTF16.self)
        }
    }
}
