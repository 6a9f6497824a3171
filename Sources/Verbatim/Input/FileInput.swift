// Input layer: files and directories named on the command line.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and directories given on the command line, read lazily one document at a time.
///
/// Iterating first walks every path (listing and stat only, no reading) to fix the
/// order and the document ids, then reads one file per `next()`:
/// - a directory is walked recursively in UTF-8 byte order of the names, keeping files
///   whose extension is in `options.extensions` and skipping hidden entries;
/// - a file named explicitly is read whatever its extension;
/// - symbolic links are followed; a link back to a directory on the current walk path
///   gives one `symbolic link loop: <path>` failure;
/// - the id is the file name without its last extension; files sharing an id use their
///   path relative to their input root instead (without extension).
/// Problems (missing path, broken link, unreadable entry, too large, binary, not UTF-8)
/// are yielded as `.failure` items and the walk goes on.
public struct FileInput: Sequence, Sendable {
    /// The paths as given on the command line.
    public let paths: [String]
    /// Size limit, extension filter and default source.
    public let options: InputOptions

    public init(paths: [String], options: InputOptions) {
        self.paths = paths
        self.options = options
    }

    public func makeIterator() -> Iterator {
        Iterator(entries: FileWalker.plan(paths: paths, options: options), options: options)
    }

    /// Reads the planned files one at a time.
    public struct Iterator: IteratorProtocol {
        let entries: [FilePlanEntry]
        let options: InputOptions
        var index = 0

        init(entries: [FilePlanEntry], options: InputOptions) {
            self.entries = entries
            self.options = options
        }

        public mutating func next() -> InputItem? {
            guard index < entries.count else { return nil }
            let entry = entries[index]
            index += 1
            if let message = entry.failure {
                return .failure(InputFailure(doc: entry.id, path: entry.path, message: message))
            }
            return FileWalker.readFile(path: entry.path, id: entry.id ?? "", options: options)
        }
    }
}

/// One planned element of a `FileInput`: a file to read or a failure found while walking.
struct FilePlanEntry: Sendable, Equatable {
    /// The path as walked.
    var path: String
    /// Path relative to its input root (the path as given for an explicit file).
    var relative: String
    /// Document id; nil for entries that are not documents (directories).
    var id: String?
    /// Failure message when this entry cannot be read.
    var failure: String?
}

/// Collects the files under the command-line paths and assigns their ids.
struct FileWalker {
    private let extensions: Set<String>
    private(set) var entries: [FilePlanEntry] = []

    // d_type values (Linux and Darwin).
    private static let typeDirectory: UInt8 = 4
    private static let typeRegular: UInt8 = 8

    init(options: InputOptions) {
        self.extensions = options.normalizedExtensions
    }

    /// The ordered entries for these paths, with final ids.
    static func plan(paths: [String], options: InputOptions) -> [FilePlanEntry] {
        var walker = FileWalker(options: options)
        for path in paths { walker.add(argument: path) }
        return assignCollisionIds(walker.entries)
    }

    // MARK: Walking

