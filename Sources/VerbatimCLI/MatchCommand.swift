import ArgumentParser
import Foundation
import Verbatim

/// `verbatim match`: cross-source matching alone, over the NDJSON that earlier runs wrote.
///
/// The reduce step after extraction ran as a map step over shards: reads the files in the
/// order given (or standard input), writes their records with this matching's claim ids,
/// then new `match` and `cluster` records (see ``RecordMatcher``).
public struct MatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match claims across the NDJSON output of earlier runs (shards of one archive).",
        discussion: """
            Reads NDJSON files in the order given, or standard input when no path or `-` is \\
            given, and writes the same records as one run over all of them would have: quote \\
            records with the claim ids of this matching, match records after each document's \\
            quotes, cluster records at the end. Earlier match and cluster records are dropped. \\
            With --stats, what the matcher held goes to standard error at the end.
            """
    )

    @Argument(help: "NDJSON files written by `verbatim`; none or `-` reads standard input.")
    var paths: [String] = []

    @Option(name: .customLong("max-bytes"), help: "Lines longer than this many bytes give an error record.")
    var maxBytes: Int = 50_000_000

    @OptionGroup var rules: RulesOption

    @Flag(name: .long, help: "Report the quotes, clusters and memory held by the matcher on standard error.")
    var stats = false

    public init() {}

    public func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes") }
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("`-` (standard input) cannot be mixed with paths")
        }
    }

    public func run() throws {
        let matcher = RecordMatcher(rules: try rules.load())
        let output = OutputStream(fileDescriptor: 1)
        var open = true
        var failed = false
        for path in paths.isEmpty ? ["-"] : paths where open {
            let fd = path == "-" ? 0 : Foundation.open(path, O_RDONLY)
            guard fd >= 0 else {
                failed = true
                output.write(.error(ErrorRecord(doc: nil, path: path, message: "cannot open: " + String(cString: strerror(errno)))))
                continue
            }
            open = matcher.read(fileDescriptor: fd, name: path == "-" ? "stdin" : path, maxLineBytes: maxBytes) { bytes in
                output.write(bytes: bytes)
                return !output.closed
            }
            if fd != 0 { close(fd) }
        }
        for r in matcher.finish() { output.write(r) }
        _ = output.flush()
        if stats {
            let s = matcher.stats
            let perQuote = s.quotes > 0 ? s.bytes / s.quotes : 0
            FileHandle.standardError.write(Data("""
                matcher: \(s.quotes) quotes, \(s.clusters) clusters, \(s.matches) matches, \
                \(s.fingerprints) fingerprints, \(s.postings) postings, about \(s.bytes / 1_000_000) MB held \
                (\(perQuote) bytes a quote)\n
                """.utf8))
        }
        // The matcher's index of every quote read goes with the process, not freed one
        // allocation at a time when the run is over.
        _ = Unmanaged.passRetained(matcher)
        if failed || matcher.sawError { throw ExitCode(1) }
    }
}
