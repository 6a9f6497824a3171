/// A table of lower-case words (or two words joined by one space) looked up by a token's bytes,
/// without making a string: the same answers as looking up ``Token/lower(_:)`` in the
/// dictionary it was built from.
///
/// A token of ASCII letters (any case), digits, punctuation and `’` is folded byte by byte
/// (A–Z to a–z, `’` to `'`) and found by an FNV-1a hash in an open-addressed table. A token
/// with any other non-ASCII character is looked up as a string, since Unicode lower-casing
/// may change it.
/// Complexity: O(length of the token) per lookup.
struct WordTable<Value> {
    /// The dictionary the table was built from: for tokens that are not ASCII.
    private let strings: [String: Value]
    /// Keys' bytes, flat; entry `k` is `keyBytes[keyStart[k]..<keyStart[k + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = [0]
    private var values: [Value] = []
    /// Entry index + 1 by hash slot (0: empty); the count is a power of two.
    private var slots: [Int32]
    private let mask: Int
    /// The longest key, in bytes: longer words are never looked up.
    private let longest: Int

    init(_ dictionary: [String: Value]) {
        strings = dictionary
        var size = 16
        while size < dictionary.count * 3 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        longest = dictionary.keys.map(\.utf8.count).max() ?? 0
        for (key, value) in dictionary {
            var h = Self.seed
            for c in key.utf8 { h = Self.mix(h, c) }
            keyBytes += key.utf8
            keyStart.append(keyBytes.count)
            values.append(value)
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(values.count)
        }
    }

    @inline(__always) private static var seed: UInt64 { 0xcbf29ce484222325 }

    @inline(__always)
    private static func mix(_ h: UInt64, _ c: UInt8) -> UInt64 { (h ^ UInt64(c)) &* 0x100000001b3 }

    /// The value for the token's lower-case form (``Token/lower(_:)``).
    func value(_ t: Token, _ b: [UInt8]) -> Value? {
        switch find(b, t.start, t.end, -1, -1) {
        case .value(let v): return v
        case .absent: return nil
        case .notASCII: return strings[t.lower(b)]
        }
    }

    /// The value for two tokens' lower-case forms joined by a space (`pointed out`).
    func value(_ t: Token, _ u: Token, _ b: [UInt8]) -> Value? {
        switch find(b, t.start, t.end, u.start, u.end) {
        case .value(let v): return v
        case .absent: return nil
        case .notASCII: return strings[t.lower(b) + " " + u.lower(b)]
        }
    }

    /// What the bytes say: a value, no value, or a character they cannot fold (ask the strings).
    private enum Found { case value(Value), absent, notASCII }

    /// Folds the bytes of one or two ranges (the second after a space) and finds them. A
    /// folded form longer than every key is absent whatever follows: lower-casing the rest
    /// never shortens what came before.
    private func find(_ b: [UInt8], _ s1: Int, _ e1: Int, _ s2: Int, _ e2: Int) -> Found {
        // All reads through buffer pointers: no bounds check or retain a byte.
        b.withUnsafeBufferPointer { b in
            var h = Self.seed
            var length = 0
            if let early = fold(b, s1, e1, &h, &length) { return early }
            if s2 >= 0 {
                h = Self.mix(h, 0x20)
                length += 1
                if let early = fold(b, s2, e2, &h, &length) { return early }
            }
            return slots.withUnsafeBufferPointer { slots in
                keyStart.withUnsafeBufferPointer { keyStart in
                    keyBytes.withUnsafeBufferPointer { keyBytes in
                        var s = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let k = Int(slots[s])
                            if k == 0 { return .absent }
                            if keyStart[k] - keyStart[k - 1] == length
                                && Self.matches(keyBytes, keyStart[k - 1], b, s1, e1, s2, e2) {
                                return .value(values[k - 1])
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Folds `b[s..<e]` into the hash and length so far; nil, or what the bytes already decide.
    @inline(__always)
    private func fold(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ h: inout UInt64, _ length: inout Int) -> Found? {
        var i = s
        while i < e {
            var c = b[i]
            if c >= 0x80 {
                // `’` (E2 80 99) is `'`; any other non-ASCII character is not folded here.
                guard c == 0xE2, i + 2 < e, b[i + 1] == 0x80, b[i + 2] == 0x99 else { return .notASCII }
                c = 0x27
                i += 3
            } else {
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                i += 1
            }
            h = Self.mix(h, c)
            length += 1
            if length > longest { return .absent }
        }
        return nil
    }

    /// Whether the key starting at `keyBytes[j]` is the folded form of the ranges (all ASCII
    /// or `’`, as checked; the lengths are equal).
    @inline(__always)
    private static func matches(_ keyBytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ b: UnsafeBufferPointer<UInt8>,
                                _ s1: Int, _ e1: Int, _ s2: Int, _ e2: Int) -> Bool {
        var j = start
        func same(_ s: Int, _ e: Int) -> Bool {
            var i = s
            while i < e {
                var c = b[i]
                if c >= 0x80 { c = 0x27; i += 3 } else {
                    if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    i += 1
                }
                if keyBytes[j] != c { return false }
                j += 1
            }
            return true
        }
        guard same(s1, e1) else { return false }
        if s2 >= 0 {
            guard keyBytes[j] == 0x20 else { return false }
            j += 1
            return same(s2, e2)
        }
        return true
    }
}
