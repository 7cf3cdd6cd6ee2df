import ArticleModel
import Foundation
import GRDB
public import StorePort

extension SQLiteArticleStore {
    public func stats() async throws(StoreError) -> StoreStats {
        try await read { db in
            var byType: [EntityType: StoreStats.TypeCount] = [:]
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
                // `column` is one of two fixed names below, never input; grouping by the bare column walks its index.
                try Row.fetchAll(
                    db, sql: "SELECT COALESCE(\(column), '') AS key, COUNT(*) AS n FROM articles GROUP BY \(column)"
                ).map { StoreStats.ArticleCount(key: $0["key"], articles: $0["n"]) }
                    .sorted { ($1.articles, $0.key) < ($0.articles, $1.key) }
            }
            // The publication index sorts undated articles ('') first ascending; both ends come off it.
            let newest = try Date.fetchOne(
                db, sql: "SELECT published_at FROM articles ORDER BY COALESCE(published_at, '') DESC LIMIT 1")
            let oldest = try Date.fetchOne(
                db,
                sql: """
                    SELECT published_at FROM articles WHERE COALESCE(published_at, '') > ''
                    ORDER BY COALESCE(published_at, '') LIMIT 1
                    """)
            let lastEnriched = try Date.fetchOne(db, sql: "SELECT MAX(enriched_at) FROM articles")
            return StoreStats(
                articles: try ArticleRecord.fetchCount(db),
                byType: byType,
                bySource: try counts(by: "source"),
                byEnrichmentVersion: try counts(by: "enrichment_version"),
                oldestPublished: oldest, newestPublished: newest, lastEnriched: lastEnriched)
        }
    }
}
