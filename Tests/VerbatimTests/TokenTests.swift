import Testing
@testable import Verbatim

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
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33) % n
        }
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
}
