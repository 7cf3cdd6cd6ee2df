import PostgresNIO
import StorePort

extension StoreError {
    /// Classifies any error from postgres-nio so that callers see a `StoreError` only. The message holds what the
    /// server said and its SQLSTATE, never the query's values or the credentials.
    static func from(_ error: any Error) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let transaction = error as? PostgresTransactionError {
            // What went wrong first: the body, else BEGIN, COMMIT or ROLLBACK.
            let cause =
                transaction.closureError ?? transaction.beginError ?? transaction.commitError
                ?? transaction.rollbackError
            return cause.map(from) ?? StoreError(.other, "a PostgreSQL transaction failed")
        }
        guard let error = error as? PSQLError else {
            return StoreError(.other, String(describing: error))
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            // Named, so that a reader of the enricher's one line knows which store said it.
            let text = "the PostgreSQL server said: \(info[.message] ?? "an error") [SQLSTATE \(state)]"
            return StoreError(code(ofSQLState: state), text)
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
            let cause = error.underlying.map { ": \($0)" } ?? ""
            return StoreError(.unavailable, "cannot reach the PostgreSQL server (\(error.code))\(cause)")
        case .authMechanismRequiresPassword:
            return StoreError(
                .authentication, "the server asks for a password: set PGPASSWORD or use --store-password-file")
        case .sslUnsupported:
            return StoreError(.cannotOpen, "the server does not offer TLS, which the sslmode requires")
        default:
            return StoreError(.other, "PostgreSQL client error (\(error.code))")
        }
    }

    /// The store code of a PostgreSQL SQLSTATE: its class, the first two characters, says most.
    private static func code(ofSQLState state: String) -> Code {
        switch state {
        case "40001", "40P01", "55P03": return .locked  // serialization failure, deadlock, lock not available
        case "53100": return .diskFull
        case "28P01", "28000": return .authentication
        case "3D000": return .cannotOpen  // no such database
        case "57P01", "57P02", "57P03", "53300": return .unavailable  // shutting down, crashed, starting up, full
        default:
            switch state.prefix(2) {
            case "08": return .unavailable
            case "23": return .constraint
            case "58": return .io
            case "XX": return .corrupt
            default: return .other
            }
        }
    }
}
