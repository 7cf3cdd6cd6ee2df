import ArticleModel
import Logging
import PostgresNIO
import StorePort

/// Writes one batch inside an open transaction (see ``PostgresArticleStore/save(_:handled:consumed:group:)``).
///
/// Rows go in with one statement per table per batch (arrays bound and unnested) where the order does not matter,
/// and one per article where it does, so that a batch costs a few round trips, not one per row.
struct BatchWriter {
    let connection: PostgresConnection
    let logger: Logger

    /// Writes the articles that need it: all, except those whose message is recorded as stored with the same
    /// digest and whose row already has the same enrichment version.
    mutating func write(_ articles: [IndexedArticle], handled: [HandledMessage]) async throws {
        guard !articles.isEmpty else { return }
        let ids = articles.map(\.article.articleID)
        // Writers of the same article wait for each other here, in one order, before reading anything.
        try await connection.query(
            """
            SELECT pg_advisory_xact_lock(hashtextextended(id, 0))
            FROM (SELECT DISTINCT id FROM unnest(\(ids)::text[]) AS id ORDER BY 1) AS ordered
            """, logger: logger)
        let stored = handled.filter { $0.outcome == .stored }
        let skipped = stored.count == articles.count ? try await alreadyStored(articles, as: stored) : []
        // An article twice in one batch (two messages with one id) is written once, as its later version, and
        // counted as written twice, as one write after the other would have.
        var writes: [String: Int] = [:]
        var latest: [String: IndexedArticle] = [:]
        var order: [String] = []
        for (index, article) in articles.enumerated() where !skipped.contains(index) {
            let id = article.article.articleID
            if latest.updateValue(article, forKey: id) == nil { order.append(id) }
            writes[id, default: 0] += 1
        }
        let toWrite = order.map { latest[$0]! }
        guard !toWrite.isEmpty else { return }

        var aliases = try await knownAliases(for: toWrite.reduce(into: Set()) { $0.formUnion($1.shortNameKeys) })
        var linkedArticles: [(IndexedArticle, [IndexedEntity])] = []
        for article in toWrite {
            let linked = article.linkingShortNames(to: aliases.resolved)
            aliases.learn(from: linked)
            linkedArticles.append((article, linked))
        }
        let writtenIDs = toWrite.map(\.article.articleID)
        var deltas = try await countsToRemove(of: writtenIDs)
        try await upsertEntities(linkedArticles.flatMap(\.1), alsoLocking: Array(deltas.keys))
        try await connection.query(
            "DELETE FROM article_entities WHERE article_id = ANY(\(writtenIDs)::text[])", logger: logger)
        try await upsert(toWrite, writes: writes)
        try await insertLinks(linkedArticles)
        for entity in linkedArticles.flatMap(\.1) {
            deltas[entity.entity.id, default: EntityCounts()].add(articles: 1, mentions: entity.entity.mentions.count)
        }
        try await apply(deltas)
        try await insertAliases(linkedArticles.flatMap(\.1))
    }

    /// The indexes of `articles` whose `messages` (in the same order) are recorded as stored, with the same
    /// enrichment version in the row.
    private func alreadyStored(_ articles: [IndexedArticle], as messages: [HandledMessage]) async throws -> Set<Int> {
        let rows = try await connection.query(
            """
            SELECT m.i - 1 FROM unnest(
                \(messages.map(\.position.topic))::text[], \(messages.map(\.position.partition))::int4[],
                \(messages.map(\.position.offset))::int8[], \(messages.map(\.digest))::int8[],
                \(articles.map(\.article.articleID))::text[], \(articles.map(\.article.enrichmentVersion))::text[]
            ) WITH ORDINALITY AS m(topic, partition, position, digest, article_id, version, i)
            JOIN handled_messages h ON h.topic = m.topic AND h.partition = m.partition AND h."offset" = m.position
                AND h.digest = m.digest AND h.outcome = 'stored'
            JOIN articles a ON a.id = m.article_id AND a.enrichment_version = m.version
            """, logger: logger)
        var indexes: Set<Int> = []
        for try await index in rows.decode(Int64.self) { indexes.insert(Int(index)) }
        return indexes
    }

    /// The stored aliases among `keys`, with every entity each names.
    private func knownAliases(for keys: Set<String>) async throws -> AliasTable {
        var table = AliasTable(keys: keys)
        guard !keys.isEmpty else { return table }
        let rows = try await connection.query(
            """
            SELECT a.alias_key, e.id, e.canonical, e.canonical_key
            FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = ANY(\(Array(keys))::text[])
            """, logger: logger)
        for try await (key, id, canonical, canonicalKey) in rows.decode((String, String, String, String).self) {
            table.add(key, KnownEntity(id: id, canonical: canonical, canonicalKey: canonicalKey))
        }
        return table
    }

