import GRDB

extension StoreError {
    /// Classifies any error thrown by GRDB so that callers see a `StoreError` only.
    static func from(_ error: any Error, file: String = #fileID, line: Int = #line) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else {
            return StoreError(.other, String(describing: error), file: file, line: line)
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
            dbError.message ?? dbError.description,
            sqliteCode: dbError.resultCode.primaryResultCode.rawValue,
            file: file,
            line: line
        )
    }
}
