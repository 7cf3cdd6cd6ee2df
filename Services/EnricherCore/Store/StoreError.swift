/// A failure of the article store, with a code callers can match on.
///
/// `diskFull` and `locked` mean the batch was not stored: the enricher must stop without
/// committing offsets, so the messages are delivered again after the cause is fixed.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case cannotOpen, migration, diskFull, locked, corrupt, constraint, io, removed, invalidCursor, other
        }
        private let value: Value

        /// The database file could not be opened or created.
        public static let cannotOpen = Code(value: .cannotOpen)
        /// A schema migration failed.
        public static let migration = Code(value: .migration)
        /// SQLite reported a full disk (SQLITE_FULL).
        public static let diskFull = Code(value: .diskFull)
        /// Another connection holds a lock for longer than the busy timeout.
        public static let locked = Code(value: .locked)
        /// The file is not a database or is damaged.
        public static let corrupt = Code(value: .corrupt)
        /// A row broke an integrity rule of the schema.
        public static let constraint = Code(value: .constraint)
        /// The operating system failed a read or write.
        public static let io = Code(value: .io)
        /// The database file was deleted or replaced while the store had it open.
        public static let removed = Code(value: .removed)
        /// A page token that this store did not hand out (or that was altered).
        public static let invalidCursor = Code(value: .invalidCursor)
        /// Any other SQLite failure.
        public static let other = Code(value: .other)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String
    /// The SQLite primary result code, when the failure came from SQLite.
    public let sqliteCode: Int32?
    public let file: String
    public let line: Int

    public init(_ code: Code, _ message: String, sqliteCode: Int32? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.sqliteCode = sqliteCode
        self.file = file
        self.line = line
    }

    /// The same error, its message naming the database at `path` when it does not already.
    func about(_ path: String) -> StoreError {
        message.contains(path)
            ? self : StoreError(code, "\(path): \(message)", sqliteCode: sqliteCode, file: file, line: line)
    }

    public var description: String {
        "store error (\(code)): \(message)" + (sqliteCode.map { " [SQLite code \($0)]" } ?? "")
    }
}

extension StoreError: Equatable {
    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.code == rhs.code }
}
