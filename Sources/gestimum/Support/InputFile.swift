import Foundation
import GestimumEmulator

/// Reading a file the user named; a missing or unreadable one is a
/// ``CommandFailure/badInput(_:)`` naming it.
enum InputFile {
    /// The bytes of `path`; `what` says what the file is for ("request", "fixture").
    static func read(_ path: String, what: String) throws(CommandFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .badInput("cannot read the \(what) \(path): \(FailureReason.of(error))")
        }
    }

    /// The bytes of `path` (or standard input for `-`) in one array, read
    /// straight into it: a request body is held once, as the server holds it (D66).
    static func bytes(_ path: String, what: String) throws(CommandFailure) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .badInput("cannot read the \(what) \(path): \(String(cString: strerror(errno)).lowercased())") }
        defer { if path != "-" { close(descriptor) } }
        var status = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .badInput("cannot read the \(what) \(path): \(String(cString: strerror(EISDIR)).lowercased())")
        }
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { bytes.reserveCapacity(Int(status.st_size) + 1) }
        while true {
            if bytes.count == bytes.capacity { bytes.reserveCapacity(max(bytes.capacity * 2, 1 << 16)) }
            let room = bytes.capacity - bytes.count
            let start = bytes.count
            var count = 0
            bytes.append(contentsOf: repeatElement(0, count: room))
            count = bytes.withUnsafeMutableBufferPointer { buffer in Glibc.read(descriptor, buffer.baseAddress! + start, room) }
            if count < 0, errno == EINTR { bytes.removeLast(room); continue }
            guard count >= 0 else {
                throw .badInput("cannot read the \(what) \(path): \(String(cString: strerror(errno)).lowercased())")
            }
            bytes.removeLast(room - count)
            if count == 0 { return bytes }
        }
    }
}
