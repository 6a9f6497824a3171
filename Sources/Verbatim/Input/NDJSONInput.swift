// Input layer: standard input as NDJSON, one JSON document per line.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input as NDJSON: one JSON document per line, yielded as each line arrives.
///
/// Each non-blank line must be a JSON object with a string `text` field; `id` (a string,
/// or a number turned into its decimal string) defaults to `stdin-N` for line N, and
/// `source` (a string) defaults to `options.source`. A bad line becomes a `.failure`
/// (`line N: ...`) and the following lines still come. The descriptor is read in
/// 64 KiB blocks; a line longer than `options.maxBytes` is reported once and skipped
/// without being held in memory.
public struct NDJSONInput: Sequence, Sendable {
    /// The descriptor read (standard input is 0).
    public let fileDescriptor: Int32
    /// Size limit per line and default source.
    public let options: InputOptions
    let blockSize: Int

    public init(fileDescriptor: Int32, options: InputOptions) {
        self.init(fileDescriptor: fileDescriptor, options: options, blockSize: InputIO.blockSize)
    }

    /// For tests: a custom read size, to exercise lines split across blocks.
    init(fileDescriptor: Int32, options: InputOptions, blockSize: Int) {
        self.fileDescriptor = fileDescriptor
        self.options = options
        self.blockSize = Swift.max(1, blockSize)
    }

    public func makeIterator() -> Iterator {
        Iterator(reader: InputLineReader(fileDescriptor: fileDescriptor, limit: options.byteLimit, blockSize: blockSize),
                 options: options)
    }

    /// Reads and parses one line per document.
    public struct Iterator: IteratorProtocol {
        let reader: InputLineReader
        let options: InputOptions

        init(reader: InputLineReader, options: InputOptions) {
            self.reader = reader
            self.options = options
        }

        public mutating func next() -> InputItem? {
            while let event = reader.next() {
                switch event {
                case .tooLong(let number):
                    return .failure(InputFailure(doc: nil, path: nil, message: "line \(number): longer than --max-bytes"))
                case .readError(let number, let code):
                    return .failure(InputFailure(doc: nil, path: nil,
                                                 message: "line \(number): cannot read: " + InputIO.errorText(code)))
                case .line(let number, let bytes):
                    if let item = NDJSONLine.parse(bytes, number: number, options: options) {
                        return item
                    }
                }
            }
            return nil
        }
    }
}

/// Splits a descriptor into lines at `\n`, holding at most `limit` + one block in memory.
final class InputLineReader {
    /// What one call to `next()` found.
    enum Event {
        /// A complete line without its `\n`; the buffer is only valid until the next call.
        case line(number: Int, bytes: UnsafeBufferPointer<UInt8>)
        /// A line longer than the limit, reported when first detected; it is then skipped.
        case tooLong(number: Int)
        /// A read error; reading stops.
        case readError(number: Int, code: Int32)
    }

    private let fd: Int32
    private let limit: Int
    private let blockSize: Int
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unconsumed bytes are storage[start..<end]; storage[start..<scanned] holds no `\n`.
    private var start = 0
    private var end = 0
    private var scanned = 0
    private var atEnd = false
    /// Skipping the rest of an over-long line.
    private var discarding = false
    /// Number of the last line completed.
    private var lineNumber = 0

