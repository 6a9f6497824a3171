/// A word or punctuation token: a byte range and what it is.
struct Token: Equatable {
    enum Kind: UInt8 { case word, number, punctuation }

    var start: Int
    var end: Int
    var kind: Kind
    /// The first letter is upper case.
    var capitalized: Bool

    var range: ByteRange { ByteRange(start, end) }
}

/// Splits a byte range of text into words and punctuation, without a model.
///
/// Words keep inner apostrophes, hyphens and periods (`don’t`, `al-Nusra`, `U.S.`), a final
/// possessive apostrophe (`Jones’`), and a final period when the word is an abbreviation from
/// the rules or an initial. Every other non-space character is a punctuation token of its own.
/// Complexity: O(length of the range).
struct Tokenizer {
    let abbreviations: Set<String>
    /// The longest abbreviation, in bytes: longer words are never looked up.
    let longestAbbreviation: Int
    /// The abbreviations' bytes by ``byteHash(_:)``, when every one is ASCII (nil otherwise):
    /// an ASCII word is then one of them exactly when its bytes are, found without making a
    /// string. (A word with other characters is looked up as a string: canonical equivalence
    /// can make it equal to an ASCII one, `\u{212A}` to `K`.)
    private let asciiAbbreviations: [UInt64: [[UInt8]]]?

    init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
        longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0
        if abbreviations.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            var table: [UInt64: [[UInt8]]] = [:]
            for a in abbreviations { table[Self.byteHash(a.utf8), default: []].append(Array(a.utf8)) }
            asciiAbbreviations = table
        } else {
            asciiAbbreviations = nil
        }
    }

    /// FNV-1a over the bytes.
    private static func byteHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }

    /// Whether `b[s..<e]` (a word and its final period) is an abbreviation of the rules.
    private func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: b[s..<e])
        if let table = asciiAbbreviations, bytes.allSatisfy({ $0 < 0x80 }) {
            return table[Self.byteHash(bytes)]?.contains { $0.elementsEqual(bytes) } ?? false
        }
        return abbreviations.contains(String(decoding: bytes, as: UTF8.self))
    }

    func tokens(_ b: [UInt8], _ range: ByteRange) -> [Token] {
        var out: [Token] = []
        // About one token in five bytes of news text: few arrays grow more than once.
        out.reserveCapacity(range.count / 5 + 4)
        append(b, range, to: &out)
        return out
    }

    /// Appends the tokens of `range` to `out` (as ``tokens(_:_:)`` would give them).
    func append(_ b: [UInt8], _ range: ByteRange, to out: inout [Token]) {
        guard !range.isEmpty else { return }
        precondition(range.start >= 0 && range.end <= b.count, "range \(range) outside the text")
        // The bytes read through a buffer pointer (the range checked above; every other read
        // checked against the range's end or, to decode a character, the text's).
        b.withUnsafeBufferPointer { append($0, range, to: &out) }
    }

    private func append(_ b: UnsafeBufferPointer<UInt8>, _ range: ByteRange, to out: inout [Token]) {
        var i = range.start
        let end = range.end
        while i < end {
            let first = b[i]
            // ASCII spaces and punctuation, the most of what is not a letter, without decoding.
            if first < 0x80 {
                if first == 0x20 || (first >= 0x09 && first <= 0x0D) { i += 1; continue }
                if !UTF8Text.isASCIIAlnum(first) && first != 0x40 {
                    var j = i + 1
                    // Runs of the same dash or period are one token (--, ...).
                    if first == 0x2E || first == 0x2D {
                        while j < end && b[j] == first { j += 1 }
                    }
                    out.append(Token(start: i, end: j, kind: .punctuation, capitalized: false))
                    i = j
                    continue
                }
            }
            let (c, len) = UTF8Text.scalar(at: i, in: b)
            if UTF8Text.isSpace(c) { i += len; continue }
            if UTF8Text.isAlnum(c) {
                let start = i
                var j = i + len
                var allDigits = UTF8Text.isDigit(c)
                while j < end {
                    // ASCII letters and digits, the bulk of any word, without decoding.
                    let byte = b[j]
                    if UTF8Text.isASCIIAlnum(byte) {
                        if byte > 0x39 { allDigits = false }
                        j += 1
                        continue
                    }
                    // A combining mark (decomposed text, `José` as `e` + U+0301) stays in its word.
                    // UTF-8 read as Latin-1 (`FranÃ§ois`, `FranÃÂ§ois`): a Latin-1 sign
                    // (U+0080–U+00BF) after `Ã` or `Â` is the broken tail of a letter.
                    // Also decomposed (`A` + U+0303).
                    if byte == 0xC2, j >= start + 2, b[j - 2] == 0xC3 || b[j - 2] == 0xCC, b[j - 1] == 0x83 || b[j - 1] == 0x82 {
                        j += 2
                        continue
                    }
                    let (d, dl) = UTF8Text.scalar(at: j, in: b)
                    if UTF8Text.isAlnum(d) || UTF8Text.isCombiningMark(d) {
                        if !UTF8Text.isDigit(d) { allDigits = false }
                        j += dl
                        continue
                    }
                    // Inner joiners: an apostrophe, hyphen, period, ampersand or digit separator
                    // followed by a letter or digit.
                    if d == "'" || d == "\u{2019}" || d == "-" || d == "." || d == "&" || d == "," && allDigits {
                        if j + dl < end {
                            let (e, _) = UTF8Text.scalar(at: j + dl, in: b)
                            if UTF8Text.isAlnum(e) && !(d == "," && !UTF8Text.isDigit(e)) {
                                j += dl
                                continue
                            }
                        }
                        // A possessive after s: Jones’ / States'
                        if (d == "'" || d == "\u{2019}"), j > start, b[j - 1] == 0x73 || b[j - 1] == 0x53 {
                            j += dl
                        }
                    }
                    break
                }
                // A final period that belongs to the word.
                if j < end && b[j] == 0x2E {
                    let letters = j - start
                    var innerDot = false, hyphen = start
                    for k in start..<j {
                        if b[k] == 0x2E { innerDot = true }
                        if b[k] == 0x2D { hyphen = k + 1 }
                    }
                    if (letters == 1 && UTF8Text.isUpper(c)) || (innerDot && letters <= 8)
                        || (j + 1 - start <= longestAbbreviation && isAbbreviation(b, start, j + 1))
                        || (hyphen > start && isAbbreviation(b, hyphen, j + 1)) {
                        j += 1
                    }
                }
                out.append(Token(start: start, end: j, kind: allDigits ? .number : .word,
                                 capitalized: UTF8Text.isUpper(c)))
                i = j
                continue
            }
            // A handle (`@realDonaldTrump`) is one word, and names someone.
            if c == "@", i + 1 < end, UTF8Text.isAlnum(UTF8Text.scalar(at: i + 1, in: b).0) {
                var j = i + 1
                while j < end, b[j] == 0x5F || UTF8Text.isAlnum(UTF8Text.scalar(at: j, in: b).0) { j += UTF8Text.scalar(at: j, in: b).1 }
                out.append(Token(start: i, end: j, kind: .word, capitalized: true))
                i = j
                continue
            }
            // Runs of the same dash or period are one token (--, ...).
            var j = i + len
            if c == "." || c == "-" {
                while j < end && b[j] == b[i] { j += 1 }
            }
            out.append(Token(start: i, end: j, kind: .punctuation, capitalized: false))
            i = j
        }
    }
}

