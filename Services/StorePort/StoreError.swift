/// A failure of an article store, with a code callers can match on, whatever the backend.
///
/// `diskFull`, `locked` and `unavailable` mean the batch was not stored: the enricher must stop without
/// committing offsets, so the messages are delivered again after the cause is fixed.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case cannotOpen, migration, diskFull, locked, corrupt, constraint, io, removed, invalidCursor,
                unavailable, authentication, other
        }
        private let value: Value

        /// The database could not be opened or created.
        public static let cannotOpen = Code(value: .cannotOpen)
        /// A schema migration failed.
        public static let migration = Code(value: .migration)
        /// The database has no room left for the write.
        public static let diskFull = Code(value: .diskFull)
        /// Another writer holds a lock for longer than the store waits, or a transaction lost a conflict.
        public static let locked = Code(value: .locked)
        /// The database is not one of ours or is damaged.
        public static let corrupt = Code(value: .corrupt)
        /// A row broke an integrity rule of the schema.
        public static let constraint = Code(value: .constraint)
        /// The operating system failed a read or write.
        public static let io = Code(value: .io)
        /// The database file was deleted or replaced while the store had it open.
        public static let removed = Code(value: .removed)
        /// A page token that this store did not hand out (or that was altered).
        public static let invalidCursor = Code(value: .invalidCursor)
        /// The database server cannot be reached or went away.
        public static let unavailable = Code(value: .unavailable)
        /// The database server refused the credentials.
        public static let authentication = Code(value: .authentication)
        /// Any other failure of the backend.
        public static let other = Code(value: .other)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The same error, its message naming `place` (a file, a server) when it does not already.
    public func about(_ place: String) -> StoreError {
        message.contains(place) ? self : StoreError(code, "\(place): \(message)")
    }

    public var description: String { "store error (\(code)): \(message)" }
}

extension StoreError: Equatable {
    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.code == rhs.code }
}
