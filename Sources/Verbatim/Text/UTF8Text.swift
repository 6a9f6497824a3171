/// Small, allocation-free helpers for reading UTF-8 bytes a scalar at a time.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes (U+FFFD, 1 for a stray byte); `b` is
    /// indexed from 0 (an array or a buffer).
    @inline(__always)
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(at i: Int, in b: Bytes) -> (Unicode.Scalar, Int)
    where Bytes.Index == Int {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = b.count
        var value: UInt32
        var len: Int
        if b0 & 0xE0 == 0xC0 { value = UInt32(b0 & 0x1F); len = 2 }
        else if b0 & 0xF0 == 0xE0 { value = UInt32(b0 & 0x0F); len = 3 }
        else if b0 & 0xF8 == 0xF0 { value = UInt32(b0 & 0x07); len = 4 }
        else { return ("\u{FFFD}", 1) }
        if i + len > n { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let c = b[i + k]
            if c & 0xC0 != 0x80 { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", len)
    }

    /// The start of the scalar that ends just before `i` (i > 0).
    @inline(__always)
    static func previousStart(before i: Int, in b: [UInt8]) -> Int {
        var j = i - 1
        var steps = 0
        while j > 0 && b[j] & 0xC0 == 0x80 && steps < 3 { j -= 1; steps += 1 }
        return j
    }

    /// The scalar ending just before `i`, or nil at the start.
    @inline(__always)
    static func scalar(before i: Int, in b: [UInt8], floor: Int = 0) -> Unicode.Scalar? {
        if i <= floor { return nil }
        return scalar(at: previousStart(before: i, in: b), in: b).0
    }

    /// White space, including no-break and other Unicode spaces.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200B, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Letters and digits (any script).
    @inline(__always)
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// A combining mark (general category M): part of the letter before it.
    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x300 else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always)
    static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// An ASCII letter, either case, as a byte.
    @inline(__always)
    static func isASCIILetter(_ c: UInt8) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }

    /// An ASCII letter or digit, as a byte.
    @inline(__always)
    static func isASCIIAlnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || isASCIILetter(c) }

    /// `w.first?.isUppercase == true`, read on the bytes when the first character is one ASCII
    /// byte (the text is one byte long or its second byte is ASCII too: no character joins
    /// them, `\r\n` aside, which is not upper case): then it is upper case exactly when A–Z.
    static func startsUppercase(_ w: String) -> Bool {
        if let first = asciiFirstCharacter(w) { return first >= 0x41 && first <= 0x5A }
        return w.first?.isUppercase == true
    }

    /// `w.first?.isLowercase == true`, read on the bytes as ``startsUppercase(_:)`` is (a–z).
    static func startsLowercase(_ w: String) -> Bool {
        if let first = asciiFirstCharacter(w) { return first >= 0x61 && first <= 0x7A }
        return w.first?.isLowercase == true
    }

    /// The first byte of `w` when it is a character of its own and ASCII: the text is one
    /// byte long or its second byte is ASCII too. Nil otherwise (empty text included).
    @inline(__always)
    private static func asciiFirstCharacter(_ w: String) -> UInt8? {
        var bytes = w.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80 else { return nil }
        guard let second = bytes.next() else { return first }
        return second < 0x80 ? first : nil
    }

    /// `s.hasSuffix(suffix)`, read on the bytes when they decide it: `suffix` (a few letters,
    /// apostrophes, `’`; none of `K`, `;`, `` ` ``, which a non-ASCII character can be
    /// canonically equal to) ends `s` as characters exactly when it ends it as bytes, and the
    /// byte before it is ASCII (a character of its own) or there is none. Otherwise the string
    /// comparison answers.
    static func hasSuffix(_ s: String, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let w = suffix.utf8Start
        // The bytes read in place (a native string's are contiguous; another is asked as a
        // string).
        let bytes: Bool?? = s.utf8.withContiguousStorageIfAvailable { u in
            guard u.count >= n else { return false }
            let start = u.count - n
            for k in 0..<n where u[start + k] != w[k] { return false }
            return start == 0 || (u[start - 1] < 0x80 && u[start - 1] != 0x0D) ? true : nil
        }
        return (bytes ?? nil) ?? s.hasSuffix(suffix.description)
    }

    /// `s.contains(" ")` (the search of Foundation the rule tables were built with), read on
    /// the bytes when they decide it: no space byte, no space (no character is canonically a
    /// space); a space byte in ASCII text, a space. A space in other text (it could begin a
    /// character with a combining mark) is left to the string search.
    static func containsSpace(_ s: String) -> Bool {
        guard s.utf8.contains(0x20) else { return false }
        return s.utf8.allSatisfy({ $0 < 0x80 }) || s.contains(" ")
    }

    /// Whether the UTF-8 bytes of `s` hold those of the ASCII `needle`: for an ASCII needle,
    /// the same answer as a search by characters, without one.
    static func contains(_ s: String, ascii needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let w = needle.utf8Start
        func search(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
            guard h.count >= n else { return false }
            for i in 0...(h.count - n) where h[i] == w[0] {
                var k = 1
                while k < n && h[i + k] == w[k] { k += 1 }
                if k == n { return true }
            }
            return false
        }
        // In place when the bytes are contiguous (a native string's are), else made so.
        if let found = s.utf8.withContiguousStorageIfAvailable(search) { return found }
        var s = s
        return s.withUTF8(search)
    }
}

/// Converts UTF-8 byte offsets of one text to code-point (Unicode scalar) offsets.
///
/// Keeps the scalar count at every 64th byte, so a lookup counts at most 63 bytes.
/// Complexity: O(n) to build, O(1) per lookup; n/16 bytes of memory.
public struct ScalarOffsets: Sendable {
    private let bytes: [UInt8]
    private var checkpoints: [Int32] = []
    /// The number of scalars in the whole text.
    public let count: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints = [Int32]()
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var scalars = 0
        bytes.withUnsafeBytes { p in
            // Block by block, eight bytes at a time: a scalar starts at every byte that is not a
            // continuation byte (10xxxxxx).
            var block = 0
            while block < p.count {
                checkpoints.append(Int32(truncatingIfNeeded: scalars))
                let end = min(block + 64, p.count)
                var n = 0, i = block
                while i + 8 <= end {
                    let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
                    n &+= 8 - continuation.nonzeroBitCount
                    i += 8
                }
                while i < end {
                    n &+= p[i] & 0xC0 != 0x80 ? 1 : 0
                    i += 1
                }
                scalars += n
                block = end
            }
        }
        self.checkpoints = checkpoints
        self.count = scalars
    }

    /// The code-point offset of byte offset `b` (0...bytes.count).
    public func scalarOffset(_ b: Int) -> Int {
        if b >= bytes.count { return count }
        let block = b >> 6
        var n = Int(checkpoints[block])
        var i = block << 6
        while i < b {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}
