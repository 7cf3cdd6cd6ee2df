/// An entity of one article: every mention of the same person, place, organization or date,
/// under one canonical form.
public struct Entity: Sendable, Hashable, Codable {
    /// Shared by all mentions of this entity in the article; derived from type and canonical
    /// form, so the same entity gets the same id in every article.
    public var id: String
    public var type: EntityType
    public var canonical: String
    public var mentions: [EntityMention]
    /// A normalized value where one exists: an ISO 8601 date or range (`2025-05-27/2025-05-29`)
    /// for dates, `--09-15` (the reduced form without the year) when the article does not settle
    /// the year.
    public var value: String?

    public init(id: String, type: EntityType, canonical: String, mentions: [EntityMention], value: String? = nil) {
        self.id = id
        self.type = type
        self.canonical = canonical
        self.mentions = mentions
        self.value = value
    }
}
