public import ArticleModel
import Foundation
public import StorePort

/// One stored article per line, for `akhbar-enricher export`: CSV for spreadsheets, JSON Lines for programs.
public struct ArticleExport: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case csv
        case jsonl
    }

    public let format: Format
    /// Whether each line carries the clean body.
    public let includesBody: Bool

    public init(format: Format, includesBody: Bool) {
        self.format = format
        self.includesBody = includesBody
    }

    /// The CSV header line; `nil` for JSON Lines.
    public var header: String? {
        guard format == .csv else { return nil }
        return Self.csvRow(
            ["id", "published_at", "source", "url", "title", "entities", "enrichment_version"]
                + (includesBody ? ["body"] : []))
    }

    /// The line of one article. In CSV its entities are `TYPE:canonical` joined by " | ".
    public func line(_ article: EnrichedArticle) -> String {
        guard format == .csv else { return JSONLines.article(article, includeBody: includesBody) }
        return Self.csvRow(
            [
                article.articleID, article.publishedAt.map(JSONLines.rfc3339) ?? "", article.source ?? "",
                article.url ?? "", article.title,
                article.entities.map { "\($0.type.rawValue):\($0.canonical)" }.joined(separator: " | "),
                article.enrichmentVersion,
            ] + (includesBody ? [article.body] : []))
    }

    /// Articles read per store query; memory holds one page at a time.
    public static let pageSize = 200

    /// Writes the header, if the format has one, then one line per article of `search` in the order the store
    /// returns them, a page at a time.
    public func write(_ search: ArticleSearch, from store: any ArticleStore, line emit: (String) async throws -> Void)
        async throws
    {
        if let header { try await emit(header) }
        var token: PageToken?
        repeat {
            let page = try await store.searchArticles(search, after: token, limit: Self.pageSize)
            for listing in page.items {
                // An article deleted between the page and this read is left out, not an error.
                if let article = try await store.article(id: listing.id) { try await emit(line(article)) }
            }
            token = page.next
        } while token != nil
    }

    /// Fields as RFC 4180 writes them: a field holding a comma, a quote or a line break is quoted, its quotes
    /// doubled.
    static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        .joined(separator: ",")
    }
}
