import ArabicText
import Testing

@testable import EntityTagging

@Suite("WordKnowledge")
struct WordKnowledgeTests {
    /// Made-up knowledge: two clustered words, three dictionary words, a one-word place that is
    /// also a common word and a two-word place.
    private static func knowledge() throws -> WordKnowledge {
        try WordKnowledge.parse(
            clusters: "# word<TAB>bits\nزيدون\t0110\nمدينة\t101101\n",
            commonWords: "باب\nكتاب\nقال\n",
            places: "باب\tPLACE_AMBIGUOUS\nالوادي الأخضر\tPLACE\n",
            fingerprint: "test"
        )
    }

    private static func describe(_ tokens: [String]) throws -> [TokenDescription] {
        NERFeatureExtractor(lexicon: TaggingLexicon(gazetteer: try Gazetteer.bundled()), knowledge: try knowledge())
            .describe(tokens)
    }

    @Test("cluster prefixes keep the leading length bit; shorter codes stay whole")
    func clusterPrefixes() {
        let code: UInt32 = 0b1_0110
        #expect(WordKnowledge.clusterPrefix(code, length: 2) == 0b1_01)
        #expect(WordKnowledge.clusterPrefix(code, length: 4) == code)
        #expect(WordKnowledge.clusterPrefix(code, length: 8) == code)
        #expect(WordKnowledge.clusterPrefix(0, length: 4) == 0)
    }

    @Test("tokens get their cluster by key or stem, and dictionary bits for word, stem and bare stem")
    func clustersAndDictionary() throws {
        let tokens = try Self.describe(["قال", "زيدون", "والمدينة", "سلوان", "بالكتاب"])
        #expect(tokens.map(\.cluster) == [0, 0b1_0110, 0b1_101101, 0, 0])
        #expect(tokens[0].dictionary & (1 | 2 | 4) == 1 | 2 | 4)
        #expect(tokens[1].dictionary & (2 | 4) == 0)
        #expect(tokens[3].dictionary & (2 | 4) == 0)
        #expect(tokens[4].dictionary & 4 != 0)
    }

    @Test("place names mark their first and following tokens, with or without article and proclitics")
    func places() throws {
        let tokens = try Self.describe(["سافر", "إلى", "بالوادي", "الاخضر", "عند", "باب", "البيت"])
        #expect(tokens.map(\.placeBits) == [0, 0, 0b01, 0b10, 0, 0b0100, 0])
    }

    @Test("an unknown place kind or a missing column names the file and line")
    func malformed() {
        #expect(throws: GazetteerError(.unknownType, "")) {
            try WordKnowledge.parse(clusters: "", commonWords: "", places: "سرت\tTOWN\n", fingerprint: "")
        }
        #expect(throws: GazetteerError(.malformedLine, "")) {
            try WordKnowledge.parse(clusters: "سرت\t01x\n", commonWords: "", places: "", fingerprint: "")
        }
    }

    @Test("the bundled knowledge loads, with clusters, dictionary and places")
    func bundled() throws {
        let knowledge = try WordKnowledge.bundled()
        #expect(knowledge.clusters.count > 10_000)
        #expect(knowledge.places.count > 1_000)
        #expect(knowledge.commonWords.contains("كتاب"))
    }
}
