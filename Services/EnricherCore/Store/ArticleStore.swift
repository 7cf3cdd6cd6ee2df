public import ArticleModel
import Foundation
import GRDB
public import Kafka

/// The SQLite store of enriched articles (WAL mode, through a GRDB `DatabasePool`).
///
/// Saving upserts by article id, so a message delivered twice, or a replay of the whole topic,
/// replaces rows instead of adding them.
public final class ArticleStore: Sendable {
    /// Whether opening may create the database.
    public enum Access: Sendable {
        /// Create the file when it is missing: the enricher, whose first batch starts the store.
        case createIfMissing
        /// The file must exist: readers, for which a missing file is a mistyped path, not an empty store.
        case existing
    }

    private let pool: DatabasePool
    private let file: DatabaseFile

    /// Opens the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `StoreError` with `.cannotOpen` (missing with `.existing`, not writable, not openable),
    ///   `.corrupt` or `.migration`; every message names the path.
    public init(path: String, access: Access = .createIfMissing) throws(StoreError) {
        if access == .existing, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.cannotOpen, "no database at \(path)")
        }
        // SQLite falls back to reading a file it may not write (an immutable or read-only file), and then fails
        // later, or faults on its shared-memory file; say so at once instead.
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
            throw StoreError(.cannotOpen, "the database \(path) is not writable")
        }
        var configuration = Configuration()
        // A second enricher or a reader may hold the write lock briefly; wait rather than fail.
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.from(error).about(path)
        }
        do {
            try Self.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError(.migration, "migrating \(path): \(error.message ?? error.description)")
        } catch {
            throw StoreError.from(error).about(path)
        }
        do {
            file = try DatabaseFile(path: path)
        } catch {
            throw error.about(path)
        }
    }

    /// Brings the schema up to date. Several enrichers starting at once on a new file race: the migrator reads
    /// which migrations are applied before it takes the write lock, so a loser tries to create tables the winner
    /// just made. Its retry reads again and finds nothing left to do.
    private static func migrate(_ pool: DatabasePool) throws {
        // Up to date needs no write: a reader, or an enricher joining a busy one, must not wait for the write lock.
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        for attempt in 1... {
            do {
                try migrator.migrate(pool)
                return
            } catch is DatabaseError where attempt < 3 {
                Thread.sleep(forTimeInterval: 0.2 * Double(attempt))
            }
        }
    }

    /// Stores a batch of articles in one transaction: all of them or none.
    ///
    /// Each article replaces any earlier version of itself, its entity links and mentions, unless its message is
    /// already recorded as stored and the article is stored with the same enrichment version: an enricher that
    /// lost the message's partition in a rebalance may store its batch after the new owner checked the message, and
    /// the article must still be written once. A replay under a newer enrichment version rewrites it.
    /// - Parameters:
    ///   - handled: the messages of the batch and what became of them (see ``outcome(of:)``); its stored
    ///     messages, when there are as many as articles, are the articles' messages in the same order.
    ///   - consumed: the next offset to read per partition once the batch is stored, recorded for `group` in
    ///     the same transaction (see ``storedOffsets(group:)``).
    /// - Throws: `StoreError`; on `.diskFull` or `.locked` nothing of the batch was stored, and `.removed` means
    ///   the database file was deleted or replaced while open, so what was written is lost with it.
    public func save(
        _ articles: [EnrichedArticle], handled: [HandledMessage] = [], consumed: [KafkaTopicPartitionOffset] = [],
        group: String = ""
    ) async throws(StoreError) {
        try file.checkStillInPlace()
        do {
            let storedMessages = handled.filter { $0.outcome == .stored }
            let paired = storedMessages.count == articles.count
            try await pool.write { db in
                for (index, article) in articles.enumerated() {
                    if paired, try Self.isStored(storedMessages[index], as: article, in: db) { continue }
                    try Self.save(article, in: db)
                }
                for message in handled {
                    try db.execute(
                        sql: """
                            INSERT INTO handled_messages (topic, partition, offset, digest, outcome) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (topic, partition, offset) DO UPDATE SET digest = excluded.digest, outcome = excluded.outcome
                            """,
                        arguments: [
                            message.position.topic, message.position.partition, message.position.offset,
                            message.digest, message.outcome.rawValue,
                        ])
                }
                for offset in consumed {
                    try db.execute(
                        sql: """
                            INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
                            ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset
                            """,
                        arguments: [group, offset.topic, offset.partition, offset.offset]
                    )
                }
            }
        } catch {
            throw StoreError.from(error)
        }
        // A file unlinked during the transaction took the commit with it: the caller must not commit offsets.
        try file.checkStillInPlace()
    }

    /// Whether `message` is recorded, with the same digest, as stored, and `article` is stored under its
    /// enrichment version.
    private static func isStored(_ message: HandledMessage, as article: EnrichedArticle, in db: Database) throws -> Bool
    {
        guard try outcome(of: message, in: db) == .stored else { return false }
        let version = try String.fetchOne(
            db.cachedStatement(sql: "SELECT enrichment_version FROM articles WHERE id = ?"),
            arguments: [article.articleID])
        return version == article.enrichmentVersion
    }

    /// What became of the message at this position, if the store recorded it with the same digest; nil when it
    /// did not, or recorded a different message there.
    public func outcome(of message: HandledMessage) async throws(StoreError) -> HandledMessage.Outcome? {
        try await read { db in try Self.outcome(of: message, in: db) }
    }

    /// ``outcome(of:)`` inside a transaction that is already open.
    private static func outcome(of message: HandledMessage, in db: Database) throws -> HandledMessage.Outcome? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT digest, outcome FROM handled_messages WHERE topic = ? AND partition = ? AND offset = ?"),
            arguments: [message.position.topic, message.position.partition, message.position.offset])
        guard let row, row["digest"] as Int64 == message.digest else { return nil }
        return HandledMessage.Outcome(rawValue: row["outcome"])
    }

    /// The next offset to read per partition, as the batches stored for `group` recorded it.
    public func storedOffsets(group: String) async throws(StoreError) -> [KafkaTopicPartition: Int64] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT topic, partition, next_offset FROM consumer_offsets WHERE group_id = ?",
                arguments: [group])
            var offsets: [KafkaTopicPartition: Int64] = [:]
            for row in rows {
                offsets[KafkaTopicPartition(topic: row["topic"], partition: row["partition"])] = row["next_offset"]
            }
            return offsets
        }
    }

    /// How many times each stored article was written, by id.
    public func writeCounts() async throws(StoreError) -> [String: Int] {
        try await read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, write_count FROM articles") {
                counts[row["id"]] = row["write_count"]
            }
            return counts
        }
    }

    // Rows are written through cached statements with positional arguments: encoding records
    // through Codable and compiling each statement again cost more than SQLite's own work.
    private static func save(_ article: EnrichedArticle, in db: Database) throws {
        let previousWrites =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT write_count FROM articles WHERE id = ?"), arguments: [article.articleID]
            )
            ?? 0
        try ArticleRecord(article).upsert(db)
        try db.cachedStatement(sql: "UPDATE articles SET write_count = ? WHERE id = ?")
            .execute(arguments: [previousWrites + 1, article.articleID])
        // Replacing the links drops this article's old mentions through the cascade.
        try db.cachedStatement(sql: "DELETE FROM article_entities WHERE article_id = ?")
            .execute(arguments: [article.articleID])
        let entities = try EntityAliases.link(article.entities, in: db)
        let upsertEntity = try db.cachedStatement(
            sql: """
                INSERT INTO entities (id, type, canonical, canonical_key) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, canonical = excluded.canonical,
                canonical_key = excluded.canonical_key
                """)
        let insertLink = try db.cachedStatement(
            sql: "INSERT INTO article_entities (article_id, entity_id, value, position) VALUES (?, ?, ?, ?)")
        let insertMention = try db.cachedStatement(
            sql: "INSERT INTO mentions (article_id, entity_id, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
        for (position, entity) in entities.enumerated() {
            try upsertEntity.execute(arguments: [
                entity.id, entity.type.rawValue, entity.canonical, EntityRecord.key(of: entity.canonical),
            ])
            try insertLink.execute(arguments: [article.articleID, entity.id, entity.value, position])
            for mention in entity.mentions {
                try insertMention.execute(arguments: [
                    article.articleID, entity.id, mention.start, mention.end, mention.text,
                ])
            }
        }
        // Links carry the article's publication time so that an entity's articles page newest first off an index.
        try db.cachedStatement(
            sql: """
                UPDATE article_entities SET published_key = (SELECT COALESCE(published_at, '') FROM articles WHERE id = ?1)
                WHERE article_id = ?1
                """
        ).execute(arguments: [article.articleID])
        try EntityAliases.learn(from: entities, in: db)
        try replaceSearchRow(of: article, in: db)
    }

    /// Replaces the article's row of the full-text index, found through `articles.search_rowid`.
    private static func replaceSearchRow(of article: EnrichedArticle, in db: Database) throws {
        try db.cachedStatement(
            sql: "DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM articles WHERE id = ?)"
        ).execute(arguments: [article.articleID])
        let rowid = try SearchRowID.free(forArticle: article.articleID, publishedAt: article.publishedAt, in: db)
        try db.cachedStatement(sql: "INSERT INTO article_search (rowid, article_id, terms) VALUES (?, ?, ?)")
            .execute(arguments: [rowid, article.articleID, SearchTerms.indexed(article.title + "\n" + article.body)])
        try db.cachedStatement(sql: "UPDATE articles SET search_rowid = ? WHERE id = ?")
            .execute(arguments: [rowid, article.articleID])
    }

    /// Runs a read, turning database errors into `StoreError`.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError.from(error)
        }
    }

    /// The number of stored articles.
    public func articleCount() async throws(StoreError) -> Int {
        try await read { db in try ArticleRecord.fetchCount(db) }
    }

    /// Stored articles with their entities, newest publication first, then by id.
    ///
    /// - Parameter limit: at most this many articles; all when nil.
    public func articles(limit: Int? = nil) async throws(StoreError) -> [EnrichedArticle] {
        try await read { db in
            let records = try ArticleRecord.all()
                .order(ArticleRecord.Columns.publishedAt.desc, ArticleRecord.Columns.id)
                .limit(limit ?? -1)
                .fetchAll(db)
            return try records.map { try Self.article(from: $0, in: db) }
        }
    }

    /// The stored article with this id, or nil.
    public func article(id: String) async throws(StoreError) -> EnrichedArticle? {
        try await read { db in
            try ArticleRecord.fetchOne(db, key: id).map { try Self.article(from: $0, in: db) }
        }
    }
}
