public import ArticleModel
public import Foundation
import GRDB

/// What to look for among stored articles. Every condition that is set must hold.
public struct ArticleSearch: Sendable, Equatable {
    /// Words that must all occur in the title or body; spelling variants, clitics and the article do not
    /// matter (``SearchTerms``). Empty: no text condition, newest first.
    public var text: String
    /// Articles that mention every one of these entities.
    public var entityIDs: [String]
    /// Articles that mention at least one entity of this type.
    public var entityType: EntityType?
    /// Published at or after this instant.
    public var publishedFrom: Date?
    /// Published before this instant.
    public var publishedBefore: Date?
    /// Exactly this source.
    public var source: String?
    /// The order of results when there is text.
    public var order: Order

    /// How text search results are ordered.
    public enum Order: Sendable, Equatable {
        /// Newest publication first, undated last; every match can be paged through.
        case newest
        /// Best match first (FTS5's BM25), among the ``ArticleStore/relevanceWindow`` newest text matches in the
        /// date range; the other filters apply within them.
        case relevance
    }

    public init(
        text: String = "", entityIDs: [String] = [], entityType: EntityType? = nil, publishedFrom: Date? = nil,
        publishedBefore: Date? = nil, source: String? = nil, order: Order = .newest
    ) {
        self.text = text
        self.entityIDs = entityIDs
        self.entityType = entityType
        self.publishedFrom = publishedFrom
        self.publishedBefore = publishedBefore
        self.source = source
        self.order = order
    }
}

/// A stored article as a result list shows it: no entities, the body cut to a snippet.
public struct ArticleListing: Sendable, Equatable {
    public let id: String
    public let url: String?
    public let source: String?
    public let title: String
    public let publishedAt: Date?
    public let snippet: String
    public let enrichmentVersion: String
}

/// One page of a list, and the cursor of the next page when there is one.
public struct ResultPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public let items: [Item]
    public let next: PageCursor?
}

/// An entity with how often stored articles mention it.
public struct EntitySummary: Sendable, Equatable {
    public let id: String
    public let type: EntityType
    public let canonical: String
    /// The normalized value of a DATE.
    public let value: String?
    public let articleCount: Int
    public let mentionCount: Int
}

/// An entity that appears in the same articles as another one.
public struct CoOccurrence: Sendable, Equatable {
    public let entity: EntitySummary
    /// The number of stored articles that mention both.
    public let sharedArticles: Int
}

extension ArticleStore {
    /// The characters of a body a listing keeps as its snippet.
    static let snippetLength = 240

    /// The newest matches a relevance-ordered search ranks: ranking every match of a common word would cost
    /// a sort of most of the store per call.
    public static let relevanceWindow = 1_000

