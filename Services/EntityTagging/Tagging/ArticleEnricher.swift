internal import ArabicText
public import ArticleModel
public import Foundation
public import StorePort

/// Cleans, normalizes and tags articles: the enricher service's and `akhbar-enricher tag`'s
/// single entry point to text processing.
///
/// Creating one loads the gazetteers from the module's resources (once per process); after
/// that it is a value that is safe to share between tasks.
public struct ArticleEnricher: Sendable {
    /// Bump whenever a change to the cleaning or tagging code changes its output.
    public static let codeVersion = "tagger-9"

    /// The longest cleaned text the enricher tags, in Unicode scalars: 1,000,000, about 2 MB of
    /// Arabic in UTF-8 or 170,000 words.
    ///
    /// News articles run to a few thousand scalars, long reports to some tens of thousands, so
    /// the limit is far above any article; longer texts (a book, a dump of pages, a runaway
    /// scrape) are refused with ``ArticleTooLargeError``. Tagging time and memory are linear in
    /// the text, and the hardest texts at the limit (`akhbar-tag-benchmark --adversarial`) take
    /// up to about 2.5 s and 400 MB on one core, so one article cannot hold a worker longer.
    public static let maximumScalars = 1_000_000

    /// ``maximumScalars``, lowered by tests.
    var scalarLimit = ArticleEnricher.maximumScalars

    /// Names the code and data that produce enrichments: ``codeVersion``, a hash of the
    /// gazetteers and one of the trained model, so that changing any of them changes it and
    /// replays can tell old results apart.
    public let enrichmentVersion: String

    private let tagger: EntityTagger
    private let cleaner = PageCleaner()
    private let normalizer = ArabicNormalizer()

    /// Loads the gazetteers and the bundled trained model.
    /// - Parameter gazetteerDirectory: a directory of gazetteer `.tsv` files to use instead of the
    ///   bundled ones (an operator's edited copy); the enrichment version then names its hash.
    /// - Throws: ``ArticleEnricherError`` when a resource is missing or malformed.
    public init(gazetteerDirectory: URL? = nil) throws(ArticleEnricherError) {
        let gazetteer: Gazetteer
        let knowledge: WordKnowledge
        let model: NERModel
        do throws(GazetteerError) {
            if let gazetteerDirectory {
                gazetteer = try Gazetteer.load(from: gazetteerDirectory)
            } else {
                gazetteer = try Gazetteer.bundled()
            }
            knowledge = try WordKnowledge.bundled()
        } catch {
            throw .gazetteer(error)
        }
        do {
            model = try NERModel.bundled()
        } catch {
            throw .model(error)
        }
        let lexicon = TaggingLexicon(gazetteer: gazetteer, commonWords: knowledge.commonWords)
        let recognizer = StatisticalRecognizer(
            tagger: NERTagger(
                model: model, extractor: NERFeatureExtractor(lexicon: lexicon, knowledge: knowledge, prior: model.prior)
            ))
        tagger = EntityTagger(lexicon: lexicon, statistical: recognizer)
        enrichmentVersion = "\(Self.codeVersion)+gazetteers.\(gazetteer.fingerprint)+model.\(model.fingerprint)"
    }

    /// Enriches a raw article.
    ///
    /// The body is cleaned of page furniture and related-article tails, the byline and each kept
    /// paragraph are display-normalized, and they are joined by "\n" into `EnrichedArticle.body`;
    /// mention offsets count Unicode scalars of that body.
    /// - Parameters:
    ///   - raw: the article as ingested; its title, when present, is the title. Its
    ///     publication date, else the day the page gives for itself, completes dates written
    ///     without a year; never the clock (see ``YearAnchor``).
    ///   - now: the enrichment time.
    /// - Throws: ``ArticleTooLargeError`` when the cleaned body has more than ``maximumScalars``.
    public func enrich(_ raw: RawArticle, now: Date) throws(ArticleTooLargeError) -> EnrichedArticle {
        try enrichment(of: raw, now: now).article
    }

