import ArticleModel

/// The JSON shape of an entity, shared by `show --json` and `tag --json`. Tools outside the
/// project read it: add fields, never rename or remove them.
struct EntityJSON: Encodable {
    struct Mention: Encodable {
        var text: String
        var start: Int
        var end: Int
    }

    var id: String
    var type: String
    var canonical: String
    var mentions: [Mention]
    var value: String?

    init(_ entity: Entity) {
        id = entity.id
        type = entity.type.rawValue
        canonical = entity.canonical
        mentions = entity.mentions.map { Mention(text: $0.text, start: $0.start, end: $0.end) }
        value = entity.value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(mentions, forKey: .mentions)
        // Always present, null when unknown, so consumers need not test for the key.
        try container.encode(value, forKey: .value)
    }

    private enum CodingKeys: String, CodingKey {
        case id, type, canonical, mentions, value
    }
}
