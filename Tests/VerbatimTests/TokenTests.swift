import Testing
@testable import Verbatim

/// A linear congruential generator: the same pseudo-random words on every run.
private struct SeededRandom {
    var seed: UInt64

    /// A number in `0..<n`.
    mutating func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int(truncatingIfNeeded: seed >> 33) % n
    }
}

@Suite("Token: byte-level word tests")
struct TokenTests {
    /// ``Token/lowerIs(_:_:)`` decides on the bytes up to the first one beyond ASCII: it must
    /// answer as comparing ``Token/lower(_:)`` with the word does, for tokens mixing ASCII with
    /// characters that lower-case to ASCII, combine with it or are canonically equal to it
    /// (`\u{212A}` is `K`).
    @Test("lowerIs agrees with lower(_:) ==")
    func lowerIsAgreesWithLower() {
        let pieces = ["s", "S", "a", "i", "d", "k", "K", "o", "\u{212A}", "\u{2019}", "'", "\u{301}",
                      "é", "É", "\u{130}", "ß", "Σ", "-", ".", "said", "SAID", "ok", "according"]
        let words: [StaticString] = ["said", "says", "s", "ok", "k", "is", "i", "according", ""]
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ n: Int) -> Int { random.next(n) }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(6) { text += pieces[next(pieces.count)] }
            let b = Array(("x " + text + " y").utf8)
            let t = Token(start: 2, end: b.count - 2, kind: .word, capitalized: false)
            for w in words {
                #expect(t.lowerIs(w, b) == (t.lower(b) == w.description), "\(text) \(w)")
            }
        }
    }

    /// ``UTF8Text/startsUppercase(_:)``, ``UTF8Text/startsLowercase(_:)`` and
    /// ``Lexicon/endsWithPossessiveS(_:)`` read bytes: the same answers as the character
    /// properties and the last four bytes.
    @Test("first-character case and possessive s on bytes")
    func firstCharacterAndPossessive() {
        let pieces = ["A", "a", "Z", "z", "1", "s", "S", "'", "\u{2019}", "\u{301}", "\r", "\n", "É", "é", "\u{130}",
                      "ß", "Σ", "σ", " ", ".", "\u{600}"]
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ n: Int) -> Int { random.next(n) }
        for _ in 0..<5_000 {
            var w = ""
            for _ in 0..<next(5) { w += pieces[next(pieces.count)] }
            #expect(UTF8Text.startsUppercase(w) == (w.first?.isUppercase == true), "\(w.unicodeScalars.map(\.value))")
            #expect(UTF8Text.startsLowercase(w) == (w.first?.isLowercase == true), "\(w.unicodeScalars.map(\.value))")
            let tail = Array(w.utf8.suffix(4))
            let padded = [UInt8](repeating: 0, count: 4 - tail.count) + tail
            let expected = padded[3] == 0x73 && (padded[2] == 0x27 || (padded[0] == 0xE2 && padded[1] == 0x80 && padded[2] == 0x99))
            #expect(Lexicon.endsWithPossessiveS(w.utf8) == expected, "\(w.unicodeScalars.map(\.value))")
        }
    }
}
