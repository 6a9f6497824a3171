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
        var (cleaned, ascii) = cleanBytes(text)
        if ascii {
            for k in cleaned.indices where cleaned[k] >= 0x41 && cleaned[k] <= 0x5A { cleaned[k] |= 0x20 }
            return String(decoding: cleaned, as: UTF8.self)
        }
        return clean(caseFold(String(decoding: cleaned, as: UTF8.self)))
    }

    /// Quotation marks, dashes, white space and end punctuation made uniform.
    static func clean(_ folded: String) -> String {
        String(decoding: cleanBytes(folded).bytes, as: UTF8.self)
    }

    /// ``clean(_:)`` as UTF-8 bytes, and whether they are all ASCII. Reads the text's UTF-8
    /// a scalar at a time, ASCII without decoding, and writes at most as many bytes as it reads.
    private static func cleanBytes(_ text: String) -> (bytes: [UInt8], ascii: Bool) {
        var text = text
        return text.withUTF8 { b in
            var ascii = true
            let n = b.count
            /// The scalar at byte `i` (a String's UTF-8 is well formed) and its length.
            func scalar(at i: Int) -> (Unicode.Scalar, Int) {
                let b0 = b[i]
                if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
                var value: UInt32, len: Int
                if b0 < 0xE0 { value = UInt32(b0 & 0x1F); len = 2 }
                else if b0 < 0xF0 { value = UInt32(b0 & 0x0F); len = 3 }
                else { value = UInt32(b0 & 0x07); len = 4 }
                for k in 1..<len { value = value << 6 | UInt32(b[i + k] & 0x3F) }
                return (Unicode.Scalar(value)!, len)
            }
            var out = [UInt8](unsafeUninitializedCapacity: n) { out, written in
                var o = 0
                var space = false, dash = false
                @inline(__always) func emit(_ c: UInt8) {
                    if space && o > 0 { out[o] = 0x20; o += 1 }
                    space = false
                    out[o] = c
                    o += 1
                }
                var i = 0
                var previous: Unicode.Scalar?
                while i < n {
                    // A run of ASCII letters, digits and punctuation that needs no change: copied.
                    if Self.plain(b[i]) {
                        if space && o > 0 { out[o] = 0x20; o += 1 }
                        space = false
                        dash = false
                        repeat {
                            out[o] = b[i]
                            o += 1
                            i += 1
                        } while i < n && Self.plain(b[i])
                        previous = Unicode.Scalar(b[i - 1])
                        continue
                    }
                    let (c, len) = scalar(at: i)
                    defer { previous = c; i += len }
                    // ASCII first: no Unicode property lookups for the bulk of the text.
                    if len == 1 {
                        let byte = b[i]
                        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { space = true; continue }
                        if byte == 0x2D {
                            if !dash { emit(0x2D) }
                            dash = true
                            continue
                        }
                        dash = false
                        if byte == 0x22 || byte == 0x27 || byte == 0x60 {
                            if byte == 0x27 && i + 1 < n && previous.map(letter) == true && letter(scalar(at: i + 1).0) {
                                emit(0x27)
                            }
                            continue
                        }
                        emit(byte)
                        continue
                    }
                    if c.properties.isWhitespace { space = true; continue }
                    if c.properties.isDash || c == "\u{2212}" {
                        if !dash { emit(0x2D) }
                        dash = true
                        continue
                    }
                    dash = false
                    if c.properties.isQuotationMark {
                        if c == "\u{2019}" && i + len < n && previous.map(letter) == true && letter(scalar(at: i + len).0) {
                            emit(0x27)
                        }
                        continue
                    }
                    if space && o > 0 { out[o] = 0x20; o += 1 }
                    space = false
                    ascii = false
                    for k in i..<(i + len) { out[o] = b[k]; o += 1 }
                }
                written = o
            }
            var e = out.count, s = 0
            @inline(__always) func trim(_ c: UInt8) -> Bool { c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x20 }
            while e > 0 && trim(out[e - 1]) { e -= 1 }
            while s < e && trim(out[s]) { s += 1 }
            // Only ASCII is trimmed: `ascii` still tells what is left.
            if s > 0 || e < out.count { out = Array(out[s..<e]) }
            return (out, ascii)
        }
    }

    /// An ASCII character that ``clean(_:)`` keeps as it is: not a control character, space,
    /// dash or quotation mark.
    @inline(__always)
    private static func plain(_ c: UInt8) -> Bool {
        c > 0x20 && c < 0x80 && c != 0x2D && c != 0x22 && c != 0x27 && c != 0x60
    }

    /// A letter (ASCII without a property lookup): an apostrophe between two is not a mark.
    static func letter(_ c: Unicode.Scalar) -> Bool {
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
