import Foundation
import GestimumEmulator
import Logging

/// The emulator every bench measure times: the demo company in a data
/// folder (SQLite on disk, as `serve --data` keeps it), nothing logged.
enum BenchEmulator {
    /// `bodySize`: the largest request it must take (a 1M-record Clients file is over the default 256 MiB).
    static func make(in folder: URL, bodySize: Int = 0) throws -> Emulator {
        Emulator(registry: try CompanyRegistry(fixture: .demo, dataFolder: folder), clock: SystemClock(),
                 logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }),
                 maxBodySize: max(Emulator.defaultMaxBodySize, bodySize))
    }
}