    /// The links and mentions the articles' old rows hold per entity, to take off the counts.
    private func countsToRemove(of articleIDs: [String]) async throws -> [String: EntityCounts] {
        var deltas: [String: EntityCounts] = [:]
        let links = try await connection.query(
            """
            SELECT l.entity_id, count(*), (SELECT count(*) FROM mentions m
                WHERE m.article_id = ANY(\(articleIDs)::text[]) AND m.entity_id = l.entity_id)
            FROM article_entities l WHERE l.article_id = ANY(\(articleIDs)::text[]) GROUP BY l.entity_id
            """, logger: logger)
        for try await (id, articles, mentions) in links.decode((String, Int64, Int64).self) {
            deltas[id, default: EntityCounts()].add(articles: -Int(articles), mentions: -Int(mentions))
        }
        return deltas
    }

    /// Inserts or updates the entities, and locks their rows and those of `others` in id order, so that concurrent
    /// batches touching the same entities queue instead of deadlocking.
    private func upsertEntities(_ entities: [IndexedEntity], alsoLocking others: [String]) async throws {
        // One row per id (the last seen wins): an upsert may not touch a row twice.
        let byID = Dictionary(entities.map { ($0.entity.id, $0) }, uniquingKeysWith: { $1 })
        let ids = byID.keys.sorted()
        let rows = ids.map { byID[$0]! }
        try await connection.query(
            """
            INSERT INTO entities (id, type, canonical, canonical_key)
            SELECT * FROM unnest(\(ids)::text[], \(rows.map(\.entity.type.rawValue))::text[],
                \(rows.map(\.entity.canonical))::text[], \(rows.map(\.canonicalKey))::text[])
            ORDER BY 1
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, canonical = excluded.canonical,
                canonical_key = excluded.canonical_key
            """, logger: logger)
        let rest = Set(others).subtracting(ids).sorted()
        guard !rest.isEmpty else { return }
        try await connection.query(
            "SELECT id FROM entities WHERE id = ANY(\(rest)::text[]) ORDER BY id FOR UPDATE", logger: logger)
    }

    /// Inserts or replaces the articles and their terms, one statement for the batch: the narrow copy for ranked
    /// searches takes the vectors the article rows return, rather than reading those rows back or building the
    /// vectors twice. Arrays of optionals do not bind, so a missing url or source travels as '' with a flag, and a
    /// missing date as ``SortKey/unknown``.
    private func upsert(_ articles: [IndexedArticle], writes: [String: Int]) async throws {
        let rows = articles.map(\.article)
        try await connection.query(
            """
            WITH written AS (
            INSERT INTO articles (id, url, source, published_at, sort_key, title, body, enrichment_version, enriched_at,
                write_count, search_vector)
            SELECT r.id, CASE WHEN r.has_url THEN r.url END, CASE WHEN r.has_source THEN r.source END,
                CASE WHEN r.sort_key <> \(SortKey.unknown) THEN \(unescaped: Self.instant("r.sort_key")) END, r.sort_key, r.title,
                r.body, r.version, \(unescaped: Self.instant("r.enriched")), r.writes, to_tsvector('simple', r.terms)
            FROM unnest(\(rows.map(\.articleID))::text[], \(rows.map { $0.url ?? "" })::text[],
                \(rows.map { $0.url != nil })::bool[], \(rows.map { $0.source ?? "" })::text[],
                \(rows.map { $0.source != nil })::bool[], \(rows.map { SortKey.of($0.publishedAt) })::int8[],
                \(rows.map(\.title))::text[], \(rows.map(\.body))::text[], \(rows.map(\.enrichmentVersion))::text[],
                \(rows.map { SortKey.of($0.enrichedAt) })::int8[], \(rows.map { Int32(writes[$0.articleID] ?? 1) })::int4[],
                \(articles.map(\.searchTerms))::text[])
                AS r(id, url, has_url, source, has_source, sort_key, title, body, version, enriched, writes, terms)
            ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source,
                published_at = excluded.published_at, sort_key = excluded.sort_key, title = excluded.title,
                body = excluded.body, enrichment_version = excluded.enrichment_version,
                enriched_at = excluded.enriched_at, write_count = articles.write_count + excluded.write_count,
                search_vector = excluded.search_vector
            RETURNING id, sort_key, search_vector)
            INSERT INTO article_terms (article_id, sort_key, terms)
            SELECT id, sort_key, strip(search_vector) FROM written
            ON CONFLICT (article_id) DO UPDATE SET sort_key = excluded.sort_key, terms = excluded.terms
            """, logger: logger)
    }

    /// The SQL of the instant `microseconds` (a column of ``SortKey`` values) names, exact to the microsecond.
    private static func instant(_ microseconds: String) -> String {
        "(timestamptz 'epoch' + \(microseconds) * interval '1 microsecond')"
    }

