public import ArticleModel
import Foundation
import Logging
import PostgresNIO
import PostgresStore
import SQLiteStore
public import StorePort
public import Testing

/// A backend tests run against: SQLite in a temporary file, always; PostgreSQL when `AKHBAR_TEST_POSTGRES` names a
/// server (`make test` starts a private one and sets it with `PGPASSWORD`).
public enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    public static let postgresAddress = ProcessInfo.processInfo.environment["AKHBAR_TEST_POSTGRES"]

    /// Every backend this run can reach.
    public static let all: [StoreBackend] = postgresAddress == nil ? [.sqlite] : [.sqlite, .postgres]

    public var testDescription: String { rawValue }

    /// Runs `body` with an empty store of this backend, removed when it returns.
    public func withStore(_ body: (any ArticleStore) async throws -> Void) async throws {
        try await withLocation { location in try await body(try await location.open()) }
    }

    /// Runs `body` with where an empty store of this backend lives, removed when it returns.
    public func withLocation<T>(_ body: (StoreLocation) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            return try await withTemporarySQLitePath { try await body(.sqlite($0)) }
        case .postgres:
            let address = try #require(Self.postgresAddress, "AKHBAR_TEST_POSTGRES is not set")
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let location = StoreLocation.postgres(address + (address.contains("?") ? "&" : "?") + "schema=\(schema)")
            do {
                let result = try await body(location)
                try await PostgresAdmin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", on: address)
                return result
            } catch {
                try? await PostgresAdmin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", on: address)
                throw error
            }
        }
    }
}

/// Runs `body` with the path of a SQLite file of its own in the temporary folder; the file and its `-wal` and `-shm`
/// are removed when `body` returns.
public func withTemporarySQLitePath<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID()).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    return try await body(path)
}

/// Where a test's store lives, as the store API opens it and as the command line names it.
public enum StoreLocation: Sendable {
    case sqlite(String)
    /// A `postgres://` address with its schema; the password is in `PGPASSWORD`.
    case postgres(String)

    /// The options that point `akhbar-enricher` at this store.
    public var arguments: [String] {
        switch self {
        case .sqlite(let path): ["--db", path]
        case .postgres(let address): ["--store", address]
        }
    }

    /// The file of a SQLite store, for tests of what only SQLite meets.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { path } else { nil }
    }

    public func open() async throws -> any ArticleStore {
        switch self {
        case .sqlite(let path): try SQLiteArticleStore(path: path)
        case .postgres(let address):
            try await PostgresArticleStore(
                configuration: try PostgresStoreConfiguration(address: address), logger: PostgresAdmin.logger)
        }
    }
}

/// Statements of fixed test SQL, each on a connection of its own.
public enum PostgresAdmin {
    static let logger = Logger(label: "akhbar.store-tests")

    public static func execute(_ sql: String, on address: String) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresStoreConfiguration(address: address).connectionConfiguration(), id: 1,
            logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

extension ArticleStore {
    /// Saves enriched articles as the enricher does, indexing them first.
    public func save(
        _ articles: [EnrichedArticle], handled: [HandledMessage] = [], consumed: [MessagePosition] = [],
        group: String = ""
    ) async throws(StoreError) {
        try await save(articles.map(IndexedArticle.init), handled: handled, consumed: consumed, group: group)
    }
}
