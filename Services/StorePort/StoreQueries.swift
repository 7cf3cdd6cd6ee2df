public import ArticleModel
public import Foundation

/// What to look for among stored articles. Every condition that is set must hold.
public struct ArticleSearch: Sendable, Equatable {
    /// Words that must all occur in the title or body; spelling variants, clitics and the article do not
    /// matter (``SearchKeys``). Empty: no text condition, newest first.
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
        /// Best match first, among the ``ArticleSearch/relevanceWindow`` newest text matches in the date range;
        /// the other filters apply within them.
        case relevance
    }

    /// The newest matches a relevance-ordered search ranks: ranking every match of a common word would cost
    /// a sort of most of the store per call.
    public static let relevanceWindow = 1_000

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

    /// The characters of a body a listing keeps as its snippet.
    package static let snippetLength = 240

    /// - Parameter bodyStart: the first ``snippetLength`` characters of the body, cut back here to a whole word.
    package init(
        id: String, url: String?, source: String?, title: String, publishedAt: Date?, bodyStart: String,
        enrichmentVersion: String
    ) {
        self.id = id
        self.url = url
        self.source = source
        self.title = title
        self.publishedAt = publishedAt
        self.snippet =
            if bodyStart.count >= Self.snippetLength, let lastSpace = bodyStart.lastIndex(where: \.isWhitespace) {
                bodyStart[..<lastSpace] + " …"
            } else {
                bodyStart
            }
        self.enrichmentVersion = enrichmentVersion
    }
}

/// One page of a list, and the token of the next page when there is one.
public struct ResultPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public let items: [Item]
    public let next: PageToken?

    /// The first `limit` of `rows` (fetched one more than `limit`), continuing after the last one if more exist.
    package init(of rows: [(Item, PageToken)], limit: Int) {
        let items = rows.prefix(limit)
        self.items = items.map(\.0)
        self.next = rows.count > limit ? items.last?.1 : nil
    }
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

    package init(id: String, type: EntityType, canonical: String, value: String?, articleCount: Int, mentionCount: Int)
    {
        self.id = id
        self.type = type
        self.canonical = canonical
        self.value = value
        self.articleCount = articleCount
        self.mentionCount = mentionCount
    }
}

/// An entity that appears in the same articles as another one.
public struct CoOccurrence: Sendable, Equatable {
    public let entity: EntitySummary
    /// The number of stored articles that mention both.
    public let sharedArticles: Int

    package init(entity: EntitySummary, sharedArticles: Int) {
        self.entity = entity
        self.sharedArticles = sharedArticles
    }
}
