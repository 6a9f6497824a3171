// Input layer: bounded reads from file descriptors, and plain text from standard input.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of reading a whole descriptor with a size limit.
enum InputReadResult {
    /// Everything, at most the limit.
    case bytes([UInt8])
    /// More than the limit: the exact size when known without reading (regular files), else nil.
    case tooLarge(size: Int?)
    /// A read error (errno).
    case error(Int32)
}

/// Namespace for the POSIX-level helpers of the input layer.
enum InputIO {
    /// Size of one read(2) call.
    static let blockSize = 64 * 1024

    // File type bits of st_mode (POSIX values, identical on Linux and Darwin).
    static let modeTypeMask: UInt32 = 0o170000
    static let modeDirectory: UInt32 = 0o040000
    static let modeRegular: UInt32 = 0o100000
    static let modeSymlink: UInt32 = 0o120000

    /// The `st_mode` file type bits of a stat buffer.
    static func fileType(_ st: stat) -> UInt32 {
        UInt32(st.st_mode) & modeTypeMask
    }

    /// `strerror` text for an errno value.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// `larger than --max-bytes (N bytes > M)`, or `(more than M bytes)` for a stream.
    static func tooLargeMessage(size: Int?, limit: Int) -> String {
        if let size {
            return "larger than --max-bytes (\(size) bytes > \(limit))"
        }
        return "larger than --max-bytes (more than \(limit) bytes)"
    }

    /// One read(2): retries on EINTR and waits with poll(2) on a non-blocking descriptor.
    /// Returns the byte count (0 at end of input) or minus errno.
    static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let n = read(fd, buffer, count)
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&pfd, 1, -1) < 0 {
                    let pollCode = errno
                    if pollCode == EINTR { continue }
                    return -Int(pollCode)
                }
                continue
            }
            return -Int(code)
        }
    }

    /// Reads all of a descriptor, never holding more than `limit + 1` bytes.
    /// A regular file larger than the limit is refused from fstat(2) without reading it.
    static func readAll(_ fd: Int32, limit: Int) -> InputReadResult {
        let limit = max(0, limit)
        let cap = limit >= Int.max - 1 ? Int.max - 1 : limit + 1
        var expected = 0
        var st = stat()
        if fstat(fd, &st) == 0, fileType(st) == modeRegular {
            let offset = Int(lseek(fd, 0, SEEK_CUR))
            let remaining = Int(st.st_size) - max(0, offset)
            if remaining > limit { return .tooLarge(size: remaining) }
            expected = max(0, remaining)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expected, limit) + 1)
        let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        while bytes.count < cap {
            let want = min(blockSize, cap - bytes.count)
            let n = readSome(fd, into: block, count: want)
            if n < 0 { return .error(Int32(-n)) }
            if n == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: block, count: n))
        }
        return .tooLarge(size: nil)
    }
}

/// One plain-text document from a file descriptor (standard input).
///
/// Reads everything up to `options.maxBytes` (a longer input is a size failure, and
/// reading stops there), checks that it is text (no NUL byte, not mostly control
/// bytes, valid UTF-8) and returns it untouched, with `id`, `source = options.source`
/// and no path.
public func readPlainText(fileDescriptor: Int32, id: String, options: InputOptions) -> InputItem {
    let limit = options.byteLimit
    switch InputIO.readAll(fileDescriptor, limit: limit) {
    case .error(let code):
        return .failure(InputFailure(doc: id, path: nil, message: "cannot read: " + InputIO.errorText(code)))
    case .tooLarge(let size):
        return .failure(InputFailure(doc: id, path: nil, message: InputIO.tooLargeMessage(size: size, limit: limit)))
    case .bytes(let bytes):
        switch InputText.decode(bytes) {
        case .success(let text):
            return .document(InputDocument(id: id, source: options.source, path: nil, text: text))
        case .failure(let problem):
            return .failure(InputFailure(doc: id, path: nil, message: problem.message))
        }
    }
}
