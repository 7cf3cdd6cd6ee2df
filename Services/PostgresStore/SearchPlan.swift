import ArticleModel
import PostgresNIO
import StorePort

/// The SQL of one article search in PostgreSQL: which rows drive it, its conditions and order, and how a row
/// becomes the cursor of the next page.
///
/// Three shapes: text matches through the GIN index on `search_vector` (newest first, or by rank within a window of
/// the newest matches that ``RelevanceWindow`` finds), an entity's links in publication order, or all articles in
/// publication order. Each query returns the id, the sort key, the rank and the size of the window ranked (both 0 when
/// not ranked).
struct SearchPlan {
    private enum Kind {
        case newestText, relevance, published
    }

    private let kind: Kind
    let query: PostgresQuery

    /// - Parameter relevanceWindow: how a search by relevance finds the newest matches it ranks.
    init(_ search: ArticleSearch, after cursor: PageCursor?, limit: Int, relevanceWindow: RelevanceWindow = .walk)
        throws(StoreError)
    {
        var sql = SQLBuilder()
        var entityIDs = search.entityIDs[...]
        let terms = SearchKeys.queryTerms(search.text)
        var conditions: [String] = []
        var source: String
        var queryText = ""
        let idColumn: String
        let sortColumn: String
        if !terms.isEmpty {
            kind = search.order == .relevance ? .relevance : .newestText
            source = "articles a"
            queryText = sql.bind(terms.joined(separator: " "))
            let vector: String
            if kind == .relevance, case .termIndex(let since) = relevanceWindow {
                (idColumn, sortColumn, vector) = ("t.article_id", "t.sort_key", "t.terms")
                if let since { conditions.append("t.sort_key >= \(sql.bind(since))") }
            } else {
                (idColumn, sortColumn, vector) = ("a.id", "a.sort_key", "a.search_vector")
            }
            conditions.append("\(vector) @@ plainto_tsquery('simple', \(queryText))")
        } else if let first = entityIDs.popFirst() {
            kind = .published
            source = "article_entities d"
            (idColumn, sortColumn) = ("d.article_id", "d.sort_key")
            conditions.append("d.entity_id = \(sql.bind(first))")
        } else {
            kind = .published
            source = "articles a"
            (idColumn, sortColumn) = ("a.id", "a.sort_key")
        }
        // Unknown dates (the lowest sort key) match no date bound.
        if let from = search.publishedFrom {
            conditions.append("\(sortColumn) >= \(sql.bind(SortKey.of(from)))")
        }
        if let before = search.publishedBefore {
            conditions.append(
                "\(sortColumn) > \(sql.bind(SortKey.unknown)) AND \(sortColumn) < \(sql.bind(SortKey.of(before)))")
        }
        // The relevance window counts text matches in the date range only, as the SQLite store does; the other
        // conditions filter the window's rows, which carry what they need.
        let windowConditions = conditions
        conditions = []
        let row = kind == .relevance ? (id: "w.id", source: "w.source") : (id: idColumn, source: "a.source")
        for id in entityIDs {
            conditions.append(
                "EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = \(row.id) AND x.entity_id = \(sql.bind(id)))"
            )
        }
        if let type = search.entityType {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM article_entities x JOIN entities e ON e.id = x.entity_id
                        WHERE x.article_id = \(row.id) AND e.type = \(sql.bind(type.rawValue)))
                """)
        }
        if let wanted = search.source {
            if source.hasPrefix("article_entities") { source += " JOIN articles a ON a.id = \(idColumn)" }
            conditions.append("\(row.source) = \(sql.bind(wanted))")
        }

        switch (kind, cursor) {
        case (_, nil): break
        case (.relevance, .rank(let rank, let id)?):
            let (rank, id) = (sql.bind(rank), sql.bind(id))
            conditions.append("(w.rank < \(rank) OR (w.rank = \(rank) AND w.id > \(id)))")
        case (.newestText, .published(let key, let id)?), (.published, .published(let key, let id)?):
            let (key, id) = (sql.bind(key), sql.bind(id))
            conditions.append("(\(sortColumn) < \(key) OR (\(sortColumn) = \(key) AND \(idColumn) < \(id)))")
        default: throw PageToken.mismatched
        }

        if kind == .relevance {
            let outer = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let window = windowConditions.joined(separator: " AND ")
            let rank = "ts_rank(a.search_vector, plainto_tsquery('simple', \(queryText))) AS rank"
            let newest =
                switch relevanceWindow {
                case .walk:
                    """
                    SELECT a.id, a.source, a.sort_key, \(rank) FROM articles a WHERE \(window)
                    ORDER BY a.sort_key DESC, a.id DESC LIMIT \(ArticleSearch.relevanceWindow)
                    """
                case .termIndex:
                    """
                    SELECT a.id, a.source, a.sort_key, \(rank) FROM (
                        SELECT t.article_id FROM article_terms t WHERE \(window)
                        ORDER BY t.sort_key DESC, t.article_id DESC LIMIT \(ArticleSearch.relevanceWindow)) t
                    JOIN articles a ON a.id = t.article_id
                    """
                }
            query = sql.query(
                """
                WITH w AS (\(newest))
                SELECT w.id, w.sort_key, w.rank, (SELECT count(*) FROM w) FROM w \(outer)
                ORDER BY w.rank DESC, w.id LIMIT \(limit)
                """)
        } else {
            let all = windowConditions + conditions
            let whereClause = all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")
            query = sql.query(
                """
                SELECT \(idColumn), \(sortColumn), 0::float4, 0::int8 FROM \(source) \(whereClause)
                ORDER BY \(sortColumn) DESC, \(idColumn) DESC LIMIT \(limit)
                """)
        }
    }

    /// The cursor of the page that starts after this row.
    func cursor(id: String, sortKey: Int64, rank: Float) -> PageCursor {
        kind == .relevance ? .rank(rank, id: id) : .published(sortKey, id: id)
    }
}
