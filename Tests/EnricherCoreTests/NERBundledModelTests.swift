import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("Bundled NER model")
struct NERBundledModelTests {
    @Test("the bundled model loads and was trained on the bundled gazetteers")
    func loads() throws {
        let tagger = try NERTagger(model: try NERModel.bundled())
        #expect(tagger.model.featureCount > 50_000)
        // A plain Bool: on failure, an expression naming the tagger would print the whole model.
        let matchesGazetteers = tagger.matchesGazetteers
        #expect(matchesGazetteers, "retrain the model after changing the gazetteers (see its NOTICE)")
        #expect(tagger.tag([]).isEmpty)
        let tags = tagger.tag(["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."])
        #expect(tags.count == 8)
        #expect(tags[6] == .begin(.location))
    }

    @Test(
        "entity-level micro F1 on the ANERcorp CAMeL test split stays above its floor",
        .enabled(if: NERData.isAvailable, "no Arabic NER data at ../shared/data/arabic-ner or AKHBAR_NER_DATA")
    )
    func anercorpTest() throws {
        let tagger = try NERTagger(model: try NERModel.bundled())
        let sentences = try CoNLLReader.read(contentsOf: NERData.anercorpTest)
        var score = EntityScore<NERType>()
        for (sentence, predicted) in zip(sentences, tagger.tag(sentences: sentences.map(\.tokens))) {
            score.add(gold: sentence.tags, predicted: predicted)
        }
        let micro = score.micro(over: NERType.allCases)
        #expect(micro.support == 2_221)
        #expect(micro.f1 > Self.floor, "micro F1 \(micro.f1)")
    }

    /// A little below the F1 measured when the model was committed (see the model's NOTICE).
    static let floor = 0.69
}
