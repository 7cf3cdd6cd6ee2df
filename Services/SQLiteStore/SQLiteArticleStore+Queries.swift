public import ArticleModel
import Foundation
import GRDB
public import StorePort

extension SQLiteArticleStore {
    public func searchArticles(_ search: ArticleSearch, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        let searchPlan = try SearchPlan(search, after: try token.map(PageCursor.init))
        let limit = max(1, limit)
        let rows = try await read { db in
            var plan = searchPlan
            if let window = plan.relevanceWindow {
                // The rowid of the window's oldest match bounds the rows BM25 ranks.
                let oldest = try Int64.fetchOne(db, SQLRequest<Int64>(literal: window))
                if let oldest { plan.conditions.append("s.rowid >= \(oldest)") }
            }
            let keys = try Row.fetchAll(db, SQLRequest<Row>(literal: plan.page(limit: limit + 1))).map {
                row -> (String, PageToken) in
                let id: String = row["id"]
                return (id, plan.cursor(after: row, id: id).token)
            }
            // Listing columns for one page only: reading bodies for every match would cost more than the search.
            let ids = keys.map(\.0)
            let listings = try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT id, url, source, title, published_at, enrichment_version,
                               substr(body, 1, \(ArticleListing.snippetLength)) AS snippet
                        FROM articles WHERE id IN \(ids)
                        """)
            ).reduce(into: [String: ArticleListing]()) { listings, row in
                listings[row["id"]] = ArticleListing(
                    id: row["id"], url: row["url"], source: row["source"], title: row["title"],
                    publishedAt: row["published_at"], bodyStart: row["snippet"],
                    enrichmentVersion: row["enrichment_version"])
            }
            return keys.compactMap { id, cursor in listings[id].map { ($0, cursor) } }
        }
        return ResultPage(of: rows, limit: limit)
    }

    public func entities(type: EntityType?, prefix: String, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<EntitySummary>
    {
        var conditions: [SQL] = ["e.article_count > 0"]
        if let type { conditions.append("e.type = \(type.rawValue)") }
        let key = SearchKeys.name(prefix)
        if !key.isEmpty {
            // A range on the key rather than LIKE: no wildcard in the prefix can widen it.
            conditions.append("e.canonical_key >= \(key) AND e.canonical_key < \(key + "\u{10FFFF}")")
        }
        switch try token.map(PageCursor.init) {
        case nil: break
        case .articleCount(let count, let id)?:
            conditions.append("(e.article_count < \(count) OR (e.article_count = \(count) AND e.id > \(id)))")
        default: throw PageToken.mismatched
        }
        let limit = max(1, limit)
        let query: SQL = """
            SELECT \(Self.summaryColumns) FROM entities e WHERE \(conditions.joined(separator: " AND "))
            ORDER BY e.article_count DESC, e.id LIMIT \(limit + 1)
            """
        let summaries = try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).compactMap(Self.summary).map {
                ($0, PageCursor.articleCount($0.articleCount, id: $0.id).token)
            }
        }
        return ResultPage(of: summaries, limit: limit)
    }

    public func entity(id: String) async throws(StoreError) -> EntitySummary? {
        let query: SQL = "SELECT \(Self.summaryColumns) FROM entities e WHERE e.id = \(id) AND e.article_count > 0"
        return try await read { db in try Row.fetchOne(db, SQLRequest<Row>(literal: query)).flatMap(Self.summary) }
    }

    public func entities(named name: String, type: EntityType?, limit: Int) async throws(StoreError)
        -> [EntitySummary]
    {
        guard let keys = SearchKeys.lookup(name) else { return [] }
        let typeCondition: SQL = type.map { "AND e.type = \($0.rawValue)" } ?? ""
        let query: SQL = """
            SELECT \(Self.summaryColumns) FROM entities e
            WHERE e.article_count > 0 \(typeCondition)
              AND (e.canonical_key IN \(keys.canonicalKeys)
                   OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = \(keys.aliasKey)))
            ORDER BY e.article_count DESC, e.id LIMIT \(max(1, limit))
            """
        return try await read { db in try Row.fetchAll(db, SQLRequest<Row>(literal: query)).compactMap(Self.summary) }
    }

    public func coOccurrences(of entityID: String, type: EntityType?, amongNewest newest: Int?, limit: Int)
        async throws(StoreError) -> [CoOccurrence]
    {
        let typeCondition: SQL = type.map { "AND e.type = \($0.rawValue)" } ?? ""
        let window: SQL = newest.map { "LIMIT \(max(1, $0))" } ?? ""
        // CROSS JOIN keeps this entity's links as the outer loop: with a type, SQLite would otherwise start from
        // every entity of the type and walk all their links (0.4 s for places on 100,000 articles).
        let query: SQL = """
            SELECT \(Self.summaryColumns), COUNT(*) AS shared
            FROM (SELECT article_id FROM article_entities WHERE entity_id = \(entityID)
                  ORDER BY published_key DESC, article_id DESC \(window)) mine
            CROSS JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != \(entityID)
            CROSS JOIN entities e ON e.id = other.entity_id
            WHERE TRUE \(typeCondition)
            GROUP BY e.id ORDER BY shared DESC, e.article_count DESC, e.id LIMIT \(max(1, limit))
            """
        return try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).compactMap { row in
                Self.summary(row).map { CoOccurrence(entity: $0, sharedArticles: row["shared"]) }
            }
        }
    }

    /// Only dates have values, and every link of a date carries it: looking further would scan all the links of a
    /// popular place.
    private static let summaryColumns: SQL = """
        e.id, e.type, e.canonical, e.article_count, e.mention_count,
        CASE WHEN e.type = 'DATE' THEN (SELECT value FROM article_entities v WHERE v.entity_id = e.id LIMIT 1) END AS value
        """

    static func summary(_ row: Row) -> EntitySummary? {
        EntityType(rawValue: row["type"]).map {
            EntitySummary(
                id: row["id"], type: $0, canonical: row["canonical"], value: row["value"],
                articleCount: row["article_count"], mentionCount: row["mention_count"])
        }
    }
}
