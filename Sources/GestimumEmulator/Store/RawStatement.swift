import GRDB
import GRDBSQLite

/// Binds and runs a prepared GRDB statement through its SQLite handle: the
/// bulk path, where `StatementArguments` costs ~1.7x (notes/swift-stack.md).
struct RawStatement {
    let statement: Statement

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [String]) {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            bind(value, at: Int32(i + 1))
        }
    }

    private func bind(_ value: String, at index: Int32) {
        let handle = statement.sqliteStatement
        var value = value
        value.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress, chars.count > 0 {
                    sqlite3_bind_text(handle, index, base, Int32(chars.count), Self.transient)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)  // empty text, not NULL
                }
            }
        }
    }

    /// Runs a statement that returns no row.
    func execute(_ values: [String]) throws {
        bind(values)
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))))
        }
    }

    /// Whether a query returns at least one row.
    func hasRow(_ values: [String]) throws -> Bool {
        bind(values)
        let code = sqlite3_step(statement.sqliteStatement)
        switch code {
        case SQLITE_ROW: sqlite3_reset(statement.sqliteStatement); return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))))
        }
    }
}
