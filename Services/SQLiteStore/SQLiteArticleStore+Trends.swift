import ArticleModel
public import Foundation
import GRDB
public import StorePort

extension SQLiteArticleStore {
    public func countArticles(_ search: ArticleSearch, upTo limit: Int) async throws(StoreError) -> Int {
        // Newest first walks the same matches without ranking them.
        var unranked = search
        unranked.order = .newest
        let query = try SearchPlan(unranked, after: nil).count(upTo: max(0, limit))
        return try await read { db in try Int.fetchOne(db, SQLRequest<Int>(literal: query)) ?? 0 }
    }

    public func surfaceForms(of entityID: String, limit: Int) async throws(StoreError) -> [SurfaceForm] {
        let query: SQL = """
            SELECT text, COUNT(*) AS n FROM mentions WHERE entity_id = \(entityID)
            GROUP BY text ORDER BY n DESC, text LIMIT \(max(1, limit))
            """
        return try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).map {
                SurfaceForm(text: $0["text"], mentions: $0["n"])
            }
        }
    }

    public func publicationDays(mentioning entityID: String?, from: Date?) async throws(StoreError) -> [DayCount] {
        // Publication keys are GRDB's UTC timestamps, so their first ten characters are the UTC day; each query
        // walks an index whose first columns it fixes, and converts a day once per group, not once per row.
        let (key, table): (SQL, SQL) =
            entityID == nil ? ("COALESCE(published_at, '')", "articles") : ("published_key", "article_entities")
        var conditions: [SQL] = ["\(key) != ''"]
        if let entityID { conditions.append("entity_id = \(entityID)") }
        if let from { conditions.append("\(key) >= \(from)") }
        let query: SQL = """
            SELECT CAST(julianday(substr(\(key), 1, 10)) - 2440587.5 AS INTEGER) AS day, COUNT(*) AS n
            FROM \(table) WHERE \(conditions.joined(separator: " AND "))
            GROUP BY substr(\(key), 1, 10) ORDER BY day
            """
        return try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).map {
                DayCount(daysSince1970: $0["day"], articles: $0["n"])
            }
        }
    }

    public func risingEntities(in period: DateInterval, limit: Int) async throws(StoreError) -> [EntityTrend] {
        let earlier = period.start.addingTimeInterval(-period.duration)
        // The articles of both periods come off the publication index; their links, off the primary key.
        let query: SQL = """
            SELECT e.id, e.type, e.canonical, e.article_count, e.mention_count, NULL AS value, t.recent, t.earlier
            FROM (SELECT x.entity_id,
                         SUM(COALESCE(a.published_at, '') >= \(period.start)) AS recent,
                         SUM(COALESCE(a.published_at, '') < \(period.start)) AS earlier
                  FROM articles a CROSS JOIN article_entities x ON x.article_id = a.id
                  WHERE COALESCE(a.published_at, '') >= \(earlier) AND COALESCE(a.published_at, '') < \(period.end)
                  GROUP BY x.entity_id) t
            JOIN entities e ON e.id = t.entity_id
            WHERE e.type != 'DATE' AND t.recent > t.earlier
            ORDER BY t.recent - t.earlier DESC, t.recent DESC, e.id LIMIT \(max(1, limit))
            """
        return try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).compactMap { row in
                Self.summary(row).map {
                    EntityTrend(entity: $0, recentArticles: row["recent"], earlierArticles: row["earlier"])
                }
            }
        }
    }
}
