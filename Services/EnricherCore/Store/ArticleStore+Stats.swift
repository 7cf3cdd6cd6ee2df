public import ArticleModel
public import Foundation
import GRDB

/// Totals over the store.
public struct StoreStats: Sendable, Equatable {
    /// Distinct entities and their mentions, for one entity type.
    public struct TypeCount: Sendable, Equatable {
        public let entities: Int
        public let mentions: Int
    }

    /// How many stored articles share one value of a field.
    public struct ArticleCount: Sendable, Equatable {
        public let key: String
        public let articles: Int
    }

    public let articles: Int
    public let entities: Int
    public let mentions: Int
    /// Every entity type, with zeros for types not seen.
    public let byType: [EntityType: TypeCount]
    /// Articles per source, most first; no source counts under "".
    public let bySource: [ArticleCount]
    /// Articles per enrichment version, most first: how far a replay has got.
    public let byEnrichmentVersion: [ArticleCount]
    public let oldestPublished: Date?
    public let newestPublished: Date?
    public let lastEnriched: Date?
}

extension ArticleStore {
    public func stats() async throws(StoreError) -> StoreStats {
        try await read { db in
            var byType = Dictionary(
                uniqueKeysWithValues: EntityType.allCases.map { ($0, StoreStats.TypeCount(entities: 0, mentions: 0)) })
            let typeRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT type, COUNT(*) AS entities, SUM(mention_count) AS mentions
                    FROM entities WHERE article_count > 0 GROUP BY type
                    """)
            for row in typeRows {
                if let type = EntityType(rawValue: row["type"]) {
                    byType[type] = StoreStats.TypeCount(entities: row["entities"], mentions: row["mentions"])
                }
            }
            func counts(by column: String) throws -> [StoreStats.ArticleCount] {
                // `column` is one of two fixed names below, never input.
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT COALESCE(\(column), '') AS key, COUNT(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, key"
                ).map { StoreStats.ArticleCount(key: $0["key"], articles: $0["n"]) }
            }
            let totals = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS articles, MIN(published_at) AS oldest, MAX(published_at) AS newest,
                           MAX(enriched_at) AS last
                    FROM articles
                    """)
            return StoreStats(
                articles: totals?["articles"] ?? 0,
                entities: byType.values.reduce(0) { $0 + $1.entities },
                mentions: byType.values.reduce(0) { $0 + $1.mentions },
                byType: byType,
                bySource: try counts(by: "source"),
                byEnrichmentVersion: try counts(by: "enrichment_version"),
                oldestPublished: totals?["oldest"], newestPublished: totals?["newest"], lastEnriched: totals?["last"])
        }
    }
}
