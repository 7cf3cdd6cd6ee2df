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

    public init(
        text: String = "", entityIDs: [String] = [], entityType: EntityType? = nil, publishedFrom: Date? = nil,
        publishedBefore: Date? = nil, source: String? = nil
    ) {
        self.text = text
        self.entityIDs = entityIDs
        self.entityType = entityType
        self.publishedFrom = publishedFrom
        self.publishedBefore = publishedBefore
        self.source = source
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

    /// Stored articles that satisfy `search`: best match first when it has text, otherwise newest first.
    ///
    /// - Parameter cursor: where the page starts; `next` of the previous page of the same search.
    /// - Throws: `StoreError`; `.invalidCursor` if `cursor` belongs to a different kind of search.
    public func searchArticles(_ search: ArticleSearch, after cursor: PageCursor? = nil, limit: Int = 20)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        var conditions: [SQL] = []
        let source: SQL
        let sortKey: SQL
        let order: SQL
        var entityIDs = search.entityIDs[...]
        let match = SearchTerms.match(search.text)
        if let match {
            (source, sortKey, order) = (
                "article_search s JOIN articles a ON a.id = s.article_id", "s.rank", "s.rank, a.id"
            )
            conditions.append("article_search MATCH \(match)")
            switch cursor {
            case nil: break
            case .rank(let rank, let id)?:
                conditions.append("(s.rank > \(rank) OR (s.rank = \(rank) AND a.id > \(id)))")
            default: throw Self.mismatchedCursor
            }
        } else {
            if let first = entityIDs.popFirst() {
                // Driven by the entity's own index, already in publication order.
                (source, sortKey) = ("article_entities d JOIN articles a ON a.id = d.article_id", "d.published_key")
                order = "d.published_key DESC, d.article_id DESC"
                conditions.append("d.entity_id = \(first)")
            } else {
                (source, sortKey) = ("articles a", "COALESCE(a.published_at, '')")
                order = "COALESCE(a.published_at, '') DESC, a.id DESC"
            }
            switch cursor {
            case nil: break
            case .published(let key, let id)?:
                conditions.append("(\(sortKey) < \(key) OR (\(sortKey) = \(key) AND a.id < \(id)))")
            default: throw Self.mismatchedCursor
            }
        }
        for id in entityIDs {
            conditions.append(
                "EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = \(id))")
        }
        if let type = search.entityType {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM article_entities x JOIN entities e ON e.id = x.entity_id
                        WHERE x.article_id = a.id AND e.type = \(type.rawValue))
                """)
        }
        if let from = search.publishedFrom { conditions.append("a.published_at >= \(from)") }
        if let before = search.publishedBefore { conditions.append("a.published_at < \(before)") }
        if let wanted = search.source { conditions.append("a.source = \(wanted)") }

        let limit = max(1, limit)
        let where_: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let query: SQL = """
            SELECT a.id, a.url, a.source, a.title, a.published_at, a.enrichment_version,
                   substr(a.body, 1, \(Self.snippetLength)) AS snippet, \(sortKey) AS sort_key
            FROM \(source) \(where_) ORDER BY \(order) LIMIT \(limit + 1)
            """
        let ranked = match != nil
        let rows = try await read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: query)).map { row in
                let listing = ArticleListing(
                    id: row["id"], url: row["url"], source: row["source"], title: row["title"],
                    publishedAt: row["published_at"], snippet: Self.snippet(row["snippet"]),
                    enrichmentVersion: row["enrichment_version"])
                let cursor: PageCursor =
                    ranked ? .rank(row["sort_key"], id: listing.id) : .published(row["sort_key"], id: listing.id)
                return (listing, cursor)
            }
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

    private static let summaryColumns: SQL = """
        e.id, e.type, e.canonical, e.article_count, e.mention_count,
        (SELECT value FROM article_entities v WHERE v.entity_id = e.id AND v.value IS NOT NULL LIMIT 1) AS value
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

    private static var mismatchedCursor: StoreError {
        StoreError(.invalidCursor, "the page token belongs to a different kind of query")
    }

    /// Runs a read, turning database errors into `StoreError`.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError.from(error)
        }
    }
}
