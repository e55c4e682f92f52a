import GRDB
import Synchronization

/// A company's users and reference lists (third parties, criteria,
/// functions, custom fields), read from its database by the first import
/// and kept: nothing in the emulator changes them once the company exists
/// (decision D67).
final class ReferenceCache: Sendable {
    private struct Lists {
        var reference: ReferenceData
        var users: [CompanyStore.User]
    }

    private let lists = Mutex<Lists?>(nil)

    /// The lists, read inside the import's transaction the first time.
    func referenceData(_ db: Database) throws -> ReferenceData {
        try read(db).reference
    }

    /// The password of `code`, or nil for an unknown user (codes compare as D14 says).
    func password(of code: String, _ db: Database) throws -> String? {
        try read(db).users.first { CompanyStore.sameUser($0.code, code) }?.password
    }

    private func read(_ db: Database) throws -> Lists {
        if let known = lists.withLock({ $0 }) { return known }
        let store = CompanyStore(db: db)
        let read = Lists(reference: try store.referenceData(), users: try store.users())
        lists.withLock { $0 = read }
        return read
    }
}
