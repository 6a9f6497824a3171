import Foundation
import Testing
@testable import Verbatim
import VerbatimCLI

@Suite("Command line")
struct CommandLineSpec {
    // `--help` documents every option.
    @Test func helpListsOptions() {
        let help = ExtractCommand.helpMessage()
        for option in ["--input", "--doc", "--source", "--ext", "--max-bytes", "--rules"] {
            #expect(help.contains(option), "help lacks \(option)")
        }
        #expect(VerbatimCommand.main(arguments: ["--help"]) == 0)
    }

    // Usage errors exit with 2, before any input is read.
    @Test(arguments: [["--max-bytes", "0"], ["--input", "ndjson", "somefile.txt"], ["-", "other.txt"],
                      ["--rules", "/nonexistent/rules"], ["--no-such-option"]])
    func usageErrorsExitTwo(arguments: [String]) {
        #expect(VerbatimCommand.main(arguments: arguments) == 2)
    }

    // A bad document becomes an error record, the good ones still come, and the run says so.
    @Test func badDocumentsDoNotStopTheRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("“Fine,” she said.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data([0x61, 0x9F, 0x62]).write(to: dir.appendingPathComponent("b.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("c.txt"))
        try Data().write(to: dir.appendingPathComponent("d.txt"))
        let out = dir.appendingPathComponent("out.ndjson").path
        let fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let sawError = Runner(pipeline: Pipeline(rules: .defaults), output: OutputStream(fileDescriptor: fd))
            .run(FileInput(paths: [dir.path], options: InputOptions()))
        close(fd)
        #expect(sawError)
        let types = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["type"] as! String
        }
        #expect(types == ["document", "quote", "error", "error", "document"])
    }
}