    /// Adds one command-line path: a file (any extension) or a directory to walk.
    mutating func add(argument path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            addFile(path: path, relative: trimmedPath(path), failure: Self.statFailure(path: path, code: code))
            return
        }
        if InputIO.fileType(st) == InputIO.modeDirectory {
            walk(root: path, rootStat: st)
        } else {
            // Regular files, and also pipes such as /dev/fd/63 from `<(...)`.
            addFile(path: path, relative: trimmedPath(path), failure: nil)
        }
    }

    private mutating func addFile(path: String, relative: String, failure: String?) {
        let id = baseId(path)
        entries.append(FilePlanEntry(path: path, relative: relative, id: id.isEmpty ? nil : id, failure: failure))
    }

    private mutating func addDirectoryFailure(path: String, relative: String, message: String) {
        entries.append(FilePlanEntry(path: path, relative: relative, id: nil, failure: message))
    }

    /// A directory entry as listed.
    private struct Entry {
        var name: String
        var bytes: [UInt8]
        var validName: Bool
        var type: UInt8
    }

    /// One directory on the current walk path.
    private struct Frame {
        var path: String
        var relativePrefix: String
        var entries: [Entry]
        var index: Int
        var device: UInt64
        var inode: UInt64
    }

    /// Depth-first walk of a directory argument, with an explicit stack (no recursion).
    private mutating func walk(root: String, rootStat: stat) {
        var stack: [Frame] = []
        if let frame = openFrame(path: root, relativePrefix: "", relative: trimmedPath(root), st: rootStat) {
            stack.append(frame)
        }
        while let top = stack.indices.last {
            guard stack[top].index < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let entry = stack[top].entries[stack[top].index]
            stack[top].index += 1
            let path = Self.join(stack[top].path, entry.name)
            let relative = stack[top].relativePrefix + entry.name
            let wanted = matchesExtension(entry.name)

            if !entry.validName {
                let message = "cannot read: file name is not valid UTF-8"
                if entry.type == Self.typeDirectory {
                    addDirectoryFailure(path: path, relative: relative, message: message)
                } else if wanted {
                    addFile(path: path, relative: relative, failure: message)
                }
                continue
            }
            if entry.type == Self.typeRegular {
                if wanted { addFile(path: path, relative: relative, failure: nil) }
                continue
            }
            // Directory, symbolic link, unknown or special file: look through links.
            var st = stat()
            guard stat(path, &st) == 0 else {
                let code = errno
                if entry.type == Self.typeDirectory {
                    addDirectoryFailure(path: path, relative: relative, message: "cannot read: " + InputIO.errorText(code))
                } else if wanted {
                    addFile(path: path, relative: relative, failure: Self.statFailure(path: path, code: code))
                }
                continue
            }
            let type = InputIO.fileType(st)
            if type == InputIO.modeDirectory {
                let device = UInt64(truncatingIfNeeded: st.st_dev)
                let inode = UInt64(truncatingIfNeeded: st.st_ino)
                if stack.contains(where: { $0.device == device && $0.inode == inode }) {
                    addDirectoryFailure(path: path, relative: relative, message: "symbolic link loop: \(path)")
                    continue
                }
                if let frame = openFrame(path: path, relativePrefix: relative + "/", relative: relative, st: st) {
                    stack.append(frame)
                }
            } else if wanted {
                if type == InputIO.modeRegular {
                    addFile(path: path, relative: relative, failure: nil)
                } else {
                    addFile(path: path, relative: relative, failure: "cannot read: not a regular file")
                }
            }
        }
    }

    /// Lists a directory (sorted, hidden entries dropped), or records why it cannot be read.
    private mutating func openFrame(path: String, relativePrefix: String, relative: String, st: stat) -> Frame? {
        guard let dir = opendir(path) else {
            let code = errno
            addDirectoryFailure(path: path, relative: relative, message: "cannot read: " + InputIO.errorText(code))
            return nil
        }
        defer { closedir(dir) }
        var list: [Entry] = []
        while true {
            errno = 0
            guard let ent = readdir(dir) else {
                let code = errno
                if code != 0 {
                    addDirectoryFailure(path: path, relative: relative, message: "cannot read: " + InputIO.errorText(code))
                }
                break
            }
            let type = ent.pointee.d_type
            let bytes: [UInt8] = withUnsafeBytes(of: &ent.pointee.d_name) { raw in
                let length = raw.firstIndex(of: 0) ?? raw.count
                return Array(raw[..<length])
            }
            // "." and "..", and hidden entries.
            guard let first = bytes.first, first != UInt8(ascii: ".") else { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                list.append(Entry(name: name, bytes: bytes, validName: true, type: type))
            } else {
                list.append(Entry(name: String(decoding: bytes, as: UTF8.self), bytes: bytes, validName: false, type: type))
            }
        }
        list.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        return Frame(path: path, relativePrefix: relativePrefix, entries: list, index: 0,
                     device: UInt64(truncatingIfNeeded: st.st_dev), inode: UInt64(truncatingIfNeeded: st.st_ino))
    }

    /// Failure message for a path whose stat(2) failed.
    private static func statFailure(path: String, code: Int32) -> String {
        var lst = stat()
        if code == ENOENT, lstat(path, &lst) == 0, InputIO.fileType(lst) == InputIO.modeSymlink {
            return "cannot read: broken symbolic link"
        }
        return "cannot read: " + InputIO.errorText(code)
    }

    private func matchesExtension(_ name: String) -> Bool {
        extensions.contains(Self.fileExtension(name).lowercased())
    }

    // MARK: Paths and ids

    /// `dir` + `/` + `name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The path without trailing slashes (kept as `/` for the root).
    private func trimmedPath(_ path: String) -> String {
        Self.trimmingTrailingSlashes(path)
    }

    /// The path without trailing slashes (kept as `/` for the root).
    static func trimmingTrailingSlashes(_ path: String) -> String {
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end != utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: "/"), before != utf8.startIndex else { break }
            end = before
        }
        return end == utf8.endIndex ? path : String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The extension of a file name: after its last dot, empty when none (a leading dot does not count).
    static func fileExtension(_ name: String) -> String {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex else { return "" }
        return String(decoding: utf8[utf8.index(after: dot)...], as: UTF8.self)
    }

    /// A path or name with the last extension of its last component removed.
    static func removingExtension(_ path: String) -> String {
        let utf8 = path.utf8
        let componentStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[componentStart...].lastIndex(of: UInt8(ascii: ".")), dot != componentStart else {
            return path
        }
        return String(decoding: utf8[..<dot], as: UTF8.self)
    }

    /// The last path component without its last extension.
    func baseId(_ path: String) -> String {
        let utf8 = Self.trimmingTrailingSlashes(path).utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return Self.removingExtension(String(decoding: utf8[start...], as: UTF8.self))
    }

    /// Files sharing an id use their path relative to their input root, without
    /// extension; if that still collides, their full path without extension.
    static func assignCollisionIds(_ input: [FilePlanEntry]) -> [FilePlanEntry] {
        var entries = input
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, entry) in entries.enumerated() {
            guard let id = entry.id else { continue }
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(index)
        }
        for id in order {
            guard let members = groups[id], members.count > 1 else { continue }
            let relativeIds = members.map { removingExtension(entries[$0].relative) }
            let ids = Set(relativeIds).count == relativeIds.count
                ? relativeIds
                : members.map { removingExtension(entries[$0].path) }
            for (member, newId) in zip(members, ids) where !newId.isEmpty {
                entries[member].id = newId
            }
        }
        return entries
    }

    // MARK: Reading

    /// Reads one file: size check from fstat(2) before reading, then text checks.
    static func readFile(path: String, id: String, options: InputOptions) -> InputItem {
        let limit = options.byteLimit
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            return .failure(InputFailure(doc: id, path: path, message: "cannot read: " + InputIO.errorText(code)))
        }
        defer { close(fd) }
        switch InputIO.readAll(fd, limit: limit) {
        case .error(let code):
            return .failure(InputFailure(doc: id, path: path, message: "cannot read: " + InputIO.errorText(code)))
        case .tooLarge(let size):
            return .failure(InputFailure(doc: id, path: path, message: InputIO.tooLargeMessage(size: size, limit: limit)))
        case .bytes(let bytes):
            switch InputText.decode(bytes) {
            case .success(let text):
                return .document(InputDocument(id: id, source: options.source, path: path, text: text))
            case .failure(let problem):
                return .failure(InputFailure(doc: id, path: path, message: problem.message))
            }
        }
    }
}
