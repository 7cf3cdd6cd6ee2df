public import ArticleModel
import Foundation
import PostgresNIO
public import StorePort

extension PostgresArticleStore {
    public func searchArticles(_ search: ArticleSearch, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        try await searchArticles(search, after: token, limit: limit, relevanceWindow: nil)
    }

    /// - Parameter chosen: how a search by relevance reads its window; the cheapest by the planner's estimates when
    ///   nil.
    func searchArticles(
        _ search: ArticleSearch, after token: PageToken?, limit: Int, relevanceWindow chosen: RelevanceWindow?
    )
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        let cursor = try token.map(PageCursor.init)
        let logger = logger
        let rows = try await read { connection in
            let terms = SearchKeys.queryTerms(search.text)
            let window =
                if let chosen { chosen } else if search.order == .relevance && !terms.isEmpty {
                    try await RelevanceWindow.cheapest(for: terms, in: search, on: connection, logger: logger)
                } else { RelevanceWindow.walk }
            @Sendable func page(_ window: RelevanceWindow) async throws -> (keys: [(String, PageToken)], ranked: Int) {
                let plan = try SearchPlan(search, after: cursor, limit: max(1, limit) + 1, relevanceWindow: window)
                var (keys, ranked): ([(String, PageToken)], Int) = ([], 0)
                for try await (id, sortKey, rank, windowSize) in try await connection.query(plan.query, logger: logger)
                    .decode((String, Int64, Float, Int64).self)
                {
                    keys.append((id, plan.cursor(id: id, sortKey: sortKey, rank: rank).token))
                    ranked = Int(windowSize)
                }
                return (keys, ranked)
            }
            let first = try await page(window)
            var keys = first.keys
            // A slice of the newest articles with fewer matches than the window has cut it short: read the index
            // whole. (So is a page with no row, which says nothing of its window; the answer is the same.)
            if case .termIndex(since: _?) = window, first.ranked < ArticleSearch.relevanceWindow {
                keys = try await page(.termIndex(since: nil)).keys
            }
            // Listing columns for one page only: reading bodies for every match would cost more than the search.
            var listings: [String: ArticleListing] = [:]
            let listingRows = try await connection.query(
                """
                SELECT id, url, source, title, published_at, enrichment_version, left(body, \(Int32(ArticleListing.snippetLength)))
                FROM articles WHERE id = ANY(\(keys.map(\.0))::text[])
                """, logger: logger)
            for try await (id, url, source, title, published, version, start) in listingRows.decode(
                (String, String?, String?, String, Date?, String, String).self)
            {
                listings[id] = ArticleListing(
                    id: id, url: url, source: source, title: title, publishedAt: published, bodyStart: start,
                    enrichmentVersion: version)
            }
            return keys.compactMap { id, token in listings[id].map { ($0, token) } }
        }
        return ResultPage(of: rows, limit: max(1, limit))
    }

    public func entities(type: EntityType?, prefix: String, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<EntitySummary>
    {
        var sql = SQLBuilder()
        var conditions = ["e.article_count > 0"]
        if let type { conditions.append("e.type = \(sql.bind(type.rawValue))") }
        let key = SearchKeys.name(prefix)
        if !key.isEmpty {
            // A range on the key rather than LIKE: no wildcard in the prefix can widen it.
            conditions.append(
                "e.canonical_key >= \(sql.bind(key)) AND e.canonical_key < \(sql.bind(key + "\u{10FFFF}"))")
        }
        switch try token.map(PageCursor.init) {
        case nil: break
        case .articleCount(let count, let id)?:
            let (count, id) = (sql.bind(count), sql.bind(id))
            conditions.append("(e.article_count < \(count) OR (e.article_count = \(count) AND e.id > \(id)))")
        default: throw PageToken.mismatched
        }
        let limit = max(1, limit)
        let query = sql.query(
            """
            SELECT \(Self.summaryColumns) FROM entities e WHERE \(conditions.joined(separator: " AND "))
            ORDER BY e.article_count DESC, e.id LIMIT \(limit + 1)
            """)
        let summaries = try await summaries(query).map {
            ($0, PageCursor.articleCount($0.articleCount, id: $0.id).token)
        }
        return ResultPage(of: summaries, limit: limit)
    }

    public func entity(id: String) async throws(StoreError) -> EntitySummary? {
        var sql = SQLBuilder()
        let idPlaceholder = sql.bind(id)
        let query = sql.query(
            "SELECT \(Self.summaryColumns) FROM entities e WHERE e.id = \(idPlaceholder) AND e.article_count > 0")
        return try await summaries(query).first
    }

    public func entities(named name: String, type: EntityType?, limit: Int) async throws(StoreError)
        -> [EntitySummary]
    {
        guard let keys = SearchKeys.lookup(name) else { return [] }
        var sql = SQLBuilder()
        let typeCondition = type.map { "AND e.type = \(sql.bind($0.rawValue))" } ?? ""
        let (canonicalKeys, aliasKey) = (sql.bind(keys.canonicalKeys), sql.bind(keys.aliasKey))
        let query = sql.query(
            """
            SELECT \(Self.summaryColumns) FROM entities e
            WHERE e.article_count > 0 \(typeCondition)
              AND (e.canonical_key = ANY(\(canonicalKeys))
                   OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = \(aliasKey)))
            ORDER BY e.article_count DESC, e.id LIMIT \(max(1, limit))
            """)
        return try await summaries(query)
    }

    public func coOccurrences(of entityID: String, type: EntityType?, amongNewest newest: Int?, limit: Int)
        async throws(StoreError) -> [CoOccurrence]
    {
        var sql = SQLBuilder()
        let mine = sql.bind(entityID)
        let typeCondition = type.map { "AND e.type = \(sql.bind($0.rawValue))" } ?? ""
        let window = newest.map { "LIMIT \(max(1, $0))" } ?? ""
        let query = sql.query(
            """
            SELECT \(Self.summaryColumns), count(*) AS shared
            FROM (SELECT article_id FROM article_entities WHERE entity_id = \(mine)
                  ORDER BY sort_key DESC, article_id DESC \(window)) mine
            JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id <> \(mine)
            JOIN entities e ON e.id = other.entity_id
            WHERE TRUE \(typeCondition)
            GROUP BY e.id ORDER BY shared DESC, e.article_count DESC, e.id LIMIT \(max(1, limit))
            """)
        let logger = logger
        return try await read { connection in
            var results: [CoOccurrence] = []
            for try await row in try await connection.query(query, logger: logger)
                .decode((String, String, String, Int32, Int32, String?, Int64).self)
            {
                if let summary = Self.summary((row.0, row.1, row.2, row.3, row.4, row.5)) {
                    results.append(CoOccurrence(entity: summary, sharedArticles: Int(row.6)))
                }
            }
            return results
        }
    }

    public func stats() async throws(StoreError) -> StoreStats {
        let logger = logger
        return try await read { connection in
            var byType: [EntityType: StoreStats.TypeCount] = [:]
            for try await (type, entities, mentions) in try await connection.query(
                """
                SELECT type, count(*), COALESCE(sum(mention_count), 0)::int8
                FROM entities WHERE article_count > 0 GROUP BY type
                """, logger: logger
            ).decode((String, Int64, Int64).self) {
                if let type = EntityType(rawValue: type) {
                    byType[type] = StoreStats.TypeCount(entities: Int(entities), mentions: Int(mentions))
                }
            }
            func counts(by column: String) async throws -> [StoreStats.ArticleCount] {
                // `column` is one of two fixed names below, never input.
                var counts: [StoreStats.ArticleCount] = []
                let rows = try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT COALESCE(\(column), '') AS key, count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, key"
                    ), logger: logger)
                for try await (key, articles) in rows.decode((String, Int64).self) {
                    counts.append(StoreStats.ArticleCount(key: key, articles: Int(articles)))
                }
                return counts
            }
            var totals: (Int64, Date?, Date?, Date?) = (0, nil, nil, nil)
            for try await row in try await connection.query(
                "SELECT count(*), min(published_at), max(published_at), max(enriched_at) FROM articles", logger: logger
            ).decode((Int64, Date?, Date?, Date?).self) {
                totals = row
            }
            return StoreStats(
                articles: Int(totals.0), byType: byType, bySource: try await counts(by: "source"),
                byEnrichmentVersion: try await counts(by: "enrichment_version"), oldestPublished: totals.1,
                newestPublished: totals.2, lastEnriched: totals.3)
        }
    }

    /// Only dates have values, and every link of a date carries it: looking further would scan all the links of a
    /// popular place.
    static let summaryColumns = """
        e.id, e.type, e.canonical, e.article_count, e.mention_count,
        CASE WHEN e.type = 'DATE' THEN (SELECT value FROM article_entities v WHERE v.entity_id = e.id LIMIT 1) END
        """

    func summaries(_ query: PostgresQuery) async throws(StoreError) -> [EntitySummary] {
        let logger = logger
        return try await read { connection in
            var summaries: [EntitySummary] = []
            for try await row in try await connection.query(query, logger: logger)
                .decode((String, String, String, Int32, Int32, String?).self)
            {
                if let summary = Self.summary(row) { summaries.append(summary) }
            }
            return summaries
        }
    }

    static func summary(_ row: (String, String, String, Int32, Int32, String?)) -> EntitySummary? {
        EntityType(rawValue: row.1).map {
            EntitySummary(
                id: row.0, type: $0, canonical: row.2, value: row.5, articleCount: Int(row.3), mentionCount: Int(row.4))
        }
    }
}
