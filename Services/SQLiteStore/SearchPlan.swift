import ArticleModel
import Foundation
import GRDB
import StorePort

/// The SQL of one article search: the rows that drive it, its conditions and order, and how a row
/// becomes the cursor of the next page.
///
/// Three shapes, each walking an index in result order so a page stops after its rows: the
/// full-text index (rowids in publication order, or BM25 within a window of the newest matches),
/// an entity's links (publication order), or all articles (publication order).
struct SearchPlan {
    private enum Kind {
        case newestText, relevance, published
    }

    /// Everything a row must satisfy; the caller may add a bound before building the page.
    var conditions: [SQL] = []
    /// For relevance: the query whose single value is the rowid of the oldest match in the window.
    private(set) var relevanceWindow: SQL?
    private let kind: Kind
    private let source: SQL
    private let idColumn: SQL
    private let sortKey: SQL
    private let order: SQL

    init(_ search: ArticleSearch, after cursor: PageCursor?) throws(StoreError) {
        var entityIDs = search.entityIDs[...]
        let match = Self.match(SearchKeys.queryTerms(search.text))
        var source: SQL
        let drivenByArticles: Bool
        if let match {
            (source, idColumn, drivenByArticles) = ("article_search s", "s.article_id", false)
            conditions.append("article_search MATCH \(match)")
            switch search.order {
            case .newest: (kind, sortKey, order) = (.newestText, "s.rowid", "s.rowid DESC")
            case .relevance: (kind, sortKey, order) = (.relevance, "s.rank", "s.rank, s.article_id")
            }
        } else if let first = entityIDs.popFirst() {
            (source, idColumn, sortKey, drivenByArticles) = (
                "article_entities d", "d.article_id", "d.published_key", false
            )
            (kind, order) = (.published, "d.published_key DESC, d.article_id DESC")
            conditions.append("d.entity_id = \(first)")
        } else {
            (source, idColumn, sortKey, drivenByArticles) = ("articles a", "a.id", "COALESCE(a.published_at, '')", true)
            (kind, order) = (.published, "COALESCE(a.published_at, '') DESC, a.id DESC")
        }

        // Publication dates bound the index being walked: rowids of the full-text index encode them, the other
        // two sort by them. Unknown dates ('' or negative rowids) match no date bound.
        if let from = search.publishedFrom {
            conditions.append(match != nil ? "s.rowid >= \(SearchRowID.first(at: from))" : "\(sortKey) >= \(from)")
        }
        if let before = search.publishedBefore {
            conditions.append(
                match != nil
                    ? "s.rowid >= 0 AND s.rowid < \(SearchRowID.first(at: before))"
                    : "\(sortKey) != '' AND \(sortKey) < \(before)")
        }
        if kind == .relevance {
            // The window counts text matches in the date range only: counting matches of the other filters too
            // would walk most of the index when they are selective.
            relevanceWindow = """
                SELECT s.rowid FROM article_search s WHERE \(conditions.joined(separator: " AND "))
                ORDER BY s.rowid DESC LIMIT 1 OFFSET \(ArticleSearch.relevanceWindow - 1)
                """
        }
        for id in entityIDs {
            conditions.append(
                "EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = \(idColumn) AND x.entity_id = \(id))")
        }
        if let type = search.entityType {
            // CROSS JOIN keeps the article's few links as the outer loop, not every entity of the type.
            conditions.append(
                """
                EXISTS (SELECT 1 FROM article_entities x CROSS JOIN entities e ON e.id = x.entity_id
                        WHERE x.article_id = \(idColumn) AND e.type = \(type.rawValue))
                """)
        }
        if let wanted = search.source {
            if !drivenByArticles { source += " CROSS JOIN articles a ON a.id = \(idColumn)" }
            conditions.append("a.source = \(wanted)")
        }
        self.source = source

        switch (kind, cursor) {
        case (_, nil): break
        case (.newestText, .searchRow(let rowid)?): conditions.append("s.rowid < \(rowid)")
        case (.relevance, .rank(let rank, let id)?):
            conditions.append("(s.rank > \(rank) OR (s.rank = \(rank) AND s.article_id > \(id)))")
        case (.published, .published(let key, let id)?):
            conditions.append("(\(sortKey) < \(key) OR (\(sortKey) = \(key) AND \(idColumn) < \(id)))")
        default: throw PageToken.mismatched
        }
    }

    /// An FTS5 query that matches texts holding every one of `terms`; nil when there are none.
    private static func match(_ terms: [String]) -> String? {
        guard !terms.isEmpty else { return nil }
        // Quoted: a term is a string to FTS5, never an operator, whatever the user typed.
        return terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    /// The ids and sort keys of one page of `limit` rows.
    func page(limit: Int) -> SQL {
        let where_: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return
            "SELECT \(idColumn) AS id, \(sortKey) AS sort_key FROM \(source) \(where_) ORDER BY \(order) LIMIT \(limit)"
    }

    /// The number of matching rows, counted up to `limit`.
    func count(upTo limit: Int) -> SQL {
        "SELECT COUNT(*) FROM (" + page(limit: limit) + ")"
    }

    /// The cursor of the page that starts after `row`.
    func cursor(after row: Row, id: String) -> PageCursor {
        switch kind {
        case .newestText: .searchRow(row["sort_key"])
        case .relevance: .rank(row["sort_key"], id: id)
        case .published: .published(row["sort_key"], id: id)
        }
    }
}
