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
        var previous: String?
        var lineNumber = 0
        // Split on scalars: in a String "\r\n" is one Character and would not split on "\n".
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(String(String.UnicodeScalarView(rawLine)))
            if line.unicodeScalars.last == "\r" { line = Substring(String(line.unicodeScalars.dropLast())) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard header != nil else {
                guard fields == columns else {
                    throw RuleError(file: name, line: lineNumber,
                                    message: "header must be `\(columns.joined(separator: "\\t"))`, found `\(line)`")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw RuleError(file: name, line: lineNumber,
                                message: "expected \(columns.count) tab-separated field(s), found \(fields.count)")
            }
            if let bad = fields.first(where: { $0.isEmpty || $0 != $0.trimmingSpaces }) {
                throw RuleError(file: name, line: lineNumber, message: "empty field or stray spaces in `\(bad)`")
            }
            let key = String(line)
            if let previous {
                if key == previous {
                    throw RuleError(file: name, line: lineNumber, message: "duplicate line `\(key)`")
                }
                if !previous.utf8.lexicographicallyPrecedes(key.utf8) {
                    throw RuleError(file: name, line: lineNumber, message: "not sorted: `\(key)` after `\(previous)`")
                }
            }
            previous = key
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

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }
}