    /// Links every article to its entities, and the entities to their mentions: two statements for the batch.
    private func insertLinks(_ articles: [(IndexedArticle, [IndexedEntity])]) async throws {
        let links = articles.flatMap { article, entities in
            entities.enumerated().map { (article.article, $0.offset, $0.element.entity) }
        }
        guard !links.isEmpty else { return }
        // A NULL value travels as '' with a flag: arrays of optionals do not bind.
        try await connection.query(
            """
            INSERT INTO article_entities (article_id, entity_id, value, position, sort_key)
            SELECT l.article_id, l.entity_id, CASE WHEN l.has_value THEN l.value END, l.position, l.sort_key
            FROM unnest(\(links.map(\.0.articleID))::text[], \(links.map(\.2.id))::text[],
                \(links.map { $0.2.value ?? "" })::text[], \(links.map { $0.2.value != nil })::bool[],
                \(links.map { Int32($0.1) })::int4[], \(links.map { SortKey.of($0.0.publishedAt) })::int8[])
                AS l(article_id, entity_id, value, has_value, position, sort_key)
            """, logger: logger)
        let mentions = links.flatMap { article, _, entity in entity.mentions.map { (article.articleID, entity.id, $0) }
        }
        guard !mentions.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO mentions (article_id, entity_id, start, "end", text)
            SELECT * FROM unnest(\(mentions.map(\.0))::text[], \(mentions.map(\.1))::text[],
                \(mentions.map { Int32($0.2.start) })::int4[], \(mentions.map { Int32($0.2.end) })::int4[],
                \(mentions.map(\.2.text))::text[])
            """, logger: logger)
    }

    private func apply(_ deltas: [String: EntityCounts]) async throws {
        let changed = deltas.filter { !$0.value.isZero }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        try await connection.query(
            """
            UPDATE entities e SET article_count = e.article_count + d.articles,
                mention_count = e.mention_count + d.mentions
            FROM unnest(\(changed.map(\.key))::text[], \(changed.map { Int64($0.value.articles) })::int8[],
                \(changed.map { Int64($0.value.mentions) })::int8[]) AS d(id, articles, mentions)
            WHERE e.id = d.id
            """, logger: logger)
    }

    private func insertAliases(_ entities: [IndexedEntity]) async throws {
        let pairs = entities.flatMap { entity in entity.aliasKeys.map { ($0, entity.entity.id) } }
        guard !pairs.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO entity_aliases (alias_key, entity_id)
            SELECT * FROM unnest(\(pairs.map(\.0))::text[], \(pairs.map(\.1))::text[]) ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// Records what became of each message of the batch.
    func record(_ handled: [HandledMessage]) async throws {
        guard !handled.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO handled_messages (topic, partition, "offset", digest, outcome)
            SELECT * FROM unnest(\(handled.map(\.position.topic))::text[], \(handled.map(\.position.partition))::int4[],
                \(handled.map(\.position.offset))::int8[], \(handled.map(\.digest))::int8[],
                \(handled.map(\.outcome.rawValue))::text[])
            ON CONFLICT (topic, partition, "offset") DO UPDATE SET digest = excluded.digest, outcome = excluded.outcome
            """, logger: logger)
    }

    /// Records the next offset to read per partition for `group`.
    func record(_ consumed: [MessagePosition], group: String) async throws {
        guard !consumed.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO consumer_offsets (group_id, topic, partition, next_offset)
            SELECT \(group), * FROM unnest(\(consumed.map(\.topic))::text[], \(consumed.map(\.partition))::int4[],
                \(consumed.map(\.offset))::int8[])
            ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset
            """, logger: logger)
    }
}

/// How much an entity's article and mention counts change.
struct EntityCounts {
    private(set) var articles = 0
    private(set) var mentions = 0

    var isZero: Bool { articles == 0 && mentions == 0 }

    mutating func add(articles: Int, mentions: Int) {
        self.articles += articles
        self.mentions += mentions
    }
}

/// The alias keys a batch looks up and the full-named entities they name, as stored plus what earlier articles of
/// the batch taught.
struct AliasTable {
    private let keys: Set<String>
    private var entities: [String: [String: KnownEntity]] = [:]

    init(keys: Set<String>) {
        self.keys = keys
    }

    mutating func add(_ key: String, _ entity: KnownEntity) {
        entities[key, default: [:]][entity.id] = entity
    }

    /// The keys that name exactly one entity.
    var resolved: [String: KnownEntity] {
        entities.compactMapValues { $0.count == 1 ? $0.values.first : nil }
    }

    mutating func learn(from linked: [IndexedEntity]) {
        for entity in linked {
            for key in entity.aliasKeys where keys.contains(key) {
                add(
                    key,
                    KnownEntity(
                        id: entity.entity.id, canonical: entity.entity.canonical, canonicalKey: entity.canonicalKey))
            }
        }
    }
}
