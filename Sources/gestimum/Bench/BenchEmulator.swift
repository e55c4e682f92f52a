import Foundation
import GestimumEmulator
import Logging

/// The emulator every bench measure times: the demo company in a data
/// folder (SQLite on disk, as `serve --data` keeps it), nothing logged.
enum BenchEmulator {
    static func make(in folder: URL) throws -> Emulator {
        Emulator(registry: try CompanyRegistry(fixture: .demo, dataFolder: folder), clock: SystemClock(),
                 logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}
