import ArticleModel
import Foundation
import Logging
import PostgresNIO
import PostgresStore
import SQLiteStore
import StorePort
import Testing

/// A backend the conformance suite runs against: SQLite in a temporary file, always; PostgreSQL when
/// `AKHBAR_TEST_POSTGRES` names a server (`make test` starts a private one and sets it with `PGPASSWORD`).
enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static let postgresAddress = ProcessInfo.processInfo.environment["AKHBAR_TEST_POSTGRES"]

    /// Every backend this run can reach.
    static let all: [StoreBackend] = postgresAddress == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }

    /// Runs `body` with an empty store of this backend, removed when it returns.
    func withStore(_ body: (any ArticleStore) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID()).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await body(try SQLiteArticleStore(path: path))
        case .postgres:
            try await PostgresSchema.withFresh { configuration in
                try await body(
                    try await PostgresArticleStore(configuration: configuration, logger: PostgresSchema.logger))
            }
        }
    }
}

/// A schema of its own per test in the test server's database, so that tests running in parallel do not meet.
enum PostgresSchema {
    static let logger = Logger(label: "akhbar.store-tests")

    /// The test server's configuration, in `schema` when given.
    static func configuration(schema: String? = nil) throws -> PostgresStoreConfiguration {
        let address = try #require(StoreBackend.postgresAddress, "AKHBAR_TEST_POSTGRES is not set")
        let separator = address.contains("?") ? "&" : "?"
        return try PostgresStoreConfiguration(address: address + (schema.map { "\(separator)schema=\($0)" } ?? ""))
    }

    /// Runs `body` with the configuration of a new schema, dropped afterwards.
    static func withFresh(_ body: (PostgresStoreConfiguration) async throws -> Void) async throws {
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        do {
            try await body(try configuration(schema: schema))
        } catch {
            try? await execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
            throw error
        }
        try await execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }

    /// Runs one statement of fixed test SQL on a connection of its own.
    static func execute(_ sql: String) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try configuration().connectionConfiguration(), id: 1, logger: logger)
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
    func save(
        _ articles: [EnrichedArticle], handled: [HandledMessage] = [], consumed: [MessagePosition] = [],
        group: String = ""
    ) async throws(StoreError) {
        try await save(articles.map(IndexedArticle.init), handled: handled, consumed: consumed, group: group)
    }
}