    init(fileDescriptor: Int32, limit: Int, blockSize: Int) {
        self.fd = fileDescriptor
        self.limit = min(max(0, limit), Int.max / 4)
        self.blockSize = max(1, min(blockSize, Int.max / 4))
        self.capacity = self.blockSize + min(self.limit, self.blockSize)
        self.storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The next line, over-long line or read error; nil at end of input.
    func next() -> Event? {
        while true {
            if scanned < end, let hit = memchr(storage + scanned, 0x0A, end - scanned) {
                let newline = UnsafeMutableRawPointer(hit).assumingMemoryBound(to: UInt8.self) - storage
                let lineStart = start
                start = newline + 1
                scanned = start
                lineNumber += 1
                if discarding {
                    discarding = false
                    continue
                }
                let length = newline - lineStart
                if length > limit { return .tooLong(number: lineNumber) }
                return .line(number: lineNumber, bytes: UnsafeBufferPointer(start: storage + lineStart, count: length))
            }
            scanned = end

            if atEnd {
                guard start < end else { return nil }
                // Last line, without a final newline.
                let lineStart = start
                let length = end - start
                start = end
                lineNumber += 1
                if discarding {
                    discarding = false
                    return nil
                }
                if length > limit { return .tooLong(number: lineNumber) }
                return .line(number: lineNumber, bytes: UnsafeBufferPointer(start: storage + lineStart, count: length))
            }

            // Need more input for the current line.
            let pending = end - start
            if discarding {
                start = 0; end = 0; scanned = 0
            } else if pending > limit {
                discarding = true
                start = 0; end = 0; scanned = 0
                return .tooLong(number: lineNumber + 1)
            } else if start > 0 {
                // Moves only the start of an unfinished line, once per line: linear overall.
                if pending > 0 { memmove(storage, storage + start, pending) }
                end = pending
                scanned -= start
                start = 0
            }
            reserve(end + blockSize)
            let n = InputIO.readSome(fd, into: UnsafeMutableRawPointer(storage + end), count: blockSize)
            if n < 0 {
                atEnd = true
                start = 0; end = 0; scanned = 0
                discarding = false
                return .readError(number: lineNumber + 1, code: Int32(-n))
            }
            if n == 0 {
                atEnd = true
            } else {
                end += n
            }
        }
    }

    /// Grows the buffer to hold `needed` bytes (at most limit + one block, since a
    /// pending line is never longer than the limit when more input is read).
    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let newCapacity = max(needed, min(capacity * 2, limit + blockSize))
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if end > 0 { grown.update(from: storage, count: end) }
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}

/// Parsing of one NDJSON line into an input item.
enum NDJSONLine {
    /// The item for line `number`, or nil for a blank line.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, options: InputOptions) -> InputItem? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        func failure(_ message: String, doc: String? = nil) -> InputItem {
            .failure(InputFailure(doc: doc, path: nil, message: "line \(number): " + message))
        }
        if let offset = InputText.firstInvalidUTF8(bytes) {
            return failure(InputTextProblem.invalidUTF8(byte: bytes[offset], offset: offset).message)
        }
        if let offset = InputText.firstNUL(bytes) {
            // Raw NUL is never valid JSON, and would make the parser guess UTF-16.
            return failure("not valid JSON (NUL byte at offset \(offset))")
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(buffer: bytes), options: [.fragmentsAllowed])
        } catch {
            return failure("not valid JSON (\(reason(error)))")
        }
        guard let object = value as? [String: Any] else {
            return failure("not valid JSON (expected an object, found \(kind(of: value)))")
        }
        let id = idString(object["id"])
        guard let text = object["text"] as? String else {
            return failure("no \"text\" field", doc: id)
        }
        let source = (object["source"] as? String) ?? options.source
        return .document(InputDocument(id: id ?? "stdin-\(number)", source: source, path: nil, text: text))
    }

    /// The parser's own explanation, without a trailing period.
    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        var text = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text.isEmpty ? "parse error" : text
    }

    /// A JSON type name for a parsed value.
    private static func kind(of value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "an array"
        case is NSNull: return "null"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "a number"
        default: return "a non-object value"
        }
    }

    /// The `id` field as a string: a string as is, a number as its decimal string;
    /// nil when missing or of another type.
    static func idString(_ value: Any?) -> String? {
        guard let value else { return nil }
        if let string = value as? String { return string }
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        if number is NSDecimalNumber { return number.description }
        switch String(cString: number.objCType) {
        case "Q", "L", "I", "S", "C":
            return String(number.uint64Value)
        case "q", "l", "i", "s":
            return String(number.int64Value)
        default:
            let double = number.doubleValue
            if double.isFinite, double == double.rounded(), abs(double) < 9.0e18 {
                return String(Int64(double))
            }
            return "\(double)"
        }
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }
}