extension Token {
    /// The token's text.
    func text(_ b: [UInt8]) -> String { String(decoding: b[start..<end], as: UTF8.self) }

    /// The token's text in lower case, with ’ as '.
    func lower(_ b: [UInt8]) -> String {
        var ascii = true
        for i in start..<end where b[i] >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: end - start) { out in
                for i in start..<end {
                    let c = b[i]
                    out[i - start] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                }
                return end - start
            }
        }
        return text(b).lowercased().replacing(scalar: "\u{2019}", with: "'")
    }

    /// Whether ``lower(_:)`` is `word` (lower-case ASCII), compared on bytes up to the first
    /// byte beyond ASCII (then on the string). An ASCII byte is a character of its own,
    /// lower-cased alone, that no later character changes or moves in canonical order: one
    /// that differs from the word's (or lies past its end) after an ASCII prefix equal to the
    /// word's decides, whatever follows.
    func lowerIs(_ word: StaticString, _ b: [UInt8]) -> Bool {
        let n = word.utf8CodeUnitCount, w = word.utf8Start
        for i in start..<end {
            let c = b[i]
            if c >= 0x80 { return lower(b) == word.description }
            let k = i - start
            if k >= n || (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[k] { return false }
        }
        return end - start == n
    }

    /// Whether ``lower(_:)`` ends with `suffix` (lower-case): on the bytes when the token is
    /// ASCII (each byte a character), else on the string.
    func lowerHasSuffix(_ suffix: StaticString, _ b: [UInt8]) -> Bool {
        for i in start..<end where b[i] >= 0x80 { return lower(b).hasSuffix(suffix.description) }
        let n = suffix.utf8CodeUnitCount
        guard end - start >= n else { return false }
        let w = suffix.utf8Start
        for k in 0..<n {
            let c = b[end - n + k]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[k] { return false }
        }
        return true
    }

    /// True for a punctuation token that is exactly `s`.
    func isPunct(_ b: [UInt8], _ s: Unicode.Scalar) -> Bool {
        kind == .punctuation && UTF8Text.scalar(at: start, in: b).0 == s
    }

    /// A hyphen or dash standing alone (`-`, `–`, `—`, `―`).
    func isDash(_ b: [UInt8]) -> Bool {
        guard kind == .punctuation else { return false }
        let c = UTF8Text.scalar(at: start, in: b).0
        return c == "-" || c == "\u{2013}" || c == "\u{2014}" || c == "\u{2015}"
    }
}

extension String {
    /// Replaces every `target` scalar, without Foundation.
    func replacing(scalar target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = ""
        for s in unicodeScalars {
            if s == target { out += replacement } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
