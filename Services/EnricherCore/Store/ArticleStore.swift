public import ArticleModel
import Foundation
import GRDB

/// The SQLite store of enriched articles (WAL mode, through a GRDB `DatabasePool`).
///
/// Saving upserts by article id, so a message delivered twice, or a replay of the whole topic,
/// replaces rows instead of adding them.
public final class ArticleStore: Sendable {
    private let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `StoreError` with `.cannotOpen`, `.corrupt` or `.migration`.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        // A second enricher or a reader may hold the write lock briefly; wait rather than fail.
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.from(error)
        }
        do {
            try Self.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError(.migration, "migrating \(path): \(error.message ?? error.description)")
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Brings the schema up to date. Several enrichers starting at once on a new file race: the migrator reads
    /// which migrations are applied before it takes the write lock, so a loser tries to create tables the winner
    /// just made. Its retry reads again and finds nothing left to do.
    private static func migrate(_ pool: DatabasePool) throws {
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
    /// Each article replaces any earlier version of itself, its entity links and mentions.
    /// - Throws: `StoreError`; on `.diskFull` or `.locked` nothing of the batch was stored.
    public func save(_ articles: [EnrichedArticle]) async throws(StoreError) {
        do {
            try await pool.write { db in
                for article in articles {
                    try Self.save(article, in: db)
                }
            }
        } catch {
            throw StoreError.from(error)
        }
    }

    private static func save(_ article: EnrichedArticle, in db: Database) throws {
        try ArticleRecord(article).upsert(db)
        // Replacing the links drops this article's old mentions through the cascade.
        try ArticleEntityRecord.filter(ArticleEntityRecord.Columns.articleID == article.articleID).deleteAll(db)
        for (position, entity) in article.entities.enumerated() {
            try EntityRecord(entity).upsert(db)
            try ArticleEntityRecord(
                articleID: article.articleID,
                entityID: entity.id,
                value: entity.value,
                position: position
            ).insert(db)
            for mention in entity.mentions {
                try MentionRecord(
                    articleID: article.articleID,
                    entityID: entity.id,
                    start: mention.start,
                    end: mention.end,
                    text: mention.text
                ).insert(db)
            }
        }
    }

    /// The number of stored articles.
    public func articleCount() async throws(StoreError) -> Int {
        do {
            return try await pool.read { db in try ArticleRecord.fetchCount(db) }
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Stored articles with their entities, newest publication first, then by id.
    ///
    /// - Parameter limit: at most this many articles; all when nil.
    public func articles(limit: Int? = nil) async throws(StoreError) -> [EnrichedArticle] {
        do {
            return try await pool.read { db in
                let records = try ArticleRecord.all()
                    .order(ArticleRecord.Columns.publishedAt.desc, ArticleRecord.Columns.id)
                    .limit(limit ?? -1)
                    .fetchAll(db)
                return try records.map { try Self.article(from: $0, in: db) }
            }
        } catch {
            throw StoreError.from(error)
        }
    }

    /// The stored article with this id, or nil.
    public func article(id: String) async throws(StoreError) -> EnrichedArticle? {
        do {
            return try await pool.read { db in
                try ArticleRecord.fetchOne(db, key: id).map { try Self.article(from: $0, in: db) }
            }
        } catch {
            throw StoreError.from(error)
        }
    }
}
