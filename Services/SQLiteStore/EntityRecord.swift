import GRDB

/// One row of `entities`: an entity known across articles, by its stable id.
struct EntityRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "entities"

    var id: String
    var type: String
    var canonical: String
    /// The matching key of `canonical`, so that name prefixes match whatever the spelling variant.
    var canonicalKey: String

    enum CodingKeys: String, CodingKey {
        case id, type, canonical
        case canonicalKey = "canonical_key"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let type = Column(CodingKeys.type)
        static let canonical = Column(CodingKeys.canonical)
    }
}
