import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("EntityWordPrior")
struct EntityWordPriorTests {
    @Test("words mostly tagged as entities get their most frequent tag and a certainty; others none")
    func counts() throws {
        let extractor = NERFeatureExtractor(lexicon: TaggingLexicon(gazetteer: try Gazetteer.bundled()))
        let sentences = [
            LabeledSentence(tokens: ["قال", "زيدون", "إن"], tags: [.outside, .begin(.person), .outside]),
            LabeledSentence(tokens: ["وقال", "زيدون"], tags: [.outside, .begin(.person)]),
            LabeledSentence(tokens: ["سرت", "سرت"], tags: [.begin(.location), .outside]),
        ]
        let prior = EntityWordPrior(sentences: sentences, extractor: extractor)
        func code(_ word: String) -> UInt8? {
            prior.code(ofStem: extractor.describe([word])[0].stem)
        }
        #expect(code("زيدون") == EntityWordPrior.code(tag: BIOTag.begin(.person).index, count: 2, entityShare: 1))
        #expect(code("زيدون") == UInt8(BIOTag.begin(.person).index) | 3 << 4)
        #expect(code("سرت") == UInt8(BIOTag.begin(.location).index) | 1 << 4)
        #expect(code("قال") == nil)
        #expect(code("إن") == nil)
    }
}
