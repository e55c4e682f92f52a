import GRDB
import Synchronization

/// A company's reference lists (third parties, criteria, functions, custom
/// fields), read from its database by the first import and kept: nothing in
/// the emulator changes them once the company exists (decision D67).
final class ReferenceCache: Sendable {
    private let data = Mutex<ReferenceData?>(nil)

    /// The lists, read inside the import's transaction the first time.
    func referenceData(_ db: Database) throws -> ReferenceData {
        if let known = data.withLock({ $0 }) { return known }
        let read = try CompanyStore(db: db).referenceData()
        data.withLock { $0 = read }
        return read
    }
}
