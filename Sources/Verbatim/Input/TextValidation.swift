// Input layer: byte-level checks that decide whether input bytes are text,
// and the UTF-8 validator they rely on.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a byte buffer is not accepted as text.
enum InputTextProblem: Error, Sendable, Equatable {
    /// A NUL byte at this offset: a binary file.
    case nulByte(offset: Int)
    /// More than half of the bytes are control characters: a binary file.
    case mostlyControlBytes
    /// The first byte of an ill-formed UTF-8 sequence, and its offset.
    case invalidUTF8(byte: UInt8, offset: Int)

    /// The failure message for a file or for standard input.
    var message: String {
        switch self {
        case .nulByte(let offset):
            return "binary file (NUL byte at offset \(offset))"
        case .mostlyControlBytes:
            return "binary file (mostly control bytes)"
        case .invalidUTF8(let byte, let offset):
            return "not UTF-8 text (\(InputText.hexByte(byte)) at offset \(offset))"
        }
    }
}

/// Namespace for the text checks shared by all inputs.
enum InputText {
    /// `byte 0x9f`: a byte in lower-case hex, two digits.
    static func hexByte(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        return "byte 0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// Offset of the first byte of the first ill-formed UTF-8 sequence, or nil when
    /// the bytes are valid UTF-8. Rejects stray continuation bytes, overlong forms
    /// (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF), code points above
    /// U+10FFFF (F4 90.., F5..FF) and sequences truncated by the end of the buffer.
    /// The reported offset is that of the lead byte of the bad sequence (as Python reports it).
    static func firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            // ASCII fast path: 8 bytes at a time.
            if i &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i &+= 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i &+= 1
                continue
            }
            if b0 < 0xC2 {
                // Continuation byte without a lead, or overlong 2-byte lead C0/C1.
                return i
            }
            if b0 < 0xE0 {
                guard i &+ 1 < count, isContinuation(base[i &+ 1]) else { return i }
                i &+= 2
                continue
            }
            if b0 < 0xF0 {
                guard i &+ 2 < count else { return i }
                let b1 = base[i &+ 1]
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80   // E0 80..9F: overlong
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF  // ED A0..BF: surrogates
                guard b1 >= low, b1 <= high, isContinuation(base[i &+ 2]) else { return i }
                i &+= 3
                continue
            }
            if b0 < 0xF5 {
                guard i &+ 3 < count else { return i }
                let b1 = base[i &+ 1]
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80   // F0 80..8F: overlong
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF  // F4 90..: above U+10FFFF
                guard b1 >= low, b1 <= high,
                      isContinuation(base[i &+ 2]), isContinuation(base[i &+ 3]) else { return i }
                i &+= 4
                continue
            }
            // F5..FF never appear in UTF-8.
            return i
        }
        return nil
    }

    /// `firstInvalidUTF8` over an array.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// Offset of the first NUL byte, or nil.
    static func firstNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        guard let hit = memchr(base, 0, buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// True when more than half of the bytes are control characters other than
    /// tab, line feed, vertical tab, form feed and carriage return.
    static func isMostlyControlBytes(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var control = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        while i < buffer.count {
            // Eight bytes at once when none is below 0x20 or 0x7F: no control byte among them.
            if i &+ 8 <= buffer.count {
                let w = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let v = w ^ (ones &* 0x7F)
                if (w &- ones &* 0x20) & ~w & high == 0 && (v &- ones) & ~v & high == 0 {
                    i &+= 8
                    continue
                }
            }
            // 0x01...0x08, 0x0E...0x1F, 0x7F (NUL is reported separately).
            let byte = buffer[i]
            let isControl = (byte < 0x20 && (byte < 0x09 || byte > 0x0D)) || byte == 0x7F
            control &+= isControl ? 1 : 0
            i &+= 1
        }
        return control > buffer.count / 2
    }

    /// The first reason these file bytes are not text, checking in order:
    /// NUL byte, mostly control bytes, invalid UTF-8.
    static func problem(in buffer: UnsafeBufferPointer<UInt8>) -> InputTextProblem? {
        if let offset = firstNUL(buffer) { return .nulByte(offset: offset) }
        if buffer.count > 0, isMostlyControlBytes(buffer) { return .mostlyControlBytes }
        if let offset = firstInvalidUTF8(buffer) {
            return .invalidUTF8(byte: buffer[offset], offset: offset)
        }
        return nil
    }

    /// Validates file bytes and decodes them, keeping a BOM and CR LF as they are.
    static func decode(_ bytes: [UInt8]) -> Result<String, InputTextProblem> {
        if let problem = bytes.withUnsafeBufferPointer({ problem(in: $0) }) {
            return .failure(problem)
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
