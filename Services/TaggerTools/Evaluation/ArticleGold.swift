public import ArticleModel
internal import EntityTagging
public import Foundation

/// Hand-made gold entities of one article, in the shape `tag --json` prints: one entity per
/// (type, canonical) with every surface form the article writes it in.
///
/// One JSON object per line: `{"file": …, "published_at": "YYYY-MM-DD", "entities": [{"type":
/// "PERSON", "canonical": …, "surfaces": […], "value": …}]}` (`value` for dates only).
public struct ArticleGold: Sendable, Decodable {
    public struct GoldEntity: Sendable, Decodable {
        public let type: EntityType
        public let canonical: String
        public let surfaces: [String]
        public let value: String?

        public init(type: EntityType, canonical: String, surfaces: [String], value: String? = nil) {
            self.type = type
            self.canonical = canonical
            self.surfaces = surfaces
            self.value = value
        }
    }

    /// The article's file name, relative to the folder of pages the gold is read with.
    public let file: String
    /// Completes dates written without a year.
    public let publishedAt: String?
    public let entities: [GoldEntity]

    public init(file: String, publishedAt: String?, entities: [GoldEntity]) {
        self.file = file
        self.publishedAt = publishedAt
        self.entities = entities
    }

    private enum CodingKeys: String, CodingKey {
        case file, entities
        case publishedAt = "published_at"
    }

    /// Parses a JSON Lines gold file.
    /// - Throws: ``ArticleGoldError`` naming the first line that is not a gold article.
    public static func parse(jsonLines text: String) throws(ArticleGoldError) -> [ArticleGold] {
        var articles: [ArticleGold] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                articles.append(try JSONDecoder().decode(ArticleGold.self, from: Data(line.utf8)))
            } catch {
                throw ArticleGoldError(line: index + 1, reason: "\(error)")
            }
        }
        return articles
    }

    /// The publication date as a `Date` at noon UTC, when it is given and well formed.
    public var publicationDate: Date? {
        guard let publishedAt else { return nil }
        return try? Date("\(publishedAt)T12:00:00Z", strategy: .iso8601)
    }
}

/// A gold file line that cannot be read.
public struct ArticleGoldError: Error, Sendable, CustomStringConvertible {
    /// The line, counting from 1.
    public let line: Int
    /// What the JSON decoder said.
    public let reason: String

    public var description: String { "line \(line): not a gold article: \(reason)" }
}
