import ArgumentParser
import Foundation
import Verbatim

/// `verbatim`: who said what in news text, as NDJSON on standard output.
///
/// Two subcommands: `extract` (the default: `verbatim FILES` is `verbatim extract FILES`) runs
/// the whole pipeline; `match` runs cross-source matching alone over the output of earlier runs.
public struct VerbatimCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "Who said what in news text, and who else reported it: attributions and cross-source claims as NDJSON.",
        discussion: """
            `verbatim FILES` is `verbatim extract FILES`. Output: one JSON record a line, as \
            spec/OUTPUT.md says. Exit status: 0 when clean, 1 when any error record was written, \
            2 on a usage error.
            """,
        version: "0.2.0",
        subcommands: [ExtractCommand.self, MatchCommand.self],
        defaultSubcommand: ExtractCommand.self
    )

    public init() {}
}

/// `verbatim extract`: the whole pipeline over files, directories or standard input.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find every attribution in news text (the quote, who said it, the cue) and match claims across documents.",
        discussion: """
            Reads files and directories (walked recursively in sorted order), or standard input \
            when no path or `-` is given. Writes one JSON record a line, as spec/OUTPUT.md says: \
            a `document` record, then its `quote` records, then its `match` records, for every \
            document; `error` records for documents that cannot be read; `cluster` records at \
            the end. Exits 0 when clean, 1 when any error record was written, 2 on a usage error.
            """
    )

    @Argument(help: "Files or directories to read; none or `-` reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "How standard input is read: `text` (one document) or `ndjson` (one JSON document a line, with `text`, `id`, `source`).")
    var input: InputFormat = .text

    @Option(name: .long, help: "The document id for plain text on standard input.")
    var doc: String = "stdin"

    @Option(name: .long, help: "The outlet of the documents (NDJSON input: where a line has no `source`).")
    var source: String?

    @Option(name: .long, parsing: .singleValue, help: "File extensions read from directories (repeatable; default: txt).")
    var ext: [String] = []

    @Option(name: .customLong("max-bytes"), help: "Documents larger than this many bytes give an error record.")
    var maxBytes: Int = 50_000_000

    @OptionGroup var rules: RulesOption

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, ndjson
    }

    public init() {}

    public func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes") }
        if input == .ndjson && !(paths.isEmpty || paths == ["-"]) {
            throw ValidationError("--input ndjson reads standard input: give no paths (or `-`)")
        }
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("`-` (standard input) cannot be mixed with paths")
        }
        for e in ext where e.isEmpty || e.contains("/") {
            throw ValidationError("--ext takes an extension such as `txt`, not `\(e)`")
        }
    }

    public func run() throws {
        let ruleSet = try rules.load()
        let options = InputOptions(maxBytes: maxBytes,
                                   extensions: ext.isEmpty ? ["txt"] : ext.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 },
                                   source: source)
        let items: AnySequence<InputItem>
        if paths.isEmpty || paths == ["-"] {
            switch input {
            case .text: items = AnySequence([readPlainText(fileDescriptor: 0, id: doc, options: options)])
            case .ndjson: items = AnySequence(NDJSONInput(fileDescriptor: 0, options: options))
            }
        } else {
            items = AnySequence(FileInput(paths: paths, options: options))
        }
        let pipeline = Pipeline(rules: ruleSet)
        let sawError = Runner(pipeline: pipeline, output: OutputStream(fileDescriptor: 1)).run(items)
        // The pipeline's tables (the matcher's index of every quote of the run) go with the
        // process, not freed one allocation at a time when the run is over.
        _ = Unmanaged.passRetained(pipeline)
        if sawError { throw ExitCode(1) }
    }
}

/// `--rules DIR`, shared by the subcommands.
public struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "A directory of rule files that replace the built-in ones of the same name.")
    var rules: String?

    public init() {}

    /// The built-in rules, with the files of `--rules` in their place; a bad rule file is a
    /// usage error naming the file and line.
    func load() throws -> RuleSet {
        guard let rules else { return .defaults }
        do { return try RuleSet.load(overriding: rules) } catch { throw ValidationError("\(error)") }
    }
}

/// Feeds documents through the pipeline and writes their records as each one is done.
public struct Runner {
    let pipeline: Pipeline
    let output: OutputStream

    public init(pipeline: Pipeline, output: OutputStream) {
        self.pipeline = pipeline
        self.output = output
    }

    /// Returns whether any error record was written.
    public func run(_ items: some Sequence<InputItem>) -> Bool {
        var sawError = false
        for item in items {
            let records: [Record]
            switch item {
            case .document(let d): records = pipeline.process(d)
            case .failure(let f):
                sawError = true
                records = [.error(ErrorRecord(doc: f.doc, path: f.path, message: f.message))]
            }
            for r in records { output.write(r) }
            guard output.flush() else { return sawError }
        }
        for r in pipeline.finish() { output.write(r) }
        _ = output.flush()
        return sawError
    }
}

/// Buffered record output to a file descriptor; a closed pipe ends the output quietly.
public final class OutputStream {
    private let fd: Int32
    private var buffer: [UInt8] = []
    public private(set) var closed = false

    public init(fileDescriptor: Int32) {
        fd = fileDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ record: Record) {
        guard !closed else { return }
        record.write(into: &buffer)
        if buffer.count >= 1 << 16 { _ = flush() }
    }

    /// Writes lines already encoded (each with its `\n`).
    public func write(bytes: ArraySlice<UInt8>) {
        guard !closed else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { _ = flush() }
    }

    /// Writes out the buffer; false once the reader has gone away.
    public func flush() -> Bool {
        guard !closed else { return false }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { p in
                Foundation.write(fd, p.baseAddress! + offset, p.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                closed = true
                buffer.removeAll()
                return false
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
        return true
    }
}

extension VerbatimCommand {
    /// Parses `arguments` and runs the command; returns the process exit status:
    /// 0 clean, 1 when an error record was written, 2 on a usage error (the message goes to
    /// standard error), 0 for `--help` and `--version` (printed to standard output).
    public static func main(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            if let exit = error as? ExitCode { return exit.rawValue }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            return 2
        }
    }
}
