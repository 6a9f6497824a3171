// Tests of the input layer: FileInput, readPlainText, NDJSONInput and the UTF-8 validator.

import Foundation
import Testing
@testable import Verbatim

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Fixtures

/// A fresh temporary directory, removed when released.
private final class InputFixtureDirectory {
    let root: String

    init() throws {
        var base = NSTemporaryDirectory()
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/verbatim-input-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw InputFixtureError(message: "mkdtemp failed") }
        root = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Absolute path of a relative fixture path.
    func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Writes bytes, creating parent directories.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path(relative)
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw InputFixtureError(message: "cannot create \(full)")
        }
        return full
    }

    /// Writes UTF-8 text, creating parent directories.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// A symbolic link at `relative` pointing to `target` (taken as is).
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }
}

private struct InputFixtureError: Error {
    var message: String
}

private func documentOf(_ item: InputItem?) -> InputDocument? {
    if case .document(let document)? = item { return document }
    return nil
}

private func failureOf(_ item: InputItem?) -> InputFailure? {
    if case .failure(let failure)? = item { return failure }
    return nil
}

/// A compact view of an item for order checks: the id, or `!message`.
private func summary(_ item: InputItem) -> String {
    switch item {
    case .document(let document): return document.id
    case .failure(let failure): return "!" + failure.message
    }
}

private func readAll(_ paths: [String], _ options: InputOptions = InputOptions()) -> [InputItem] {
    Array(FileInput(paths: paths, options: options))
}

/// Runs NDJSONInput over bytes stored in a fixture file.
private func ndjson(_ bytes: [UInt8], options: InputOptions = InputOptions(), blockSize: Int = 64 * 1024) throws -> [InputItem] {
    let dir = try InputFixtureDirectory()
    let file = try dir.write("input.ndjson", bytes: bytes)
    let fd = open(file, O_RDONLY)
    guard fd >= 0 else { throw InputFixtureError(message: "cannot open \(file)") }
    defer { close(fd) }
    return Array(NDJSONInput(fileDescriptor: fd, options: options, blockSize: blockSize))
}

private func ndjson(_ text: String, options: InputOptions = InputOptions(), blockSize: Int = 64 * 1024) throws -> [InputItem] {
    try ndjson(Array(text.utf8), options: options, blockSize: blockSize)
}

/// Runs readPlainText over bytes stored in a fixture file.
private func plainText(_ bytes: [UInt8], id: String, options: InputOptions) throws -> InputItem {
    let dir = try InputFixtureDirectory()
    let file = try dir.write("stdin.txt", bytes: bytes)
    let fd = open(file, O_RDONLY)
    guard fd >= 0 else { throw InputFixtureError(message: "cannot open \(file)") }
    defer { close(fd) }
    return readPlainText(fileDescriptor: fd, id: id, options: options)
}

/// Writes all bytes to a descriptor.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        if n <= 0 { return }
        offset += n
    }
}

/// Tests of FileInput, readPlainText, NDJSONInput and the UTF-8 validator.
@Suite("Input layer")
struct InputTests {
    // MARK: - Files: ids and walking

