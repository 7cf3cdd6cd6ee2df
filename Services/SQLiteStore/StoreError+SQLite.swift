import GRDB
import StorePort

extension StoreError {
    /// Classifies any error thrown by GRDB so that callers see a `StoreError` only; SQLite's code stays in the
    /// message for whoever reads the log.
    static func from(_ error: any Error) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else {
            return StoreError(.other, String(describing: error))
        }
        let code: Code =
            switch dbError.resultCode {
            case .SQLITE_FULL: .diskFull
            case .SQLITE_BUSY, .SQLITE_LOCKED: .locked
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt
            case .SQLITE_CONSTRAINT: .constraint
            case .SQLITE_IOERR: .io
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: .cannotOpen
            default: .other
            }
        return StoreError(
            code,
            "\(dbError.message ?? dbError.description) [SQLite code \(dbError.resultCode.primaryResultCode.rawValue)]")
    }
}
