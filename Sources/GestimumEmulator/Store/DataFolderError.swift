/// A data folder (`--data`) the emulator cannot use, in one sentence a person
/// can act on: never an SQL statement or a Foundation error domain.
public enum DataFolderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder does not exist; commands that only read never create it.
    case missing(folder: String)
    /// The folder exists but no emulator wrote companies there (no `emulator.json`).
    case notADataFolder(folder: String)
    /// A file of the folder cannot be read as what the emulator wrote.
    case unreadable(file: String, reason: String)
    /// The folder or one of its databases cannot be created or written.
    case unwritable(path: String, reason: String)

    /// Whether the problem is with writing (exit 73) rather than with reading (exit 66).
    public var isOutput: Bool {
        if case .unwritable = self { return true }
        return false
    }

    /// The file or folder at fault.
    public var file: String {
        switch self {
        case let .missing(folder), let .notADataFolder(folder): folder
        case let .unreadable(file, _): file
        case let .unwritable(path, _): path
        }
    }

    /// Why, in a few words.
    public var reason: String {
        switch self {
        case .missing: "no such file or directory"
        case .notADataFolder: "not a data folder"
        case let .unreadable(_, reason), let .unwritable(_, reason): reason
        }
    }

    public var description: String {
        switch self {
        case let .missing(folder): "data folder \(folder) does not exist"
        case let .notADataFolder(folder): "\(folder) holds no emulator companies (no \(DataFolderManifest.fileName))"
        case let .unreadable(file, reason): "cannot read \(file): \(reason)"
        case let .unwritable(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
