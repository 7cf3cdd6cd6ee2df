import Testing

@testable import EntityTagging

@Suite("EntitySpan")
struct EntitySpanTests {
    @Test("BIO tags parse and print back")
    func labels() {
        for tag in BIOTag.all {
            #expect(BIOTag(label: tag.label) == tag)
        }
        #expect(BIOTag.all.map(\.index) == Array(0..<BIOTag.count))
        #expect(BIOTag(label: "B-") == nil)
        #expect(BIOTag(label: "X-PER") == nil)
        #expect(BIOTag(label: "I-DATE") == nil)
    }

    @Test("spans follow conlleval: B starts, I continues the same type, anything else ends")
    func spans() {
        let tags: [BIOTag] = [
            .begin(.person), .inside(.person), .outside, .begin(.location), .begin(.location),
            .inside(.organization), .inside(.organization), .begin(.miscellaneous),
        ]
        #expect(
            EntitySpan.spans(in: tags) == [
                EntitySpan(type: .person, tokens: 0..<2),
                EntitySpan(type: .location, tokens: 3..<4),
                EntitySpan(type: .location, tokens: 4..<5),
                EntitySpan(type: .organization, tokens: 5..<7),
                EntitySpan(type: .miscellaneous, tokens: 7..<8),
            ]
        )
    }

    @Test("an I after O or after another type opens an entity")
    func strayInside() {
        let tags: [BIOTag] = [.inside(.person), .outside, .inside(.location), .inside(.location)]
        #expect(
            EntitySpan.spans(in: tags) == [
                EntitySpan(type: .person, tokens: 0..<1), EntitySpan(type: .location, tokens: 2..<4),
            ])
        #expect(EntitySpan.spans(in: []).isEmpty)
    }

    @Test("I-X may follow only B-X or I-X")
    func transitions() {
        #expect(BIOTag.inside(.person).canFollow(.begin(.person)))
        #expect(BIOTag.inside(.person).canFollow(.inside(.person)))
        #expect(!BIOTag.inside(.person).canFollow(.begin(.location)))
        #expect(!BIOTag.inside(.person).canFollow(.outside))
        #expect(!BIOTag.inside(.person).canFollow(nil))
        #expect(BIOTag.begin(.person).canFollow(nil))
        #expect(BIOTag.outside.canFollow(.inside(.organization)))
    }
}
