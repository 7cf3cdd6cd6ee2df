import Foundation
import Logging
import PostgresNIO
import StorePort

/// How a search by relevance finds the newest matches it ranks (``ArticleSearch/relevanceWindow`` of them).
enum RelevanceWindow: Sendable {
    /// Articles newest first, each tested, until the window is full: few rows when the words are common.
    case walk
    /// Every match through the GIN index of the narrow `article_terms` table, then the window's articles by id: few
    /// rows when the words are not common.
    case termIndex

    /// The cheaper way for `terms`, from the planner's estimates of their matches (the statistics `ANALYZE` keeps of
    /// the lexemes, or its defaults before the first `ANALYZE`).
    static func cheaper(for terms: [String], on connection: PostgresConnection, logger: Logger) async throws
        -> RelevanceWindow
    {
        let text = terms.joined(separator: " ")
        let matches = try await plannedRows(
            "SELECT 1 FROM articles WHERE search_vector @@ plainto_tsquery('simple', \(text))", connection, logger)
        let articles = try await plannedRows("SELECT 1 FROM articles", connection, logger)
        return cheaper(matches: matches, articles: articles, window: Double(ArticleSearch.relevanceWindow))
    }

    /// The cheaper way to the `window` newest of `matches` among `articles`.
    ///
    /// The walk reads about `window × articles ÷ matches` article rows, at most all of them. The term index reads
    /// every match, each about a third of a walked article row (measured on 100,000 articles of 6 KB), then looks up
    /// the window's articles by id, each about two. On 100,000 articles the index wins below about 14% matching.
    static func cheaper(matches: Double, articles: Double, window: Double) -> RelevanceWindow {
        let walked = min(articles, window * articles / max(matches, 1))
        let indexed = matches / 3 + 2 * min(window, matches)
        return indexed < walked ? .termIndex : .walk
    }

    /// The rows the planner expects `query` to return.
    private static func plannedRows(_ query: PostgresQuery, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> Double
    {
        struct Explained: Decodable {
            struct Plan: Decodable {
                let rows: Double
                enum CodingKeys: String, CodingKey { case rows = "Plan Rows" }
            }
            let plan: Plan
            enum CodingKeys: String, CodingKey { case plan = "Plan" }
        }
        let explain = PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT JSON) " + query.sql, binds: query.binds)
        var json = ""
        for try await line in try await connection.query(explain, logger: logger).decode(String.self) {
            json += line
        }
        return try JSONDecoder().decode([Explained].self, from: Data(json.utf8)).first?.plan.rows ?? 0
    }
}
