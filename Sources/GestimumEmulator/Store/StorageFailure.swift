import Foundation
import GRDB

/// A company database the emulator could not write (a full disk, an I/O
/// error) or found damaged, named by its file (D74). Not the client's fault:
/// the server answers it with a 5xx, the CLI with exit 73 or 66.
public struct StorageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file cannot be written: a full disk, an I/O error, a read-only file system.
        case unwritable
        /// The file's pages are damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
        case damaged
    }

    public var kind: Kind
    /// The database file, or the company's Windows path when it lives in memory.
    public var file: String
    /// SQLite's or the system's reason, in a few words.
    public var reason: String
    /// Whether the disk (or the tmpfs) is full: `SQLITE_FULL` or `ENOSPC`.
    public var diskFull: Bool

    public init(kind: Kind, file: String, reason: String, diskFull: Bool = false) {
        self.kind = kind
        self.file = file
        self.reason = reason
        self.diskFull = diskFull
    }

    /// The same problem as a data folder error: writing (exit 73) or reading (exit 66).
    public var dataFolderError: DataFolderError {
        kind == .damaged ? .unreadable(file: file, reason: reason) : .unwritable(path: file, reason: reason)
    }

    public var description: String { dataFolderError.description }

    /// The storage failure behind `error`, nil when it is not one (a bug, a constraint).
    public static func of(_ error: any Error, file: String) -> StorageFailure? {
        if let error = error as? DatabaseError {
            let reason = FailureReason.of(error)
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return StorageFailure(kind: .damaged, file: file, reason: reason)
            case .SQLITE_FULL:
                return StorageFailure(kind: .unwritable, file: file, reason: reason, diskFull: true)
            case .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN:
                // SQLite says "disk I/O error" when growing its shared-memory file fails: on a disk
                // with no room left, that is the full disk.
                if roomLeft(near: file).map({ $0 < nearlyFull }) == true {
                    return StorageFailure(kind: .unwritable, file: file, reason: posix(ENOSPC), diskFull: true)
                }
                return StorageFailure(kind: .unwritable, file: file, reason: reason)
            default:
                return nil
            }
        }
        let nsError = error as NSError
        let code = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (nsError.domain == NSPOSIXErrorDomain ? nsError.code : nil)
        let full = code == Int(ENOSPC) || (nsError.domain == NSCocoaErrorDomain && nsError.code == CocoaError.fileWriteOutOfSpace.rawValue)
        return full ? StorageFailure(kind: .unwritable, file: file, reason: FailureReason.of(error), diskFull: true) : nil
    }

    /// Under this many free bytes, a disk that fails a write counts as full.
    static let nearlyFull = 1 << 20

    /// The bytes free for unprivileged writes on the file system holding `file` (or its nearest existing folder).
    static func roomLeft(near file: String) -> Int? {
        var path = URL(fileURLWithPath: file)
        while !FileManager.default.fileExists(atPath: path.path), path.pathComponents.count > 1 { path.deleteLastPathComponent() }
        var stats = statvfs()
        guard statvfs(path.path, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    private static func posix(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
