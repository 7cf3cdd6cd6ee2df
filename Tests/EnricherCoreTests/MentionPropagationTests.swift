import Testing

@testable import EntityTagging

@Suite("MentionPropagation")
struct MentionPropagationTests {
    private static func describe(_ sentences: [[String]]) throws -> [[TokenDescription]] {
        let extractor = NERFeatureExtractor(lexicon: TaggingLexicon(gazetteer: try Gazetteer.bundled()))
        return sentences.map(extractor.describe)
    }

    @Test("a name found nearby is tagged where it recurs, under its proclitics, with the type it had")
    func propagates() throws {
        let sentences = [
            ["قال", "المدرب", "جوزيه", "فيريرا", "إن", "الأهلي", "جاهز"],
            ["وأكد", "جوزيه", "أن", "للأهلي", "فرصة"],
            ["ويخشى", "وجوزيه", "شيئا"],
        ]
        var tags: [[BIOTag]] = [
            [.outside, .outside, .begin(.person), .inside(.person), .outside, .begin(.organization), .outside],
            [.outside, .outside, .outside, .outside, .outside],
            [.outside, .outside, .outside],
        ]
        MentionPropagation().apply(to: &tags, descriptions: try Self.describe(sentences))
        // فيريرا is the surname of the person; جوزيه alone is not a name found nearby.
        #expect(tags[1] == [.outside, .outside, .outside, .begin(.organization), .outside])
        #expect(tags[2] == [.outside, .outside, .outside])
    }

    @Test("only sentences inside the window count, and tagged tokens stay as they are")
    func window() throws {
        let sentences = [["زار", "سرت"], ["في"], ["في"], ["في"], ["من", "سرت"], ["مدينة", "سرت"]]
        var tags: [[BIOTag]] = [
            [.outside, .begin(.location)], [.outside], [.outside], [.outside], [.outside, .outside],
            [.begin(.organization), .inside(.organization)],
        ]
        MentionPropagation(window: 3, passes: 1).apply(to: &tags, descriptions: try Self.describe(sentences))
        #expect(tags[4] == [.outside, .outside])
        MentionPropagation(window: 4, passes: 1).apply(to: &tags, descriptions: try Self.describe(sentences))
        #expect(tags[4] == [.outside, .begin(.location)])
        #expect(tags[5] == [.begin(.organization), .inside(.organization)])
    }

    @Test("a name found by one pass spreads further in the next, as far as the passes allow")
    func chains() throws {
        let sentences = [["زار", "سرت"], ["في"], ["من", "سرت"], ["في"], ["إلى", "سرت"]]
        let untagged: [[BIOTag]] = [
            [.outside, .begin(.location)], [.outside], [.outside, .outside], [.outside], [.outside, .outside],
        ]
        var tags = untagged
        MentionPropagation(window: 2, passes: 1).apply(to: &tags, descriptions: try Self.describe(sentences))
        #expect(tags[2] == [.outside, .begin(.location)])
        #expect(tags[4] == [.outside, .outside])
        tags = untagged
        MentionPropagation(window: 2, passes: 2).apply(to: &tags, descriptions: try Self.describe(sentences))
        #expect(tags[4] == [.outside, .begin(.location)])
    }
}
