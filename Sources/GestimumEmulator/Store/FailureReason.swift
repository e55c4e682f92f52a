import Foundation
import GRDB

/// What went wrong with a file or a database, in a few words: SQLite's own
/// message, or the system's reason for a file operation, never an error
/// domain, a type name or an SQL statement.
public enum FailureReason {
    public static func of(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        if error is JSONParser.Invalid || error is DataFolderManifest.NotAManifest { return "not the JSON the emulator writes" }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return posix(Int32(nsError.code)) }
        guard nsError.domain == NSCocoaErrorDomain else { return "input/output error" }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileReadCorruptFile: return "the file is corrupt"
        case .fileReadInapplicableStringEncoding: return "not UTF-8 text"
        default: return "input/output error"
        }
    }

    private static func posix(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
