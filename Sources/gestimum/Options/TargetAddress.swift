import ArgumentParser
import Foundation

/// `--target`: `emulator` (in process) or the base URL of an HTTP
/// implementation, e.g. http://127.0.0.1:8080.
enum TargetAddress: ExpressibleByArgument, Equatable {
    case emulator
    case url(URL)

    init?(argument: String) {
        if argument == "emulator" {
            self = .emulator
            return
        }
        guard let url = URL(string: argument), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else { return nil }
        self = .url(url)
    }

    var defaultValueDescription: String {
        switch self {
        case .emulator: "emulator"
        case let .url(url): url.absoluteString
        }
    }
}
