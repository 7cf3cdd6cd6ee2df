public import ArticleModel
import Foundation
import GRDB

/// An entity with the number of stored articles that mention it.
public struct EntitySummary: Sendable, Equatable {
    public let id: String
    public let type: EntityType
    public let canonical: String
    public let articleCount: Int
}

/// What the store holds.
public struct StoreStats: Sendable, Equatable {
    public let articles: Int
    public let mentions: Int
    /// Entities per type, every type present.
    public let entities: [EntityType: Int]
}

extension ArticleStore {
    /// Entities by number of articles, most first; optionally of one type, or whose canonical form
    /// starts with `prefix`.
    public func entities(type: EntityType? = nil, prefix: String? = nil, limit: Int = 50) async throws(StoreError)
        -> [EntitySummary]
    {
        // LIKE's wildcards in the prefix are literal characters.
        let pattern = prefix.map {
            $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
        return try await summaries(
            sql: """
                SELECT e.id, e.type, e.canonical, COUNT(ae.article_id) AS article_count
                FROM entities e JOIN article_entities ae ON ae.entity_id = e.id
                WHERE (?1 IS NULL OR e.type = ?1) AND (?2 IS NULL OR e.canonical LIKE ?2 ESCAPE '\\')
                GROUP BY e.id ORDER BY article_count DESC, e.canonical LIMIT ?3
                """,
            arguments: [type?.rawValue, pattern, limit])
    }

    /// The entities most often mentioned in the same articles as `entityID`, most first.
    public func coOccurrences(of entityID: String, limit: Int = 20) async throws(StoreError) -> [EntitySummary] {
        try await summaries(
            sql: """
                SELECT e.id, e.type, e.canonical, COUNT(*) AS article_count
                FROM article_entities mine
                JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != mine.entity_id
                JOIN entities e ON e.id = other.entity_id
                WHERE mine.entity_id = ? AND e.type != 'DATE'
                GROUP BY e.id ORDER BY article_count DESC, e.canonical LIMIT ?
                """,
            arguments: [entityID, limit])
    }

    /// The articles that mention `entityID`, newest publication first.
    public func articles(mentioning entityID: String, limit: Int = 20) async throws(StoreError) -> [EnrichedArticle] {
        do {
            return try await pool.read { db in
                try ArticleRecord.fetchAll(
                    db,
                    sql: """
                        SELECT a.* FROM articles a JOIN article_entities ae ON ae.article_id = a.id
                        WHERE ae.entity_id = ? ORDER BY a.published_at DESC, a.enriched_at DESC, a.id LIMIT ?
                        """,
                    arguments: [entityID, limit]
                ).map { try Self.article(from: $0, in: db) }
            }
        } catch {
            throw StoreError.from(error)
        }
    }

    public func stats() async throws(StoreError) -> StoreStats {
        do {
            return try await pool.read { db in
                var entities = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT type, COUNT(*) AS n FROM entities GROUP BY type") {
                    if let type = EntityType(rawValue: row["type"]) { entities[type] = row["n"] }
                }
                return StoreStats(
                    articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                    mentions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions") ?? 0,
                    entities: entities)
            }
        } catch {
            throw StoreError.from(error)
        }
    }

    private func summaries(sql: String, arguments: StatementArguments) async throws(StoreError) -> [EntitySummary] {
        do {
            return try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                    EntityType(rawValue: row["type"]).map {
                        EntitySummary(
                            id: row["id"], type: $0, canonical: row["canonical"], articleCount: row["article_count"])
                    }
                }
            }
        } catch {
            throw StoreError.from(error)
        }
    }
}
