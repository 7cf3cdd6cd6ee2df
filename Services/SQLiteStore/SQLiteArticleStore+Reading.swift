import ArticleModel
import GRDB
import StorePort

extension SQLiteArticleStore {
    /// Rebuilds the model value of a stored article: its entities in tagging order, each with its
    /// mentions in text order.
    static func article(from record: ArticleRecord, in db: Database) throws -> EnrichedArticle {
        let links =
            try ArticleEntityRecord
            .filter(ArticleEntityRecord.Columns.articleID == record.id)
            .order(ArticleEntityRecord.Columns.position)
            .fetchAll(db)
        let entityRows = try EntityRecord.fetchAll(db, keys: links.map(\.entityID))
        let entitiesByID = Dictionary(uniqueKeysWithValues: entityRows.map { ($0.id, $0) })
        let mentions =
            try MentionRecord
            .filter(MentionRecord.Columns.articleID == record.id)
            .order(MentionRecord.Columns.start)
            .fetchAll(db)
        let mentionsByEntity = Dictionary(grouping: mentions, by: \.entityID)

        let entities = try links.map { link in
            guard let row = entitiesByID[link.entityID], let type = EntityType(rawValue: row.type) else {
                throw StoreError(
                    .corrupt, "article \(record.id) links to a missing or mistyped entity \(link.entityID)")
            }
            return Entity(
                id: row.id,
                type: type,
                canonical: row.canonical,
                mentions: (mentionsByEntity[link.entityID] ?? []).map {
                    EntityMention(text: $0.text, start: $0.start, end: $0.end)
                },
                value: link.value
            )
        }
        return EnrichedArticle(
            articleID: record.id,
            url: record.url,
            source: record.source,
            publishedAt: record.publishedAt,
            title: record.title,
            body: record.body,
            entities: entities,
            enrichmentVersion: record.enrichmentVersion,
            enrichedAt: record.enrichedAt
        )
    }
}