    // The basic contract: a file's id is its name without the last extension.
    @Test func fileIdIsNameWithoutLastExtension() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("corpus/003_5a9d.txt", "Hello.")
        try dir.write("corpus/report.v2.txt", "Second.")
        let items = readAll([dir.path("corpus")], InputOptions(source: "Daily"))
        #expect(items.map(summary) == ["003_5a9d", "report.v2"])
        let first = try #require(documentOf(items.first))
        #expect(first == InputDocument(id: "003_5a9d", source: "Daily", path: dir.path("corpus/003_5a9d.txt"), text: "Hello."))
    }

    // Two files with one name must not produce two records with one id.
    @Test func collidingIdsUseRelativePaths() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("corpus/a/x.txt", "one")
        try dir.write("corpus/b/x.txt", "two")
        try dir.write("corpus/y.txt", "three")
        let items = readAll([dir.path("corpus")])
        #expect(items.map(summary) == ["a/x", "b/x", "y"])
        #expect(documentOf(items[1])?.text == "two")
    }

    // The same relative path under two roots still collides: the full path is used then.
    @Test func collidingRelativePathsFallBackToFullPaths() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("r1/x.txt", "one")
        try dir.write("r2/x.txt", "two")
        try dir.write("r2/other.txt", "three")
        let items = readAll([dir.path("r1"), dir.path("r2/")])
        #expect(items.map(summary) == [dir.path("r1/x"), "other", dir.path("r2/x")])
    }

    // Output order must be reproducible: names sorted by UTF-8 bytes, depth first,
    // and only the requested extensions (case-insensitive) are kept.
    @Test func walkIsSortedRecursiveAndFiltersExtensions() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("c/b.txt", "")
        try dir.write("c/B.txt", "")
        try dir.write("c/a/z.txt", "")
        try dir.write("c/a/c.TXT", "")
        try dir.write("c/é.txt", "")
        try dir.write("c/notes.md", "")
        try dir.write("c/README", "")
        try dir.write("c/a/deep/er/d.txt", "")
        let items = readAll([dir.path("c")])
        #expect(items.map(summary) == ["B", "c", "d", "z", "b", "é"])
        #expect(items.compactMap { documentOf($0)?.path } == [
            dir.path("c/B.txt"), dir.path("c/a/c.TXT"), dir.path("c/a/deep/er/d.txt"),
            dir.path("c/a/z.txt"), dir.path("c/b.txt"), dir.path("c/é.txt"),
        ])
        let markdown = readAll([dir.path("c")], InputOptions(extensions: [".MD"]))
        #expect(markdown.map(summary) == ["notes"])
    }

    // Naming a file explicitly is a request to read it, whatever its extension.
    @Test func explicitFileWithOtherExtensionIsRead() throws {
        let dir = try InputFixtureDirectory()
        let file = try dir.write("notes.md", "# Title\n")
        let plain = try dir.write("plain", "no extension")
        let items = readAll([file, plain])
        #expect(items.map(summary) == ["notes", "plain"])
        #expect(documentOf(items.first)?.text == "# Title\n")
    }

    // Hidden files and directories (.git, editor files) are not corpus documents,
    // unless named explicitly.
    @Test func hiddenEntriesAreSkipped() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("c/.hidden.txt", "no")
        try dir.write("c/.git/objects.txt", "no")
        try dir.write("c/seen.txt", "yes")
        #expect(readAll([dir.path("c")]).map(summary) == ["seen"])
        #expect(readAll([dir.path("c/.hidden.txt")]).map(summary) == [".hidden"])
    }

    // A link back to an ancestor directory must not loop forever: one failure, and the
    // rest of the walk (including links to files) still comes.
    @Test func symlinkLoopGivesOneFailureAndWalkGoesOn() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("c/a.txt", "a")
        try dir.write("c/sub/b.txt", "b")
        try dir.write("c/z.txt", "z")
        try dir.write("outside/real.txt", "linked")
        try dir.link("c/sub/loop", to: dir.path("c"))
        try dir.link("c/sub/self", to: ".")
        try dir.link("c/m.txt", to: dir.path("outside/real.txt"))
        let items = readAll([dir.path("c")])
        #expect(items.map(summary) == [
            "a", "m", "b",
            "!symbolic link loop: " + dir.path("c/sub/loop"),
            "!symbolic link loop: " + dir.path("c/sub/self"),
            "z",
        ])
        #expect(documentOf(items[1])?.text == "linked")
        #expect(documentOf(items[1])?.path == dir.path("c/m.txt"))
        #expect(failureOf(items[3]) == InputFailure(doc: nil, path: dir.path("c/sub/loop"),
                                                    message: "symbolic link loop: " + dir.path("c/sub/loop")))
    }

    // A missing path or a dangling link is reported with the id it would have had,
    // and does not stop the other inputs.
    @Test func missingPathAndBrokenLinkAreFailures() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("c/ok.txt", "fine")
        try dir.link("c/dangling.txt", to: dir.path("nowhere.txt"))
        let missing = dir.path("absent/file.txt")
        let items = readAll([missing, dir.path("c")])
        #expect(items.count == 3)
        #expect(failureOf(items[0]) == InputFailure(doc: "file", path: missing, message: "cannot read: No such file or directory"))
        #expect(failureOf(items[1]) == InputFailure(doc: "dangling", path: dir.path("c/dangling.txt"),
                                                    message: "cannot read: broken symbolic link"))
        #expect(documentOf(items[2])?.text == "fine")
    }

    // Permission problems become failures, never crashes (root bypasses permissions, so
    // this only runs as another user).
    @Test(.enabled(if: getuid() != 0, "root can read anything"))
    func unreadableEntriesAreFailures() throws {
        let dir = try InputFixtureDirectory()
        let secret = try dir.write("c/secret.txt", "x")
        try dir.write("c/locked/inner.txt", "x")
        try dir.write("c/ok.txt", "x")
        chmod(secret, 0)
        chmod(dir.path("c/locked"), 0)
        defer { chmod(dir.path("c/locked"), 0o755) }
        let items = readAll([dir.path("c")])
        #expect(items.map(summary) == ["!cannot read: Permission denied", "ok", "!cannot read: Permission denied"])
        #expect(failureOf(items[2])?.doc == "secret")
    }

    // MARK: - Files: content checks

    // The error record must point at the exact bad byte so the user can fix the file.
    @Test func invalidUTF8MessageNamesByteAndOffset() throws {
        let dir = try InputFixtureDirectory()
        let file = try dir.write("bad.txt", bytes: Array("caf".utf8) + [0x20, 0x9F, 0x41])
        let items = readAll([file])
        #expect(items == [.failure(InputFailure(doc: "bad", path: file, message: "not UTF-8 text (byte 0x9f at offset 4)"))])
    }

    // Binary files (images, archives renamed .txt) are refused, not fed to the pipeline.
    @Test func binaryFilesAreFailures() throws {
        let dir = try InputFixtureDirectory()
        let nul = try dir.write("nul.txt", bytes: Array("ab".utf8) + [0x00, 0x63])
        let control = try dir.write("ctl.txt", bytes: [0x01, 0x02, 0x03, 0x41, 0x1B, 0x7F])
        let items = readAll([nul, control])
        #expect(failureOf(items[0]) == InputFailure(doc: "nul", path: nul, message: "binary file (NUL byte at offset 2)"))
        #expect(failureOf(items[1])?.message == "binary file (mostly control bytes)")
    }

    // An empty file is a valid (empty) document, not an error.
    @Test func emptyFileIsADocument() throws {
        let dir = try InputFixtureDirectory()
        let file = try dir.write("empty.txt", "")
        #expect(readAll([file]) == [.document(InputDocument(id: "empty", source: nil, path: file, text: ""))])
    }

    // Oversized files are refused from their size, before reading them.
    @Test func tooLargeFileIsAFailure() throws {
        let dir = try InputFixtureDirectory()
        let big = try dir.write("big.txt", String(repeating: "a", count: 11))
        let fits = try dir.write("fits.txt", String(repeating: "b", count: 10))
        let items = readAll([big, fits], InputOptions(maxBytes: 10))
        #expect(failureOf(items[0]) == InputFailure(doc: "big", path: big, message: "larger than --max-bytes (11 bytes > 10)"))
        #expect(documentOf(items[1])?.text.utf8.count == 10)
    }

    // Offsets in later stages refer to the original bytes: BOM and CR LF must survive.
    @Test func bomAndCRLFAreKept() throws {
        let dir = try InputFixtureDirectory()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("line one\r\nline two\r\n".utf8)
        let file = try dir.write("bom.txt", bytes: bytes)
        let text = try #require(documentOf(readAll([file]).first)?.text)
        #expect(Array(text.utf8) == bytes)
    }

    // Files are read one per next(), so a huge corpus is never held in memory at once.
    @Test func filesAreReadLazily() throws {
        let dir = try InputFixtureDirectory()
        try dir.write("c/1.txt", "one")
        try dir.write("c/2.txt", "two")
        var iterator = FileInput(paths: [dir.path("c")], options: InputOptions()).makeIterator()
        #expect(documentOf(iterator.next())?.text == "one")
        // Changed after the walk but before its turn: the new content is what gets read.
        try dir.write("c/2.txt", "changed")
        #expect(documentOf(iterator.next())?.text == "changed")
        #expect(iterator.next() == nil)
    }

    // MARK: - Plain standard input

    // Plain stdin is one document with the id and source given on the command line.
    @Test func plainTextReadsWholeInput() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Héllo\r\nworld".utf8)
        let item = try plainText(bytes, id: "stdin", options: InputOptions(source: "Wire"))
        let document = try #require(documentOf(item))
        #expect(document.id == "stdin" && document.source == "Wire" && document.path == nil)
        #expect(Array(document.text.utf8) == bytes)
        let bad = try plainText([0x61, 0xC0, 0xAF], id: "stdin", options: InputOptions())
        #expect(bad == .failure(InputFailure(doc: "stdin", path: nil, message: "not UTF-8 text (byte 0xc0 at offset 1)")))
    }

    // Too much stdin is refused: exactly (from fstat) for a redirected file, and by
    // stopping the read for a pipe, which is never read past the limit.
    @Test func plainTextTooLarge() throws {
        let item = try plainText(Array(repeating: 0x61, count: 20), id: "stdin", options: InputOptions(maxBytes: 8))
        #expect(failureOf(item)?.message == "larger than --max-bytes (20 bytes > 8)")

        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        writeAll(fds[1], Array(repeating: 0x62, count: 100))
        close(fds[1])
        defer { close(fds[0]) }
        let piped = readPlainText(fileDescriptor: fds[0], id: "stdin", options: InputOptions(maxBytes: 8))
        #expect(failureOf(piped) == InputFailure(doc: "stdin", path: nil, message: "larger than --max-bytes (more than 8 bytes)"))
    }

    // MARK: - NDJSON standard input

    // Well-formed lines: text, id, source (field or default), blank lines skipped,
    // the last line may lack its newline.
    @Test func ndjsonGoodLines() throws {
        let input = """
        {"id": "a1", "text": "First\\r\\nline", "source": "Times"}

        {"id": "a2", "text": "Second"}
        {"text": "Third", "extra": [1, 2]}
        """
        let items = try ndjson(input, options: InputOptions(source: "Default"))
        #expect(items == [
            .document(InputDocument(id: "a1", source: "Times", path: nil, text: "First\r\nline")),
            .document(InputDocument(id: "a2", source: "Default", path: nil, text: "Second")),
            .document(InputDocument(id: "stdin-4", source: "Default", path: nil, text: "Third")),
        ])
    }

    // One bad line must not lose the rest of the stream.
    @Test func ndjsonMalformedLineInTheMiddle() throws {
        let input = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\": \"b\", \"text\": \n[1,2]\n{\"id\":\"c\",\"text\":\"three\"}\n"
        let items = try ndjson(input)
        #expect(items.map(summary).count == 4)
        #expect(documentOf(items[0])?.id == "a")
        let broken = try #require(failureOf(items[1]))
        #expect(broken.doc == nil && broken.path == nil)
        #expect(broken.message.hasPrefix("line 2: not valid JSON ("))
        #expect(failureOf(items[2])?.message == "line 3: not valid JSON (expected an object, found an array)")
        #expect(documentOf(items[3])?.text == "three")
    }

    // A record without a string text field is an error that still names its document.
    @Test func ndjsonMissingText() throws {
        let items = try ndjson("{\"id\":\"x9\"}\n{\"text\": 5}\n")
        #expect(items == [
            .failure(InputFailure(doc: "x9", path: nil, message: "line 1: no \"text\" field")),
            .failure(InputFailure(doc: nil, path: nil, message: "line 2: no \"text\" field")),
        ])
    }

    // Numeric ids are common in exported data; they become their decimal string.
    @Test func ndjsonNumericIds() throws {
        let input = """
        {"id": 42, "text": "a"}
        {"id": -7, "text": "b"}
        {"id": 12345678901234567890, "text": "c"}
        {"id": 1.5, "text": "d"}
        {"id": 1e3, "text": "e"}
        {"id": true, "text": "f"}
        """
        let ids = try ndjson(input).compactMap { documentOf($0)?.id }
        #expect(ids == ["42", "-7", "12345678901234567890", "1.5", "1000", "stdin-6"])
    }

    // Without an id, the line number (counting blank lines) names the document.
    @Test func ndjsonMissingIdUsesLineNumber() throws {
        let items = try ndjson("\n{\"text\":\"a\"}\n   \r\n{\"text\":\"b\",\"id\":null}\r\n")
        #expect(items.map(summary) == ["stdin-2", "stdin-4"])
    }

    // An over-long line is reported once and skipped without buffering it, whatever the
    // block size, and the next lines still come.
    @Test(arguments: [1, 3, 16, 64 * 1024])
    func ndjsonLineOverMaxBytes(blockSize: Int) throws {
        let long = "{\"text\":\"" + String(repeating: "x", count: 200) + "\"}"
        let input = "{\"text\":\"ok\"}\n" + long + "\n{\"text\":\"after\"}\n" + long
        let items = try ndjson(input, options: InputOptions(maxBytes: 40), blockSize: blockSize)
        #expect(items.map(summary) == [
            "stdin-1", "!line 2: longer than --max-bytes", "stdin-3", "!line 4: longer than --max-bytes",
        ])
    }

    // Invalid UTF-8 inside a line is reported like in a file, with the line number.
    @Test func ndjsonInvalidUTF8() throws {
        let bytes = Array("{\"text\":\"ok\"}\n{\"text\":\"".utf8) + [0xFF] + Array("\"}\n{\"text\":\"fine\"}".utf8)
        let items = try ndjson(bytes)
        #expect(items.map(summary) == ["stdin-1", "!line 2: not UTF-8 text (byte 0xff at offset 9)", "stdin-3"])
    }

    // The CLI sits in pipes: a document must come out as soon as its line is complete,
    // before the writer closes the pipe.
    @Test(.timeLimit(.minutes(1)))
    func ndjsonYieldsEachLineAsItArrives() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var iterator = NDJSONInput(fileDescriptor: fds[0], options: InputOptions()).makeIterator()
        writeAll(fds[1], Array("{\"id\":\"p1\",\"text\":\"one\"}\n{\"id\":\"p2\",".utf8))
        #expect(documentOf(iterator.next())?.id == "p1")
        writeAll(fds[1], Array("\"text\":\"two\"}\n".utf8))
        #expect(documentOf(iterator.next())?.id == "p2")
        close(fds[1])
        #expect(iterator.next() == nil)
    }

    // Line splitting must not depend on where the read blocks end.
    @Test func ndjsonResultsDoNotDependOnBlockSize() throws {
        var generator = SystemRandomNumberGenerator()
        var input = ""
        for n in 0..<60 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: input += "\n"
            case 1: input += "{\"id\": \(n), \"text\": \"" + String(repeating: "é", count: Int.random(in: 0..<40, using: &generator)) + "\"}\r\n"
            case 2: input += "{\"text\": \"" + String(repeating: "y", count: Int.random(in: 50..<300, using: &generator)) + "\"}\n"
            case 3: input += "not json\n"
            default: input += "{\"text\": \"line \(n)\"}\n"
            }
        }
        let options = InputOptions(maxBytes: 120)
        let reference = try ndjson(input, options: options)
        for blockSize in [1, 2, 5, 64, 119, 120, 121, 4096] {
            #expect(try ndjson(input, options: options, blockSize: blockSize) == reference, "block size \(blockSize)")
        }
    }

    // Hostile lines (deep nesting, NUL, lone surrogate escapes, huge numbers) give
    // failures or documents, never a trap.
    @Test func ndjsonHostileLinesDoNotTrap() throws {
        let lines = [
            String(repeating: "[", count: 100_000),
            String(repeating: "{\"a\":", count: 50_000),
            "{\"text\": \"\\ud800\"}",
            "{\"text\": \"x\", \"id\": 1e999}",
            "{\"text\": \"x\", \"id\": {}}",
            "\"just a string\"",
            "{\"text\": \"a\u{0}b\"}",
            "{\"text\": \"x\"} trailing",
        ]
        let items = try ndjson(lines.joined(separator: "\n"))
        #expect(items.count == lines.count)
        #expect(failureOf(items[6])?.message == "line 7: not valid JSON (NUL byte at offset 11)")
    }

    // MARK: - UTF-8 validator

    // The validator decides what counts as text; each class of ill-formed input is
    // checked with the offset of the first byte of the bad sequence.
    @Test(arguments: [
        ([UInt8](), nil),
        (Array("plain ascii, long enough for the fast path".utf8), nil),
        (Array("é € 𝄞 ok".utf8), nil),                        // 2-, 3- and 4-byte forms
        ([0xEF, 0xBB, 0xBF, 0x41], nil),                      // BOM
        ([0xF4, 0x8F, 0xBF, 0xBF], nil),                      // U+10FFFF
        ([0xED, 0x9F, 0xBF], nil),                            // U+D7FF, just below surrogates
        ([0x41, 0x80], 1),                                    // stray continuation
        ([0x41, 0x42, 0xC0, 0xAF], 2),                        // overlong '/'
        ([0xC1, 0xBF], 0),                                    // overlong 2-byte
        ([0xE0, 0x80, 0xAF], 0),                              // overlong 3-byte
        ([0xF0, 0x80, 0x80, 0xAF], 0),                        // overlong 4-byte
        ([0x61, 0xED, 0xA0, 0x80], 1),                        // surrogate U+D800
        ([0xED, 0xBF, 0xBF], 0),                              // surrogate U+DFFF
        ([0xF4, 0x90, 0x80, 0x80], 0),                        // U+110000
        ([0xF5, 0x80, 0x80, 0x80], 0),                        // lead byte above F4
        ([0xFF], 0),
        (Array("abcdefgh".utf8) + [0xC3], 8),                 // truncated at end after fast path
        ([0x61, 0xE2, 0x82], 1),                              // truncated 3-byte
        ([0xF0, 0x9F, 0x98], 0),                              // truncated 4-byte
        ([0xE2, 0x28, 0xA1], 0),                              // bad continuation
        (Array("0123456789".utf8) + [0xC3, 0xA9, 0x9F], 12),  // continuation after a full char
    ] as [([UInt8], Int?)])
    func utf8ValidatorTable(bytes: [UInt8], expected: Int?) {
        #expect(InputText.firstInvalidUTF8(bytes) == expected)
    }

    // The hand-written validator must agree with the standard library on what is valid.
    @Test func utf8ValidatorAgreesWithStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                    0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0..<12, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? interesting.randomElement(using: &generator)!
                                               : UInt8.random(in: 0...255, using: &generator)
            }
            let ours = InputText.firstInvalidUTF8(bytes)
            let standard = String(validating: bytes, as: UTF8.self)
            #expect((ours == nil) == (standard != nil), "\(bytes)")
            if let offset = ours {
                // Everything before the reported offset is valid on its own.
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}
