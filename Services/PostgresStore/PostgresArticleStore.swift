import ArticleModel
import Foundation
public import Logging
import PostgresNIO
public import StorePort
import Synchronization

/// The store of enriched articles in a PostgreSQL server, for enrichers on many hosts.
///
/// A batch is one transaction. Concurrent writers are kept apart by locks taken in one global order: an advisory
/// lock per article id (so a message stored by two members during a rebalance is still written once), then the
/// entity rows whose counts change.
public final class PostgresArticleStore: ArticleStore {
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    private let statistics = Mutex(StatisticsSchedule())
    public let configuration: PostgresStoreConfiguration

    /// Connects, checks the server answers with these credentials, and brings the schema up to date.
    ///
    /// - Throws: `StoreError`: `.unavailable` when the server cannot be reached, `.authentication` for refused
    ///   credentials, `.cannotOpen` for a missing database, `.migration` when the schema cannot be updated. Every
    ///   message names the address, never the password.
    public init(configuration: PostgresStoreConfiguration, logger: Logger) async throws(StoreError) {
        self.configuration = configuration
        self.logger = logger
        do {
            // One connection outside the pool first: the pool retries a server that refuses it for ever, and a user
            // who mistyped a port or a password must hear so at once.
            let connection = try await PostgresConnection.connect(
                configuration: try configuration.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError.from(error).about(configuration.displayAddress)
        }
        // The pool logs every failed attempt to reconnect; the store's own errors say what matters.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(
            configuration: try configuration.clientConfiguration(), backgroundLogger: poolLogger)
        self.client = client
        running = Task { await client.run() }
        do {
            try await Self.migrate(client, schema: configuration.schema, logger: logger)
        } catch {
            running.cancel()
            let cause = StoreError.from(error)
            throw StoreError(.migration, "migrating \(configuration.displayAddress): \(cause.message)")
        }
    }

    deinit {
        running.cancel()
    }

    /// Runs `body` in a transaction, turning every failure into a `StoreError`.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws(StoreError) -> T
    {
        let (client, logger) = (client, logger)
        return try await Self.withPatience {
            try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// Runs a read on a pooled connection, turning every failure into a `StoreError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws(StoreError) -> T
    {
        let client = client
        return try await Self.withPatience {
            try await client.withConnection { connection in try await body(connection) }
        }
    }

    /// How long one transaction or read may take before the store gives up on the server: a batch takes well
    /// under a second.
    static let patience = Duration.seconds(60)

    /// Runs `work`, giving up with `.unavailable` after ``patience``. A server restarted under a pooled connection can
    /// leave a call waiting for ever, and an enricher waiting for ever holds its partitions without storing them;
    /// one that gives up exits without committing, and its messages are read again.
    private static func withPatience<T: Sendable>(_ work: @escaping @Sendable () async throws -> T)
        async throws(StoreError) -> T
    {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<T, StoreError>, Never>) in
            let answered = Mutex(false)
            let first = { @Sendable (result: Result<T, StoreError>) in
                if answered.withLock({ done in
                    defer { done = true }; return !done
                }) {
                    continuation.resume(returning: result)
                }
            }
            let timer = Mutex<Task<Void, any Error>?>(nil)
            let worker = Task {
                do {
                    first(.success(try await work()))
                } catch {
                    first(.failure(StoreError.from(error)))
                }
                timer.withLock { $0?.cancel() }
            }
            timer.withLock {
                $0 = Task {
                    try await Task.sleep(for: patience)
                    worker.cancel()
                    first(.failure(StoreError(.unavailable, "no answer from the PostgreSQL server within \(patience)")))
                }
            }
        }
        return try result.get()
    }

    public func save(
        _ articles: [IndexedArticle], handled: [HandledMessage], consumed: [MessagePosition], group: String
    ) async throws(StoreError) {
        let logger = logger
        try await transaction { connection in
            var writer = BatchWriter(connection: connection, logger: logger)
            try await writer.write(articles, handled: handled)
            try await writer.record(handled)
            try await writer.record(consumed, group: group)
        }
        if statistics.withLock({ $0.recordSaved(articles.count) }) {
            // In the background: an ANALYZE of a large table takes a second or more, which the next batch need not
            // wait for.
            Task { await refreshStatistics() }
        }
    }

    /// Has the server gather the statistics the planner reads for the searches and entity pages
    /// (``StatisticsSchedule``). The batch is stored already, so a failure here is only logged.
    private func refreshStatistics() async {
        do {
            try await read { connection in
                _ = try await connection.query(
                    "ANALYZE articles, article_terms, article_entities, entities, entity_aliases, mentions",
                    logger: self.logger)
            }
        } catch {
            logger.warning("Refreshing the search statistics failed", metadata: ["error": "\(error)"])
        }
    }

    public func outcome(of message: HandledMessage) async throws(StoreError) -> HandledMessage.Outcome? {
        let position = message.position
        let logger = logger
        return try await read { connection in
            let rows = try await connection.query(
                """
                SELECT digest, outcome FROM handled_messages
                WHERE topic = \(position.topic) AND partition = \(position.partition) AND "offset" = \(position.offset)
                """, logger: logger)
            for try await (digest, outcome) in rows.decode((Int64, String).self) where digest == message.digest {
                return HandledMessage.Outcome(rawValue: outcome)
            }
            return nil
        }
    }

    public func storedOffsets(group: String) async throws(StoreError) -> [TopicPartition: Int64] {
        let logger = logger
        return try await read { connection in
            var offsets: [TopicPartition: Int64] = [:]
            let rows = try await connection.query(
                "SELECT topic, partition, next_offset FROM consumer_offsets WHERE group_id = \(group)", logger: logger)
            for try await (topic, partition, next) in rows.decode((String, Int32, Int64).self) {
                offsets[TopicPartition(topic: topic, partition: partition)] = next
            }
            return offsets
        }
    }

    public func writeCounts() async throws(StoreError) -> [String: Int] {
        let logger = logger
        return try await read { connection in
            var counts: [String: Int] = [:]
            let rows = try await connection.query("SELECT id, write_count FROM articles", logger: logger)
            for try await (id, count) in rows.decode((String, Int32).self) {
                counts[id] = Int(count)
            }
            return counts
        }
    }

    public func articleCount() async throws(StoreError) -> Int {
        let logger = logger
        return try await read { connection in
            let rows = try await connection.query("SELECT count(*) FROM articles", logger: logger)
            for try await count in rows.decode(Int64.self) { return Int(count) }
            return 0
        }
    }
}

/// Publication times as the sort key of lists: microseconds since 1970, the lowest value when unknown (last in
/// newest-first order).
enum SortKey {
    static let unknown = Int64.min

    static func of(_ date: Date?) -> Int64 {
        guard let date else { return unknown }
        return Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
