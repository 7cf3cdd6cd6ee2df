public import ArticleModel
import Foundation
import GRDB
public import StorePort

/// The embedded store of enriched articles: one SQLite file in WAL mode, through a GRDB `DatabasePool`. Several
/// enrichers on one host may share it; enrichers on several hosts need a server database.
public final class SQLiteArticleStore: ArticleStore {
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
        // Statement journals (every insert that fires a trigger or checks a foreign key has one) stay in memory
        // instead of a temporary file: written through the kernel, they took a third of a save.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") }
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

    /// See ``ArticleStore/save(_:handled:consumed:group:)``; `.removed` means the database file was deleted or
    /// replaced while open, so what was written is lost with it.
    public func save(
        _ articles: [IndexedArticle], handled: [HandledMessage], consumed: [MessagePosition], group: String
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
    private static func isStored(_ message: HandledMessage, as indexed: IndexedArticle, in db: Database) throws
        -> Bool
    {
        let article = indexed.article
        guard try outcome(of: message, in: db) == .stored else { return false }
        let version = try String.fetchOne(
            db.cachedStatement(sql: "SELECT enrichment_version FROM articles WHERE id = ?"),
            arguments: [article.articleID])
        return version == article.enrichmentVersion
    }

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

    public func storedOffsets(group: String) async throws(StoreError) -> [TopicPartition: Int64] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT topic, partition, next_offset FROM consumer_offsets WHERE group_id = ?",
                arguments: [group])
            var offsets: [TopicPartition: Int64] = [:]
            for row in rows {
                offsets[TopicPartition(topic: row["topic"], partition: row["partition"])] = row["next_offset"]
            }
            return offsets
        }
    }

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
    private static func save(_ indexed: IndexedArticle, in db: Database) throws {
        let article = indexed.article
        // One statement writes the row and counts the write; a rewrite keeps the row's search_rowid.
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (id, url, source, published_at, title, body, enrichment_version, enriched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source,
                published_at = excluded.published_at, title = excluded.title, body = excluded.body,
                enrichment_version = excluded.enrichment_version, enriched_at = excluded.enriched_at,
                write_count = write_count + 1
                """
        ).execute(arguments: [
            article.articleID, article.url, article.source, article.publishedAt, article.title, article.body,
            article.enrichmentVersion, article.enrichedAt,
        ])
        // Replacing the links drops this article's old mentions through the cascade.
        try db.cachedStatement(sql: "DELETE FROM article_entities WHERE article_id = ?")
            .execute(arguments: [article.articleID])
        let entities = indexed.linkingShortNames(to: try EntityAliases.fullNames(for: indexed.shortNameKeys, in: db))
        let upsertEntity = try db.cachedStatement(
            sql: """
                INSERT INTO entities (id, type, canonical, canonical_key) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, canonical = excluded.canonical,
                canonical_key = excluded.canonical_key
                """)
        // Links carry the article's publication time as stored ('' when unknown, so those come last), so that an
        // entity's articles page newest first off an index.
        let insertLink = try db.cachedStatement(
            sql: """
                INSERT INTO article_entities (article_id, entity_id, value, position, published_key)
                VALUES (?, ?, ?, ?, ?)
                """)
        let publishedKey = article.publishedAt?.databaseValue ?? "".databaseValue
        let insertMention = try db.cachedStatement(
            sql: "INSERT INTO mentions (article_id, entity_id, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
        for (position, linked) in entities.enumerated() {
            let entity = linked.entity
            try upsertEntity.execute(arguments: [
                entity.id, entity.type.rawValue, entity.canonical, linked.canonicalKey,
            ])
            try insertLink.execute(arguments: [article.articleID, entity.id, entity.value, position, publishedKey])
            for mention in entity.mentions {
                try insertMention.execute(arguments: [
                    article.articleID, entity.id, mention.start, mention.end, mention.text,
                ])
            }
        }
        try EntityAliases.learn(from: entities, in: db)
        try replaceSearchRow(of: indexed, in: db)
    }

    /// Replaces the article's row of the full-text index, found through `articles.search_rowid`.
    private static func replaceSearchRow(of indexed: IndexedArticle, in db: Database) throws {
        let article = indexed.article
        try db.cachedStatement(
            sql: "DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM articles WHERE id = ?)"
        ).execute(arguments: [article.articleID])
        let rowid = try SearchRowID.free(forArticle: article.articleID, publishedAt: article.publishedAt, in: db)
        try db.cachedStatement(sql: "INSERT INTO article_search (rowid, article_id, terms) VALUES (?, ?, ?)")
            .execute(arguments: [rowid, article.articleID, indexed.searchTerms])
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

    public func articleCount() async throws(StoreError) -> Int {
        try await read { db in try ArticleRecord.fetchCount(db) }
    }

    public func articles(limit: Int?) async throws(StoreError) -> [EnrichedArticle] {
        try await read { db in
            let records = try ArticleRecord.all()
                .order(ArticleRecord.Columns.publishedAt.desc, ArticleRecord.Columns.id)
                .limit(limit ?? -1)
                .fetchAll(db)
            return try records.map { try Self.article(from: $0, in: db) }
        }
    }

    public func article(id: String) async throws(StoreError) -> EnrichedArticle? {
        try await read { db in
            try ArticleRecord.fetchOne(db, key: id).map { try Self.article(from: $0, in: db) }
        }
    }
}
