import ArticleModel
import GRDB

/// One row of `article_entities`: an entity as it appears in one article, with the value it has
/// there (a date's ISO value depends on the article's publication year).
struct ArticleEntityRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "article_entities"

    var articleID: String
    var entityID: String
    var value: String?
    /// Order of the entity in the article, so reads give entities back as the tagger produced them.
    var position: Int

    enum CodingKeys: String, CodingKey {
        case value, position
        case articleID = "article_id"
        case entityID = "entity_id"
    }

    enum Columns {
        static let articleID = Column(CodingKeys.articleID)
        static let entityID = Column(CodingKeys.entityID)
        static let position = Column(CodingKeys.position)
    }
}
