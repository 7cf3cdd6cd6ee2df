import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("PerceptronTrainer")
struct PerceptronTrainerTests {
    @Test("a short run learns the toy pattern and tags unseen words by their context")
    func learnsPattern() throws {
        var reports: [PerceptronTrainer.EpochReport] = []
        let model = try NERToyCorpus.trainer().train(NERToyCorpus.training, dev: [NERToyCorpus.unseen]) {
            reports.append($0)
        }
        #expect(reports.map(\.epoch) == [1, 2, 3, 4, 5])
        #expect(reports.last?.trainingAccuracy == 1)
        #expect(reports.last?.devAccuracy == 1)
        #expect(reports.allSatisfy { $0.tokensPerSecond > 0 })
        let tagger = try NERTagger(model: model)
        #expect(tagger.tag(NERToyCorpus.unseen.tokens) == NERToyCorpus.unseen.tags)
        #expect(tagger.matchesGazetteers)
    }

    @Test("with domain copies, a further corpus's other habit does not override the main one's")
    func domainCopies() throws {
        // The further corpus leaves شركة out of the organization, and is twice the main one.
        let further = (NERToyCorpus.training + NERToyCorpus.training).map { sentence in
            var tags = sentence.tags
            tags[3] = .outside
            tags[4] = .begin(.organization)
            return LabeledSentence(tokens: sentence.tokens, tags: tags)
        }
        var options = PerceptronTrainer.Options()
        options.domainCopies = true
        let model = try PerceptronTrainer(options: options).train(
            NERToyCorpus.training, further: further, dev: []
        ) { _ in }
        let tagger = try NERTagger(model: model)
        #expect(tagger.tag(NERToyCorpus.unseen.tokens) == NERToyCorpus.unseen.tags)
    }

    @Test("training is deterministic")
    func deterministic() throws {
        let first = try NERToyCorpus.trainer(epochs: 2).train(NERToyCorpus.training, dev: []) { _ in }
        let second = try NERToyCorpus.trainer(epochs: 2).train(NERToyCorpus.training, dev: []) { _ in }
        #expect(first.rows == second.rows)
        #expect(first.emissions == second.emissions)
        #expect(first.transitions == second.transitions)
    }

    @Test("decoding never yields an I-X that does not continue an X")
    func wellFormed() throws {
        // Emissions that favour I-PER everywhere: the decoder must still start with B-PER.
        var emissions = [Float](repeating: 0, count: 3 * BIOTag.count)
        for position in 0..<3 { emissions[position * BIOTag.count + BIOTag.inside(.person).index] = 5 }
        emissions[BIOTag.begin(.person).index] = 1
        let tags = ViterbiDecoder.decode(emissions: emissions, count: 3, transitions: TransitionWeights())
        #expect(tags.map { BIOTag.all[$0] } == [.begin(.person), .inside(.person), .inside(.person)])
    }
}
