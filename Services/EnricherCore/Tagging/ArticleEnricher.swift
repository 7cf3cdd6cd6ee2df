internal import ArabicText
public import ArticleModel
public import Foundation

/// Cleans, normalizes and tags articles: the enricher service's and `akhbar-enricher tag`'s
/// single entry point to text processing.
///
/// Creating one loads the gazetteers from the module's resources (once per process); after
/// that it is a value that is safe to share between tasks.
public struct ArticleEnricher: Sendable {
    /// Bump whenever a change to the cleaning or tagging code changes its output.
    public static let codeVersion = "tagger-1"

    /// Names the code and data that produce enrichments: ``codeVersion`` and a hash of the
    /// gazetteers, so that changing either changes it and replays can tell old results apart.
    public let enrichmentVersion: String

    private let tagger: EntityTagger
    private let cleaner = PageCleaner()
    private let normalizer = ArabicNormalizer()

    /// Loads the bundled gazetteers.
    /// - Throws: ``GazetteerError`` when the resources are missing or malformed.
    public init() throws(GazetteerError) {
        let gazetteer = try Gazetteer.bundled()
        tagger = EntityTagger(lexicon: TaggingLexicon(gazetteer: gazetteer))
        enrichmentVersion = "\(Self.codeVersion)+gazetteers.\(gazetteer.fingerprint)"
    }

    /// Enriches a raw article.
    ///
    /// The body is cleaned of page furniture and related-article tails, each kept paragraph is
    /// display-normalized, and the paragraphs are joined by "\n" into `EnrichedArticle.body`;
    /// mention offsets count Unicode scalars of that body.
    /// - Parameters:
    ///   - raw: the article as ingested; its title, when present, is the title.
    ///   - now: the enrichment time, and the reference for dates without a year when the
    ///     article has no publication date.
    public func enrich(_ raw: RawArticle, now: Date) -> EnrichedArticle {
        let page = cleaner.clean(raw.body, knownTitle: raw.title)
        let body = ArticleBody(page: page, normalizer: normalizer)
        let entities = tagger.entities(in: body.scalars, paragraphs: body.paragraphs, reference: raw.publishedAt ?? now)
        return EnrichedArticle(
            articleID: raw.id,
            url: raw.url,
            source: raw.source ?? page.source,
            publishedAt: raw.publishedAt,
            title: page.title ?? "",
            body: body.text,
            entities: entities,
            enrichmentVersion: enrichmentVersion,
            enrichedAt: now
        )
    }

    /// Tags the text of a scraped page or raw file, with the same cleaning as ``enrich(_:now:)``.
    ///
    /// Only the kept body paragraphs are tagged. Mention offsets count Unicode scalars of
    /// `text` itself, and each mention's `text` is exactly that slice of `text`.
    /// - Parameters:
    ///   - text: the page as read.
    ///   - publishedAt: completes dates written without a year; today when `nil`.
    public func tag(text: String, publishedAt: Date?) -> [Entity] {
        let page = cleaner.clean(text)
        return tagger.entities(
            in: Array(text.unicodeScalars),
            paragraphs: page.paragraphs.map(\.range),
            reference: publishedAt ?? Date()
        )
    }
}
