import ArticleModel
public import Foundation
import PostgresNIO
public import StorePort

extension PostgresArticleStore {
    public func countArticles(_ search: ArticleSearch, upTo limit: Int) async throws(StoreError) -> Int {
        // Newest first walks the same matches without ranking them.
        var unranked = search
        unranked.order = .newest
        let page = try SearchPlan(unranked, after: nil, limit: max(0, limit)).query
        let query = PostgresQuery(unsafeSQL: "SELECT count(*) FROM (\(page.sql)) matches", binds: page.binds)
        return try await integers(query).first.map(Int.init) ?? 0
    }

    public func surfaceForms(of entityID: String, limit: Int) async throws(StoreError) -> [SurfaceForm] {
        let query: PostgresQuery = """
            SELECT text, count(*) AS n FROM mentions WHERE entity_id = \(entityID)
            GROUP BY text ORDER BY n DESC, text COLLATE "C" LIMIT \(max(1, limit))
            """
        let logger = logger
        return try await read { connection in
            var forms: [SurfaceForm] = []
            for try await (text, mentions) in try await connection.query(query, logger: logger)
                .decode((String, Int64).self)
            {
                forms.append(SurfaceForm(text: text, mentions: Int(mentions)))
            }
            return forms
        }
    }

    public func publicationDays(mentioning entityID: String?, from: Date?) async throws(StoreError) -> [DayCount] {
        var sql = SQLBuilder()
        let (key, table) = entityID == nil ? ("a.sort_key", "articles a") : ("d.sort_key", "article_entities d")
        var conditions = ["\(key) > \(sql.bind(SortKey.unknown))"]
        if let entityID { conditions.append("d.entity_id = \(sql.bind(entityID))") }
        if let from { conditions.append("\(key) >= \(sql.bind(SortKey.of(from)))") }
        // Sort keys are microseconds since 1970 UTC.
        let query = sql.query(
            """
            SELECT floor(\(key) / 86400000000.0)::int8 AS day, count(*) FROM \(table)
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY day ORDER BY day
            """)
        let logger = logger
        return try await read { connection in
            var days: [DayCount] = []
            for try await (day, articles) in try await connection.query(query, logger: logger)
                .decode((Int64, Int64).self)
            {
                days.append(DayCount(daysSince1970: day, articles: Int(articles)))
            }
            return days
        }
    }

    public func risingEntities(in period: DateInterval, limit: Int) async throws(StoreError) -> [EntityTrend] {
        let start = SortKey.of(period.start)
        let earlier = SortKey.of(period.start.addingTimeInterval(-period.duration))
        let end = SortKey.of(period.end)
        // The articles of both periods come off the publication index; their links, off the primary key.
        let query: PostgresQuery = """
            SELECT e.id, e.type, e.canonical, e.article_count, e.mention_count, NULL::text, t.recent, t.earlier
            FROM (SELECT x.entity_id, count(*) FILTER (WHERE a.sort_key >= \(start)) AS recent,
                         count(*) FILTER (WHERE a.sort_key < \(start)) AS earlier
                  FROM articles a JOIN article_entities x ON x.article_id = a.id
                  WHERE a.sort_key >= \(earlier) AND a.sort_key < \(end)
                  GROUP BY x.entity_id) t
            JOIN entities e ON e.id = t.entity_id
            WHERE e.type <> 'DATE' AND t.recent > t.earlier
            ORDER BY t.recent - t.earlier DESC, t.recent DESC, e.id LIMIT \(max(1, limit))
            """
        let logger = logger
        return try await read { connection in
            var trends: [EntityTrend] = []
            for try await row in try await connection.query(query, logger: logger)
                .decode((String, String, String, Int32, Int32, String?, Int64, Int64).self)
            {
                if let summary = Self.summary((row.0, row.1, row.2, row.3, row.4, row.5)) {
                    trends.append(
                        EntityTrend(entity: summary, recentArticles: Int(row.6), earlierArticles: Int(row.7)))
                }
            }
            return trends
        }
    }

    private func integers(_ query: PostgresQuery) async throws(StoreError) -> [Int64] {
        let logger = logger
        return try await read { connection in
            var values: [Int64] = []
            for try await value in try await connection.query(query, logger: logger).decode(Int64.self) {
                values.append(value)
            }
            return values
        }
    }
}
