import ArticleModel
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
                byType: byType,
                bySource: try counts(by: "source"),
                byEnrichmentVersion: try counts(by: "enrichment_version"),
                oldestPublished: totals?["oldest"], newestPublished: totals?["newest"], lastEnriched: totals?["last"])
        }
    }
}