    /// Enriches a raw article as ``enrich(_:now:)`` does, with the full-text terms a store indexes it under,
    /// read from the tagger's analysis of the body rather than from another pass over it.
    /// - Throws: ``ArticleTooLargeError`` when the cleaned body has more than ``maximumScalars``.
    public func enrichForIndexing(_ raw: RawArticle, now: Date) throws(ArticleTooLargeError) -> IndexedArticle {
        let (article, contexts) = try enrichment(of: raw, now: now)
        var terms = SearchKeys.IndexedTerms()
        terms.add(article.title)
        for analysis in contexts.lazy.map(\.analysis) {
            // The bases as slices of the paragraph's key: walking their strings' scalars cost more than tagging's
            // own analysis of the word.
            let key = analysis.text.scalars
            for word in analysis.words where word.kind != .punctuation {
                let range = word.token.normalizedRange
                terms.add(
                    readings: word.readings.lazy.map {
                        ParagraphAnalysis.base($0.segmentation, ofWordAt: range, in: key)
                    })
            }
        }
        return IndexedArticle(article, searchTerms: terms.text)
    }

    private func enrichment(of raw: RawArticle, now: Date) throws(ArticleTooLargeError) -> (
        article: EnrichedArticle, contexts: [ParagraphContext]
    ) {
        let page = cleaner.clean(raw.body, knownTitle: raw.title)
        let body = ArticleBody(page: page, normalizer: normalizer)
        try checkSize(body.scalars.count)
        let contexts = tagger.contexts(of: body.scalars, paragraphs: body.paragraphs)
        let entities = tagger.entities(
            in: contexts, source: body.scalars, reference: Self.reference(raw.publishedAt, page))
        let article = EnrichedArticle(
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
        return (article, contexts)
    }

    /// Tags the text of a scraped page or raw file, with the same cleaning as ``enrich(_:now:)``.
    ///
    /// Only the byline and the kept body paragraphs are tagged. Mention offsets count Unicode scalars of
    /// `text` itself, and each mention's `text` is exactly that slice of `text`.
    /// - Parameters:
    ///   - text: the page as read.
    ///   - publishedAt: completes dates written without a year; when `nil`, the day the page
    ///     gives for itself does, else the years the text states.
    /// - Throws: ``ArticleTooLargeError`` when the kept paragraphs have more than ``maximumScalars``.
    public func tag(text: String, publishedAt: Date?) throws(ArticleTooLargeError) -> [Entity] {
        let page = cleaner.clean(text)
        let paragraphs = page.paragraphsWithCredits.map(\.range)
        try checkSize(paragraphs.reduce(0) { $0 + $1.count })
        return tagger.entities(
            in: Array(text.unicodeScalars),
            paragraphs: paragraphs,
            reference: Self.reference(publishedAt, page)
        )
    }

    /// Tags text that is already clean, each line a paragraph, without the page cleaner: for
    /// corpora of sentences. Offsets count Unicode scalars of `text`; `publishedAt`, when given,
    /// completes dates written without a year.
    /// - Throws: ``ArticleTooLargeError`` when the lines have more than ``maximumScalars``.
    public func tag(cleanLines text: String, publishedAt: Date?) throws(ArticleTooLargeError) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            if index > start { lines.append(start..<index) }
            start = index + 1
        }
        try checkSize(lines.reduce(0) { $0 + $1.count })
        return tagger.entities(in: scalars, paragraphs: lines, reference: publishedAt.map(CivilDate.init))
    }

    /// The day that completes dates without a year: the publication's, else the page's own.
    private static func reference(_ publishedAt: Date?, _ page: CleanedPage) -> CivilDate? {
        publishedAt.map(CivilDate.init) ?? page.pageDate.flatMap(CivilDate.init)
    }

    /// Refuses a text of more than ``scalarLimit`` scalars to tag.
    private func checkSize(_ scalars: Int) throws(ArticleTooLargeError) {
        guard scalars <= scalarLimit else { throw ArticleTooLargeError(scalars: scalars, limit: scalarLimit) }
    }
}
