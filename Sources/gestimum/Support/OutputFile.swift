import Foundation
import GestimumEmulator

/// Writing a file the user named; one that cannot be written is a
/// ``CommandFailure/cannotWrite(_:)`` naming it and saying why.
enum OutputFile {
    /// Writes `data` to `path`; `what` says what the file is ("JUnit report").
    static func write(_ data: Data, to path: String, what: String) throws(CommandFailure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotWrite("cannot write the \(what) \(path): folder \(folder.path) does not exist")
        }
        do { try data.write(to: url) } catch {
            throw .cannotWrite("cannot write the \(what) \(path): \(FailureReason.of(error))")
        }
    }
}
