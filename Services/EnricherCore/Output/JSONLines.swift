public import ArticleModel
public import Foundation

/// JSON Lines renderings of enricher results: one object per line, keys sorted (the same bytes in every run),
/// times in RFC 3339 UTC with fractional seconds.
public enum JSONLines {
    /// One stored article: `id`, `title`, `url`, `source`, `published_at`, `enrichment_version`,
    /// `enriched_at`, `body` (with `--body`) and `entities`.
    public static func article(_ article: EnrichedArticle, includeBody: Bool = false) -> String {
        encode(
            ArticleJSON(
                id: article.articleID,
                title: article.title,
                url: article.url,
                source: article.source,
                publishedAt: article.publishedAt.map(rfc3339),
                enrichmentVersion: article.enrichmentVersion,
                enrichedAt: rfc3339(article.enrichedAt),
                body: includeBody ? article.body : nil,
                entities: article.entities.map(EntityJSON.init)
            )
        )
    }

    /// The entities tagged in one file: `{"file": …, "entities": […]}`, mention offsets in Unicode
    /// scalars into the file's original text.
    public static func taggedFile(_ file: String, entities: [Entity]) -> String {
        encode(TaggedFileJSON(file: file, entities: entities.map(EntityJSON.init)))
    }

    /// RFC 3339 in UTC with milliseconds, e.g. `2025-05-28T09:30:00.000Z`.
    public static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// A flat object of strings, keys sorted.
    public static func object(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // A dictionary of strings always encodes.
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Keys sorted: Foundation's encoder on Linux keeps an object's keys in a hashed container, so without sorting
    /// their order changes from run to run with the process's hash seed.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Encoding these plain structs cannot fail: they hold only strings, numbers and arrays.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

private struct ArticleJSON: Encodable {
    var id: String
    var title: String
    var url: String?
    var source: String?
    var publishedAt: String?
    var enrichmentVersion: String
    var enrichedAt: String
    var body: String?
    var entities: [EntityJSON]

    enum CodingKeys: String, CodingKey {
        case id, title, url, source, body, entities
        case publishedAt = "published_at"
        case enrichmentVersion = "enrichment_version"
        case enrichedAt = "enriched_at"
    }
}

private struct TaggedFileJSON: Encodable {
    var file: String
    var entities: [EntityJSON]
}
