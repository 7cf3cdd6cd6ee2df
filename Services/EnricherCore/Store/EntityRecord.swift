import ArticleModel
import GRDB

/// One row of `entities`: an entity known across articles, by its stable id.
struct EntityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entities"

    var id: String
    var type: String
    var canonical: String

    enum CodingKeys: String, CodingKey {
        case id, type, canonical
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let type = Column(CodingKeys.type)
        static let canonical = Column(CodingKeys.canonical)
    }

    init(_ entity: Entity) {
        id = entity.id
        type = entity.type.rawValue
        canonical = entity.canonical
    }
}
