/// An error in a rule file, naming the file and line.
public struct RuleError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String {
        let place = file.contains("/") ? file : "rules/" + file
        return line > 0 ? "\(place):\(line): \(message)" : "\(place): \(message)"
    }
}

/// One parsed rule file: a header of column names and rows of tab-separated fields.
///
/// Format (the same for every file in `rules/`): lines starting with `#` are comments and
/// blank lines are skipped; the first other line is the header and must name the expected
/// columns; every further line is one row with exactly that many tab-separated fields, rows
/// sorted by their full text in byte order, no row twice. Anything else is an error that
/// names the file and line: a rule file is never half-read.
struct RuleFile {
    let name: String
    let rows: [[String]]
    /// The line number of each row, for error messages by later checks.
    let lines: [Int]

    init(name: String, text: String, columns: [String]) throws(RuleError) {
        self.name = name
        var rows: [[String]] = []
        var lines: [Int] = []
        var header: [String]?
        var previous: String?  // non-nil once a row has been read
        var lineNumber = 0
        // Read as UTF-8 bytes: lines end at `\n` (a `\r` before it is dropped), fields at tabs.
        let bytes = Array(text.utf8)
        var previousLine: ArraySlice<UInt8> = []
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var e = lineEnd
            if e > lineStart && bytes[e - 1] == 0x0D { e -= 1 }
            let line = bytes[lineStart..<e]
            if line.isEmpty || line.first == 0x23 { continue }
            // The fields between tabs (empty ones kept), made strings straight from the line.
            var fields: [String] = []
            fields.reserveCapacity(columns.count)
            var fieldStart = line.startIndex
            for k in line.indices where line[k] == 0x09 {
                fields.append(String(decoding: line[fieldStart..<k], as: UTF8.self))
                fieldStart = k + 1
            }
            fields.append(String(decoding: line[fieldStart...], as: UTF8.self))
            guard header != nil else {
                guard fields == columns else {
                    throw RuleError(file: name, line: lineNumber,
                                    message: "header must be `\(columns.joined(separator: "\\t"))`, found `\(String(decoding: line, as: UTF8.self))`")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw RuleError(file: name, line: lineNumber,
                                message: "expected \(columns.count) tab-separated field(s), found \(fields.count)")
            }
            if let bad = fields.first(where: { $0.isEmpty || $0.utf8.first == 0x20 || $0.utf8.last == 0x20 }) {
                throw RuleError(file: name, line: lineNumber, message: "empty field or stray spaces in `\(bad)`")
            }
            if previous != nil {
                if line.elementsEqual(previousLine) {
                    throw RuleError(file: name, line: lineNumber, message: "duplicate line `\(String(decoding: line, as: UTF8.self))`")
                }
                if !previousLine.lexicographicallyPrecedes(line) {
                    throw RuleError(file: name, line: lineNumber,
                                    message: "not sorted: `\(String(decoding: line, as: UTF8.self))` after `\(String(decoding: previousLine, as: UTF8.self))`")
                }
            }
            previous = ""
            previousLine = line
            rows.append(fields)
            lines.append(lineNumber)
        }
        if header == nil {
            throw RuleError(file: name, line: 0, message: "no header line")
        }
        self.rows = rows
        self.lines = lines
    }

    /// The values of the first column.
    var firstColumn: [String] { rows.map { $0[0] } }
}
