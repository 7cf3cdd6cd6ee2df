public import ArticleModel
public import Foundation

/// Where enriched articles are kept and queried: the one interface the enricher, the query service and the
/// command line use, whatever database is behind it.
///
/// Saving upserts by article id, so a message delivered twice, or a replay of the whole topic, replaces rows
/// instead of adding them. Every method throws ``StoreError`` only.
public protocol ArticleStore: Sendable {
    /// Stores a batch of articles in one transaction: all of them or none.
    ///
    /// Each article replaces any earlier version of itself, its entity links and mentions, unless its message is
    /// already recorded as stored and the article is stored with the same enrichment version: an enricher that
    /// lost the message's partition in a rebalance may store its batch after the new owner checked the message, and
    /// the article must still be written once. A replay under a newer enrichment version rewrites it.
    /// - Parameters:
    ///   - handled: the messages of the batch and what became of them (see ``outcome(of:)``); its stored
    ///     messages, when there are as many as articles, are the articles' messages in the same order.
    ///   - consumed: the next offset to read per partition once the batch is stored, recorded for `group` in
    ///     the same transaction (see ``storedOffsets(group:)``).
    /// - Throws: `StoreError`; on `.diskFull`, `.locked` or `.unavailable` nothing of the batch was stored.
    func save(_ articles: [IndexedArticle], handled: [HandledMessage], consumed: [MessagePosition], group: String)
        async throws(StoreError)

    /// What became of the message at this position, if the store recorded it with the same digest; nil when it
    /// did not, or recorded a different message there.
    func outcome(of message: HandledMessage) async throws(StoreError) -> HandledMessage.Outcome?

    /// The next offset to read per partition, as the batches stored for `group` recorded it.
    func storedOffsets(group: String) async throws(StoreError) -> [TopicPartition: Int64]

    /// How many times each stored article was written, by id.
    func writeCounts() async throws(StoreError) -> [String: Int]

    /// The number of stored articles.
    func articleCount() async throws(StoreError) -> Int

    /// Stored articles with their entities, newest publication first, then by id; all when `limit` is nil.
    func articles(limit: Int?) async throws(StoreError) -> [EnrichedArticle]

    /// The stored article with this id, or nil.
    func article(id: String) async throws(StoreError) -> EnrichedArticle?

    /// Stored articles that satisfy `search`, newest first, or best match first when it has text and asks so.
    ///
    /// - Parameter token: where the page starts; `next` of the previous page of the same search.
    /// - Throws: `StoreError`; `.invalidCursor` if `token` belongs to a different kind of search.
    func searchArticles(_ search: ArticleSearch, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<ArticleListing>

    /// Entities mentioned by at least one stored article, most articles first; optionally of one type, or whose
    /// canonical form starts with `prefix` (compared by matching key, so spelling variants do not matter).
    func entities(type: EntityType?, prefix: String, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<EntitySummary>

    /// The entity with this id, if a stored article mentions it.
    func entity(id: String) async throws(StoreError) -> EntitySummary?

    /// The entities `name` names, most articles first: those whose canonical form it spells, with or without the
    /// article (المغرب, مغرب), and the people it names by any form the store has seen them written in, so that
    /// الحموشي, حموشي and عبد اللطيف حموشي lead to one person. Keys as ``SearchKeys/lookup(_:)`` gives them.
    func entities(named name: String, type: EntityType?, limit: Int) async throws(StoreError) -> [EntitySummary]

    /// The entities most often mentioned in the same articles as `entityID`, most shared articles first; optionally
    /// only those of one type, and only among its `newest` articles (all when nil): for an entity in tens of
    /// thousands of articles, its recent company, at a cost that does not grow with its coverage.
    func coOccurrences(of entityID: String, type: EntityType?, amongNewest newest: Int?, limit: Int)
        async throws(StoreError) -> [CoOccurrence]

    /// Totals over the store.
    func stats() async throws(StoreError) -> StoreStats

    /// How many stored articles satisfy `search`, counting no further than `limit`: a count of every match of a
    /// common word would cost as much as reading them.
    func countArticles(_ search: ArticleSearch, upTo limit: Int) async throws(StoreError) -> Int

    /// The forms the stored mentions of `entityID` are written in, most mentions first.
    func surfaceForms(of entityID: String, limit: Int) async throws(StoreError) -> [SurfaceForm]

    /// Dated articles per publication day (UTC), oldest day first, days without articles left out: those that
    /// mention `entityID`, or all when it is nil; published at or after `from` when it is set.
    func publicationDays(mentioning entityID: String?, from: Date?) async throws(StoreError) -> [DayCount]

    /// The people, organizations and places (not dates) mentioned by more articles published in `period` than in
    /// the period of the same length just before it, the largest rise first.
    func risingEntities(in period: DateInterval, limit: Int) async throws(StoreError) -> [EntityTrend]
}

extension ArticleStore {
    /// Stores articles outside any consumer group: tools, tests and benchmarks.
    public func save(_ articles: [IndexedArticle]) async throws(StoreError) {
        try await save(articles, handled: [], consumed: [], group: "")
    }

    /// All stored articles with their entities.
    public func articles() async throws(StoreError) -> [EnrichedArticle] {
        try await articles(limit: nil)
    }

    /// The articles that mention `entityID`, newest publication first (unknown dates last).
    public func articles(mentioning entityID: String, after token: PageToken? = nil, limit: Int = 20)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        try await searchArticles(ArticleSearch(entityIDs: [entityID]), after: token, limit: limit)
    }

    public func searchArticles(_ search: ArticleSearch, limit: Int = 20)
        async throws(StoreError) -> ResultPage<ArticleListing>
    {
        try await searchArticles(search, after: nil, limit: limit)
    }

    public func entities(type: EntityType? = nil, prefix: String = "", limit: Int = 50)
        async throws(StoreError) -> ResultPage<EntitySummary>
    {
        try await entities(type: type, prefix: prefix, after: nil, limit: limit)
    }

    public func coOccurrences(of entityID: String, limit: Int = 20) async throws(StoreError) -> [CoOccurrence] {
        try await coOccurrences(of: entityID, type: nil, limit: limit)
    }

    /// Co-occurrences over all the articles that mention `entityID`.
    public func coOccurrences(of entityID: String, type: EntityType?, limit: Int) async throws(StoreError)
        -> [CoOccurrence]
    {
        try await coOccurrences(of: entityID, type: type, amongNewest: nil, limit: limit)
    }
}
