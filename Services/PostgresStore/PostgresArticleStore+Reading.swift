public import ArticleModel
import Foundation
import PostgresNIO
public import StorePort

extension PostgresArticleStore {
    public func articles(limit: Int?) async throws(StoreError) -> [EnrichedArticle] {
        let logger = logger
        return try await read { connection in
            var ids: [String] = []
            let rows = try await connection.query(
                "SELECT id FROM articles ORDER BY sort_key DESC, id LIMIT \(Int64(limit ?? Int(Int64.max)))",
                logger: logger)
            for try await id in rows.decode(String.self) { ids.append(id) }
            var articles: [EnrichedArticle] = []
            for id in ids {
                if let article = try await Self.article(id: id, on: connection, logger: logger) {
                    articles.append(article)
                }
            }
            return articles
        }
    }

    public func article(id: String) async throws(StoreError) -> EnrichedArticle? {
        let logger = logger
        return try await read { connection in try await Self.article(id: id, on: connection, logger: logger) }
    }

    /// Rebuilds the model value of a stored article: its entities in tagging order, each with its mentions in text
    /// order.
    private static func article(id: String, on connection: PostgresConnection, logger: Logger) async throws
        -> EnrichedArticle?
    {
        let articleRows = try await connection.query(
            """
            SELECT url, source, published_at, title, body, enrichment_version, enriched_at FROM articles WHERE id = \(id)
            """, logger: logger)
        var found: (String?, String?, Date?, String, String, String, Date)?
        for try await row in articleRows.decode((String?, String?, Date?, String, String, String, Date).self) {
            found = row
        }
        guard let (url, source, publishedAt, title, body, version, enrichedAt) = found else { return nil }

        var mentions: [String: [EntityMention]] = [:]
        let mentionRows = try await connection.query(
            "SELECT entity_id, start, \"end\", text FROM mentions WHERE article_id = \(id) ORDER BY start",
            logger: logger)
        for try await (entityID, start, end, text) in mentionRows.decode((String, Int32, Int32, String).self) {
            mentions[entityID, default: []].append(EntityMention(text: text, start: Int(start), end: Int(end)))
        }
        var entities: [Entity] = []
        let linkRows = try await connection.query(
            """
            SELECT e.id, e.type, e.canonical, l.value FROM article_entities l JOIN entities e ON e.id = l.entity_id
            WHERE l.article_id = \(id) ORDER BY l.position
            """, logger: logger)
        for try await (entityID, typeName, canonical, value) in linkRows.decode((String, String, String, String?).self)
        {
            guard let type = EntityType(rawValue: typeName) else {
                throw StoreError(.corrupt, "article \(id) links to entity \(entityID) of unknown type \(typeName)")
            }
            entities.append(
                Entity(id: entityID, type: type, canonical: canonical, mentions: mentions[entityID] ?? [], value: value)
            )
        }
        return EnrichedArticle(
            articleID: id, url: url, source: source, publishedAt: publishedAt, title: title, body: body,
            entities: entities, enrichmentVersion: version, enrichedAt: enrichedAt)
    }
}
