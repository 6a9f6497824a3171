// Input layer: the values every input (files, plain stdin, NDJSON stdin) produces.

/// One document as read from an input, before any processing.
public struct InputDocument: Sendable, Equatable {
    /// Document id: the file name without its last extension, a relative path when
    /// names collide, the given id for plain stdin, or the `id` field / `stdin-N` for NDJSON.
    public var id: String
    /// Outlet name (`source` field of an NDJSON line, else `--source`).
    public var source: String?
    /// The file path as walked (nil for standard input).
    public var path: String?
    /// The decoded text, line endings and a leading BOM untouched.
    public var text: String

    public init(id: String, source: String? = nil, path: String? = nil, text: String) {
        self.id = id
        self.source = source
        self.path = path
        self.text = text
    }
}

/// A document (or input line) that could not be read; becomes an `error` record.
public struct InputFailure: Error, Sendable, Equatable {
    /// The id the document would have had, if known.
    public var doc: String?
    /// The file or directory path involved (nil for standard input).
    public var path: String?
    /// A human-readable reason, e.g. `not UTF-8 text (byte 0x9f at offset 4)`.
    public var message: String

    public init(doc: String? = nil, path: String? = nil, message: String) {
        self.doc = doc
        self.path = path
        self.message = message
    }
}

/// One element of an input: a readable document or a failure to report.
public enum InputItem: Sendable, Equatable {
    case document(InputDocument)
    case failure(InputFailure)
}

/// Options shared by all inputs.
public struct InputOptions: Sendable {
    /// Largest document (file, stdin text, or NDJSON line) accepted, in bytes.
    public var maxBytes: Int
    /// File extensions kept when walking directories, without dots, compared case-insensitively.
    public var extensions: [String]
    /// `--source`: default outlet for plain input.
    public var source: String?

    public init(maxBytes: Int = 50_000_000, extensions: [String] = ["txt"], source: String? = nil) {
        self.maxBytes = maxBytes
        self.extensions = extensions
        self.source = source
    }

    /// `maxBytes` clamped to a usable, non-negative value.
    var byteLimit: Int { max(0, maxBytes) }

    /// Lower-cased extensions with any leading dots removed.
    var normalizedExtensions: Set<String> {
        Set(extensions.map { ext in
            var e = Substring(ext)
            while e.first == "." { e = e.dropFirst() }
            return e.lowercased()
        })
    }
}
