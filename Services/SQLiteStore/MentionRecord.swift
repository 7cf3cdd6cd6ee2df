import ArticleModel
import GRDB

/// One row of `mentions`: where an entity occurs in an article's clean body.
struct MentionRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "mentions"

    var articleID: String
    var entityID: String
    var start: Int
    var end: Int
    var text: String

    enum CodingKeys: String, CodingKey {
        case start, end, text
        case articleID = "article_id"
        case entityID = "entity_id"
    }

    enum Columns {
        static let articleID = Column(CodingKeys.articleID)
        static let entityID = Column(CodingKeys.entityID)
        static let start = Column(CodingKeys.start)
    }
}
