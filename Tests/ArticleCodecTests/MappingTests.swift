import ArticleCodec
import ArticleModel
import SwiftProtobuf
import Testing

/// The public mappings between model and generated types, which gRPC handlers use directly.
@Suite("Model ↔ wire mapping")
struct MappingTests {
    @Test("Every model entity type maps to a wire value and back", arguments: EntityType.allCases)
    func entityTypeRoundTrip(type: EntityType) {
        let wire = Akhbar_V1_EntityType(type)
        #expect(wire != .unspecified)
        #expect(EntityType(wire) == type)
        #expect(wire.rawValue == ["PERSON": 1, "ORGANIZATION": 2, "LOCATION": 3, "DATE": 4][type.rawValue])
    }

    @Test("Unspecified and unknown wire types map to nil")
    func entityTypeUnknown() {
        #expect(EntityType(Akhbar_V1_EntityType.unspecified) == nil)
        #expect(EntityType(Akhbar_V1_EntityType.UNRECOGNIZED(42)) == nil)
    }

    @Test("RawArticle maps field by field; nil optionals are absent fields")
    func rawArticleFields() throws {
        let article = Fixtures.fullRawArticle
        let message = try Akhbar_V1_RawArticle(validating: article)
        #expect(message.id == article.id)
        #expect(message.hasURL && message.url == article.url)
        #expect(message.hasTitle && message.title == article.title)
        #expect(message.publishedAt.date == article.publishedAt)
        #expect(message.language == "ar")
        let minimal = try Akhbar_V1_RawArticle(validating: Fixtures.minimalRawArticle)
        #expect(!minimal.hasURL && !minimal.hasSource && !minimal.hasTitle && !minimal.hasPublishedAt)
        #expect(try RawArticle(validating: message) == article)
    }

    @Test("Entity maps with its mentions and optional value")
    func entityFields() throws {
        let entity = Fixtures.enrichedArticle.entities[3]
        let message = try Akhbar_V1_Entity(validating: entity)
        #expect(message.type == .date)
        #expect(message.hasValue && message.value == "2025-05-27/2025-05-29")
        #expect(message.mentions.map(\.start) == entity.mentions.map { UInt32($0.start) })
        #expect(try Entity(validating: message) == entity)
        let withoutValue = try Akhbar_V1_Entity(validating: Fixtures.enrichedArticle.entities[0])
        #expect(!withoutValue.hasValue)
    }

    @Test(
        "A date whose year is unknown keeps its reduced ISO value through the wire",
        arguments: ["--09-15", "--05-27/--05-29"])
    func yearlessDate(value: String) throws {
        var entity = Fixtures.enrichedArticle.entities[3]
        entity.id = "DATE:\(value)"
        entity.value = value
        let message = try Akhbar_V1_Entity(validating: entity)
        #expect(message.value == value)
        #expect(try Entity(validating: message) == entity)
    }
}