    /// Stored articles that satisfy `search`, newest first, or best match first when it has text and asks so.
    ///
    /// - Parameter cursor: where the page starts; `next` of the previous page of the same search.
    /// - Throws: `StoreError`; `.invalidCursor` if `cursor` belongs to a different kind of search.
    public func searchArticles(_ search: ArticleSearch, after cursor: PageCursor? = nil, limit: Int = 20)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        let searchPlan = try SearchPlan(search, after: cursor)
        let limit = max(1, limit)
        let rows = try await read { db in
            var plan = searchPlan
            if let window = plan.relevanceWindow {
                // The rowid of the window's oldest match bounds the rows BM25 ranks.
                let oldest = try Int64.fetchOne(db, SQLRequest<Int64>(literal: window))
                if let oldest { plan.conditions.append("s.rowid >= \(oldest)") }
            }
            let keys = try Row.fetchAll(db, SQLRequest<Row>(literal: plan.page(limit: limit + 1))).map {
                row -> (String, PageCursor) in
                let id: String = row["id"]
                return (id, plan.cursor(after: row, id: id))
            }
            // Listing columns for one page only: reading bodies for every match would cost more than the search.
            let ids = keys.map(\.0)
            let listings = try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT id, url, source, title, published_at, enrichment_version,
                               substr(body, 1, \(Self.snippetLength)) AS snippet
                        FROM articles WHERE id IN \(ids)
                        """)
            ).reduce(into: [String: ArticleListing]()) { listings, row in
                listings[row["id"]] = ArticleListing(
                    id: row["id"], url: row["url"], source: row["source"], title: row["title"],
                    publishedAt: row["published_at"], snippet: Self.snippet(row["snippet"]),
                    enrichmentVersion: row["enrichment_version"])
            }
            return keys.compactMap { id, cursor in listings[id].map { ($0, cursor) } }
        }
        return Self.page(of: rows, limit: limit)
    }

    /// The articles that mention `entityID`, newest publication first (unknown dates last).
    public func articles(mentioning entityID: String, after cursor: PageCursor? = nil, limit: Int = 20)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        try await searchArticles(ArticleSearch(entityIDs: [entityID]), after: cursor, limit: limit)
    }

    /// Entities mentioned by at least one stored article, most articles first; optionally of one type, or whose
    /// canonical form starts with `prefix` (compared by matching key, so spelling variants do not matter).
    public func entities(type: EntityType? = nil, prefix: String = "", after cursor: PageCursor? = nil, limit: Int = 50)
        async throws(StoreError) -> ResultPage<EntitySummary>
    {
        var conditions: [SQL] = ["e.article_count > 0"]
        if let type { conditions.append("e.type = \(type.rawValue)") }
        let key = EntityRecord.key(of: prefix)
        if !key.isEmpty {
            // A range on the key rather than LIKE: no wildcard in the prefix can widen it.
            conditions.append("e.canonical_key >= \(key) AND e.canonical_key < \(key + "\u{10FFFF}")")
        }
        switch cursor {
        case nil: break
        case .articleCount(let count, let id)?:
            conditions.append("(e.article_count < \(count) OR (e.article_count = \(count) AND e.id > \(id)))")
        default: throw Self.mismatchedCursor
        }
        let limit = max(1, limit)
        let query: SQL = """
            SELECT \(Self.summaryColumns) FROM entities e WHERE \(conditions.joined(separator: " AND "))
            ORDER BY e.article_count DESC, e.id LIMIT \(limit + 1)
            """
        let summaries = try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).compactMap(Self.summary).map {
                ($0, PageCursor.articleCount($0.articleCount, id: $0.id))
            }
        }
        return Self.page(of: summaries, limit: limit)
    }

    /// The first `limit` of `rows` (fetched one more than `limit`), continuing after the last one if more exist.
    private static func page<Item>(of rows: [(Item, PageCursor)], limit: Int) -> ResultPage<Item> {
        let items = rows.prefix(limit)
        return ResultPage(items: items.map(\.0), next: rows.count > limit ? items.last?.1 : nil)
    }

    /// The entity with this id, if a stored article mentions it.
    public func entity(id: String) async throws(StoreError) -> EntitySummary? {
        let query: SQL = "SELECT \(Self.summaryColumns) FROM entities e WHERE e.id = \(id) AND e.article_count > 0"
        return try await read { db in try Row.fetchOne(db, SQLRequest<Row>(literal: query)).flatMap(Self.summary) }
    }

    /// The entities most often mentioned in the same articles as `entityID`, most shared articles first;
    /// optionally only those of one type.
    public func coOccurrences(of entityID: String, type: EntityType? = nil, limit: Int = 20)
        async throws(StoreError) -> [CoOccurrence]
    {
        let typeCondition: SQL = type.map { "AND e.type = \($0.rawValue)" } ?? ""
        let query: SQL = """
            SELECT \(Self.summaryColumns), COUNT(*) AS shared
            FROM article_entities mine
            JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != mine.entity_id
            JOIN entities e ON e.id = other.entity_id
            WHERE mine.entity_id = \(entityID) \(typeCondition)
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

    private static func summary(_ row: Row) -> EntitySummary? {
        EntityType(rawValue: row["type"]).map {
            EntitySummary(
                id: row["id"], type: $0, canonical: row["canonical"], value: row["value"],
                articleCount: row["article_count"], mentionCount: row["mention_count"])
        }
    }

    /// The body's first characters, cut back to a whole word.
    private static func snippet(_ start: String) -> String {
        guard start.count >= snippetLength, let lastSpace = start.lastIndex(where: \.isWhitespace) else { return start }
        return start[..<lastSpace] + " …"
    }

    static var mismatchedCursor: StoreError {
        StoreError(.invalidCursor, "the page token belongs to a different kind of query")
    }
}
