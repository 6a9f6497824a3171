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
        // Marks, dashes and spaces first; then case. Most claims are ASCII once their curly
        // quotation marks and dashes are gone, and ASCII folds without ICU. A compatibility
        // form can fold into a mark (`＂`), so non-ASCII text is cleaned again after ICU.
        let cleaned = clean(text)
        if cleaned.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: cleaned.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return clean(caseFold(cleaned))
    }

    /// Quotation marks, dashes, white space and end punctuation made uniform.
    static func clean(_ folded: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        let scalars = Array(folded.unicodeScalars)
        var space = false, dash = false
        func emit(_ c: Unicode.Scalar) {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            if c.value < 0x80 { out.append(UInt8(c.value)) } else { out.append(contentsOf: String(c).utf8) }
        }
        for (k, c) in scalars.enumerated() {
            // ASCII first: no Unicode property lookups for the bulk of the text.
            let ascii = c.value < 0x80
            let isSpace = ascii ? (c == " " || c == "\n" || c == "\t" || c == "\r") : c.properties.isWhitespace
            if isSpace { space = true; continue }
            let isDash = ascii ? c == "-" : (c.properties.isDash || c == "\u{2212}")
            if isDash {
                if !dash { emit("-") }
                dash = true
                continue
            }
            dash = false
            let isQuote = ascii ? (c == "\"" || c == "'" || c == "`") : c.properties.isQuotationMark
            if isQuote {
                let inWord = (c == "'" || c == "\u{2019}") && k > 0 && k + 1 < scalars.count
                    && letter(scalars[k - 1]) && letter(scalars[k + 1])
                if inWord { emit("'") }
                continue
            }
            emit(c)
        }
        var s = out[...]
        let trim: Set<UInt8> = [0x2C, 0x2E, 0x3B, 0x3A, 0x20]
        while let last = s.last, trim.contains(last) { s = s.dropLast() }
        while let first = s.first, trim.contains(first) { s = s.dropFirst() }
        return String(decoding: s, as: UTF8.self)
    }

    private static func letter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A) : c.properties.isAlphabetic
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
