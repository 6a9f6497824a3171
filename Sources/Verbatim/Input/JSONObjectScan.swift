/// The top-level members of one JSON object, found in one pass without building its values:
/// each key with the byte range of its value, so that a record can be read field by field and
/// written back with one field changed and every other byte as it was.
///
/// It checks what it passes over (strings closed, brackets balanced, one value per key, nothing
/// after the object) and nothing more: numbers and literals are taken as the bytes between
/// separators. Nested containers are skipped by counting brackets, so depth costs no stack.
struct JSONObjectScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each member: its key (decoded) and the range of its value's bytes.
    private(set) var members: [(key: String, value: Range<Int>)] = []

    /// Nil when `bytes` (white space aside) is not one JSON object.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var i = Self.skipSpace(bytes, 0)
        guard i < bytes.count, bytes[i] == 0x7B else { return nil }
        i = Self.skipSpace(bytes, i + 1)
        if i < bytes.count && bytes[i] == 0x7D {
            guard Self.skipSpace(bytes, i + 1) == bytes.count else { return nil }
            return
        }
        while true {
            guard i < bytes.count, bytes[i] == 0x22, let keyEnd = Self.stringEnd(bytes, i),
                  let key = Self.decodeString(bytes, i..<keyEnd) else { return nil }
            i = Self.skipSpace(bytes, keyEnd)
            guard i < bytes.count, bytes[i] == 0x3A else { return nil }
            let start = Self.skipSpace(bytes, i + 1)
            guard let end = Self.valueEnd(bytes, start) else { return nil }
            members.append((key, start..<end))
            i = Self.skipSpace(bytes, end)
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x2C { i = Self.skipSpace(bytes, i + 1); continue }
            guard bytes[i] == 0x7D, Self.skipSpace(bytes, i + 1) == bytes.count else { return nil }
            return
        }
    }

    /// The value range of `key`, nil when the object has no such member.
    func range(_ key: String) -> Range<Int>? { members.first { $0.key == key }?.value }

    /// The string value of `key`; nil when missing, null or not a string.
    func string(_ key: String) -> String? {
        guard let r = range(key), bytes[r.lowerBound] == 0x22 else { return nil }
        return Self.decodeString(bytes, r)
    }

    /// The members of the object value of `key`; nil when missing or not an object.
    func object(_ key: String) -> JSONObjectScan? {
        guard let r = range(key), bytes[r.lowerBound] == 0x7B else { return nil }
        return JSONObjectScan(UnsafeBufferPointer(rebasing: bytes[r]))
    }

    // MARK: - Scanning

    private static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    /// The index after the closing quotation mark of the string opening at `i`.
    private static func stringEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var k = i + 1
        while k < b.count {
            switch b[k] {
            case 0x22: return k + 1
            case 0x5C: k += 2
            case 0..<0x20: return nil
            default: k += 1
            }
        }
        return nil
    }

    /// The index after the value starting at `i`.
    private static func valueEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < b.count else { return nil }
        switch b[i] {
        case 0x22:
            return stringEnd(b, i)
        case 0x7B, 0x5B:
            var stack: [UInt8] = []
            var k = i
            while k < b.count {
                switch b[k] {
                case 0x22:
                    guard let e = stringEnd(b, k) else { return nil }
                    k = e
                    continue
                case 0x7B: stack.append(0x7D)
                case 0x5B: stack.append(0x5D)
                case 0x7D, 0x5D:
                    guard stack.last == b[k] else { return nil }
                    stack.removeLast()
                    if stack.isEmpty { return k + 1 }
                default: break
                }
                k += 1
            }
            return nil
        default:
            var k = i
            while k < b.count, b[k] != 0x2C, b[k] != 0x7D, b[k] != 0x5D, b[k] != 0x20, b[k] != 0x09,
                  b[k] != 0x0A, b[k] != 0x0D { k += 1 }
            return k > i ? k : nil
        }
    }

    /// The text of the JSON string at `r` (quotation marks included), escapes decoded.
    static func decodeString(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        guard r.count >= 2, b[r.lowerBound] == 0x22, b[r.upperBound - 1] == 0x22 else { return nil }
        let inner = (r.lowerBound + 1)..<(r.upperBound - 1)
        if !b[inner].contains(0x5C) { return String(decoding: b[inner], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var k = inner.lowerBound
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= inner.upperBound else { return nil }
            var v: UInt32 = 0
            for j in at..<(at + 4) {
                let c = b[j]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x37
                case 0x61...0x66: d = c - 0x57
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while k < inner.upperBound {
            let c = b[k]
            guard c == 0x5C else { out.append(c); k += 1; continue }
            guard k + 1 < inner.upperBound else { return nil }
            let e = b[k + 1]
            k += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var v = hex4(k) else { return nil }
                k += 4
                if (0xD800..<0xDC00).contains(v), k + 6 <= inner.upperBound, b[k] == 0x5C, b[k + 1] == 0x75,
                   let low = hex4(k + 2), (0xDC00..<0xE000).contains(low) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8)
            default: return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
