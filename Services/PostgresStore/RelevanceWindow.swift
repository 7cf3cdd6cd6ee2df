import Foundation
import Logging
import PostgresNIO
import StorePort

/// How a search by relevance finds the newest matches it ranks (``ArticleSearch/relevanceWindow`` of them).
enum RelevanceWindow: Sendable, Equatable {
    /// Articles newest first, each tested, until the window is full: few rows when the words are common.
    case walk
    /// The matches through the GIN index of the narrow `article_terms` table, newest first, then the window's articles
    /// by id: few rows when the words are not common.
    ///
    /// With `since`, the index reads only the matches at or after that sort key (the index holds the sort key beside
    /// the terms), a slice of the newest articles expected to hold the window twice over. A window that comes out
    /// short was cut by the slice, and is read again without it.
    case termIndex(since: Int64?)

    /// The ways the estimates choose between, before a slice's start is looked up.
    enum Way: Equatable {
        case walk
        case termIndex
        /// The term index within the newest `share` of the articles.
        case termIndexInNewest(share: Double)
    }

    /// The cheapest way for `terms` in `search`, from the planner's estimates of their matches and the sort keys'
    /// histogram (the statistics `ANALYZE` keeps, or its defaults before the first `ANALYZE`).
    static func cheapest(
        for terms: [String], in search: ArticleSearch, on connection: PostgresConnection, logger: Logger
    ) async throws -> RelevanceWindow {
        let text = terms.joined(separator: " ")
        // Both estimates from one plan: its two branches.
        let estimates = try await plannedRows(
            """
            SELECT 1 FROM articles WHERE search_vector @@ plainto_tsquery('simple', \(text))
            UNION ALL SELECT 1 FROM articles
            """, connection, logger)
        guard estimates.count == 2 else { return .termIndex(since: nil) }
        let (matches, articles) = (estimates[0], estimates[1])
        switch cheapest(matches: matches, articles: articles, window: Double(ArticleSearch.relevanceWindow)) {
        case .walk:
            return .walk
        case .termIndex:
            return .termIndex(since: nil)
        case .termIndexInNewest(let share):
            // An upper date bound may lie below the newest slice; such a search takes the whole index.
            guard search.publishedBefore == nil else { return .termIndex(since: nil) }
            let histogram = try await sortKeyHistogram(connection, logger)
            return .termIndex(since: sliceStart(histogram: histogram, share: share))
        }
    }

    /// The cheapest way to the `window` newest of `matches` among `articles`, in units of one walked article row
    /// (measured on 100,000 articles of 6 KB, each way alone, warm):
    /// - the walk reads about `window × articles ÷ matches` article rows, at most all of them;
    /// - the term index reads every match, about one walked row each, then fetches and ranks the window's
    ///   articles by id, about two and a half each;
    /// - within the newest slice that should hold twice the window, it reads that many matches, and the index
    ///   steps over the slice's sort keys, about a fifteenth of a row each.
    ///
    /// So a word in 7.5% of 100,000 articles costs the walk 13,300 rows (18 ms), the whole index 10,000 (9 ms
    /// before ranking) and the slice 6,300 (5 ms); the walk is cheapest above about 20%.
    static func cheapest(matches: Double, articles: Double, window: Double) -> Way {
        let matches = max(matches, 1)
        let ranked = 2.5 * min(window, matches)
        let walked = min(articles, window * articles / matches)
        var best = (way: Way.walk, cost: walked)
        let indexed = matches + ranked
        if indexed < best.cost { best = (.termIndex, indexed) }
        // Twice the window, for the estimates' error; a slice of most of the articles saves nothing.
        let share = 2 * window / matches
        if share <= 0.5 {
            let sliced = 2 * window + ranked + share * articles / 15
            if sliced < best.cost { best = (.termIndexInNewest(share: share), sliced) }
        }
        return best.way
    }

    /// The sort key from which the newest `share` of the articles lie, by the `histogram` of their sort keys (its
    /// bounds ascending, each bucket an equal share of the rows); nil without a histogram. Articles saved since the
    /// histogram was made only widen the slice.
    static func sliceStart(histogram: [Int64], share: Double) -> Int64? {
        guard histogram.count >= 2, share > 0, share < 1 else { return nil }
        let buckets = Double(histogram.count - 1)
        return histogram[Int((buckets * (1 - share)).rounded(.down))]
    }

    /// The bounds of the histogram `ANALYZE` keeps of `article_terms.sort_key`; empty before the first.
    private static func sortKeyHistogram(_ connection: PostgresConnection, _ logger: Logger) async throws -> [Int64] {
        let rows = try await connection.query(
            """
            SELECT histogram_bounds::text::int8[] FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'article_terms' AND attname = 'sort_key'
            """, logger: logger)
        for try await bounds in rows.decode([Int64].self) { return bounds }
        return []
    }

    /// The rows the planner expects each branch of `query`, a UNION ALL, to return.
    private static func plannedRows(_ query: PostgresQuery, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> [Double]
    {
        struct Explained: Decodable {
            struct Plan: Decodable {
                let rows: Double
                let branches: [Plan]?
                enum CodingKeys: String, CodingKey {
                    case rows = "Plan Rows"
                    case branches = "Plans"
                }
            }
            let plan: Plan
            enum CodingKeys: String, CodingKey { case plan = "Plan" }
        }
        let explain = PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT JSON) " + query.sql, binds: query.binds)
        var json = ""
        for try await line in try await connection.query(explain, logger: logger).decode(String.self) {
            json += line
        }
        let plan = try JSONDecoder().decode([Explained].self, from: Data(json.utf8)).first?.plan
        return plan?.branches?.map(\.rows) ?? []
    }
}
