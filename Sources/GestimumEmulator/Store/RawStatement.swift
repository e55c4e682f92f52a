import Foundation
import GRDB
import GRDBSQLite

/// The values of one statement execution, copied into one reusable byte
/// buffer so that they can be bound without SQLite copying them again
/// (`SQLITE_STATIC`) and without an allocation per value.
struct BindBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Range<Int>] = []

    init() {
        bytes.reserveCapacity(4096)
        spans.reserveCapacity(64)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    mutating func append(_ value: String) {
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        spans.append(start..<bytes.count)
    }

    /// Appends `value` in decimal, zero-padded to `width` digits, as
    /// ``CompanyStore/formatNumber(_:)`` spells it.
    mutating func appendNumber(_ value: Int, width: Int) {
        let start = bytes.count
        var digits = 1, rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        bytes.append(contentsOf: repeatElement(0x30, count: max(width, digits)))
        var position = bytes.count - 1, remaining = value
        repeat {
            bytes[position] = 0x30 + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        } while remaining > 0
        spans.append(start..<bytes.count)
    }
}

/// Binds and runs a prepared GRDB statement through its SQLite handle: the
/// bulk path, where `StatementArguments` costs ~1.7x (notes/swift-stack.md).
struct RawStatement {
    let statement: Statement

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// Empty text, not NULL: one never-freed byte bound without a copy.
    nonisolated(unsafe) private static let emptyText: UnsafePointer<CChar> = UnsafePointer(strdup("")!)

    /// Runs a statement that returns no row with the buffer's values, bound in
    /// place: the buffer is not touched while SQLite reads it, and every
    /// parameter is bound again before the next run.
    func execute(_ buffer: BindBuffer) throws {
        let handle = statement.sqliteStatement
        let code = buffer.bytes.withUnsafeBufferPointer { bytes -> Int32 in
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            for (i, span) in buffer.spans.enumerated() {
                if let base, !span.isEmpty {
                    sqlite3_bind_text(handle, Int32(i + 1), base + span.lowerBound, Int32(span.count), nil)
                } else {
                    bindEmpty(at: Int32(i + 1))
                }
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            return code
        }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func bindEmpty(at index: Int32) {
        sqlite3_bind_text(statement.sqliteStatement, index, Self.emptyText, 0, nil)
    }

    private func bind(_ values: [String]) {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (i, value) in values.enumerated() {
            var value = value
            value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress, chars.count > 0 {
                        _ = sqlite3_bind_text(handle, Int32(i + 1), base, Int32(chars.count), Self.transient)
                    } else {
                        bindEmpty(at: Int32(i + 1))
                    }
                }
            }
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))))
    }

    /// Whether a query returns at least one row.
    func hasRow(_ values: [String]) throws -> Bool {
        bind(values)
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code)
        }
    }
}
