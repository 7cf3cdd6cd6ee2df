public import EntityTagging
internal import SeededRandom

/// Trains the entity tagger: an averaged perceptron over BIO tags with second-order
/// transitions, Viterbi decoding and the features of ``NERFeatureExtractor``.
///
/// Training is deterministic: sentences are shuffled each epoch by a generator with a fixed
/// seed. Features are extracted once and turned into dense rows, so the epochs only add and
/// compare numbers.
public struct PerceptronTrainer: Sendable {
    public struct Options: Sendable {
        /// Passes over the training sentences.
        public var epochs = 10
        /// Seeds the shuffle of each epoch.
        public var seed: UInt64 = 1
        /// Features seen fewer times in training get no weights.
        public var minimumFeatureCount = 1
        /// Averaged weights closer to zero than this are left out of the model.
        public var minimumWeight: Float = 0.01
        /// The size of the updates from the further training sentences (other corpora, other
        /// annotation habits) against 1 for the main ones.
        public var furtherWeight: Float = 1
        /// Gives every feature a copy per domain (main, further) besides the shared one.
        public var domainCopies = false

        public init() {}
    }

    /// What one epoch did.
    public struct EpochReport: Sendable {
        public let epoch: Int
        /// Training tokens decoded (and learned from) per second.
        public let tokensPerSecond: Double
        /// The share of training tokens tagged right before each sentence's update.
        public let trainingAccuracy: Double
        /// The share of dev tokens the averaged weights tag right; `nil` without dev sentences.
        public let devAccuracy: Double?
        /// Entity-level scores of the averaged weights on the dev sentences.
        public let devScore: EntityScore<NERType>?
    }

    public let options: Options
    let extractor: NERFeatureExtractor

    /// Prepares training over the bundled gazetteers and word knowledge.
    /// - Throws: ``GazetteerError`` when they cannot be loaded.
    public init(options: Options) throws(GazetteerError) {
        self.options = options
        extractor = NERFeatureExtractor(
            lexicon: TaggingLexicon(gazetteer: try Gazetteer.bundled()), knowledge: try WordKnowledge.bundled())
    }

    /// Trains on `main` and `further` sentences and reports each epoch, scored on `dev` when it
    /// is not empty.
    /// - Parameters:
    ///   - further: sentences of other corpora, learned from with ``Options/furtherWeight``.
    ///   - priorSentences: annotated text, sharing no text with the training sentences, `dev` or
    ///     any test set, whose word counts become the entity prior features.
    public func train(
        _ main: [LabeledSentence],
        further: [LabeledSentence] = [],
        dev: [LabeledSentence],
        priorSentences: [LabeledSentence] = [],
        progress: (EpochReport) -> Void
    ) -> NERModel {
        let prior =
            priorSentences.isEmpty ? .empty : EntityWordPrior(sentences: priorSentences, extractor: self.extractor)
        let extractor = NERFeatureExtractor(
            lexicon: self.extractor.lexicon, knowledge: self.extractor.knowledge, prior: prior)
        let sentences = main + further
        let weights =
            Array(repeating: Float(1), count: main.count)
            + Array(repeating: options.furtherWeight, count: further.count)
        let extracted = sentences.map { extractor.features(of: $0.tokens) }
        let vocabulary = Self.vocabulary(extracted, minimumCount: options.minimumFeatureCount)
        // Feature augmentation (Daumé 2007): with further sentences, every feature also has a
        // copy per domain, so what only one corpus's habits teach stays in its copy.
        let augmented = !further.isEmpty && options.domainCopies
        let rowCount = Int32(vocabulary.count)
        let examples = extracted.indices.map { index in
            FeatureRows(
                extracted[index], copyOffset: augmented ? (index < main.count ? rowCount : 2 * rowCount) : nil
            ) { vocabulary[$0] }
        }
        let gold = sentences.map { $0.tags.map(\.index) }
        let devExamples = dev.map {
            FeatureRows(extractor.features(of: $0.tokens), copyOffset: augmented ? rowCount : nil) { vocabulary[$0] }
        }

        var state = TrainingState(rowCount: vocabulary.count * (augmented ? 3 : 1))
        var generator = SplitMix64(seed: options.seed)
        var order = Array(sentences.indices)
        let tokenCount = gold.reduce(0) { $0 + $1.count }
        for epoch in 1...max(1, options.epochs) {
            Self.shuffle(&order, using: &generator)
            let clock = ContinuousClock()
            let started = clock.now
            var correct = 0
            for index in order {
                correct += state.learn(examples[index], gold: gold[index], weight: weights[index])
            }
            let seconds = (clock.now - started) / .seconds(1)
            let devResult = devExamples.isEmpty ? nil : Self.evaluate(devExamples, gold: dev, state: state)
            progress(
                EpochReport(
                    epoch: epoch,
                    tokensPerSecond: Double(tokenCount) / max(seconds, 1e-9),
                    trainingAccuracy: Double(correct) / Double(max(tokenCount, 1)),
                    devAccuracy: devResult?.accuracy,
                    devScore: devResult?.score
                )
            )
        }
        return state.model(
            vocabulary: vocabulary,
            mainCopyOffset: augmented ? Int(rowCount) : nil,
            minimumWeight: options.minimumWeight,
            gazetteerFingerprint: extractor.dataFingerprint,
            prior: prior
        )
    }

    /// A dense row for every feature id seen at least `minimumCount` times, in order of first
    /// sight so that the numbering is deterministic.
    private static func vocabulary(_ extracted: [SentenceFeatures], minimumCount: Int) -> [UInt32: Int32] {
        var counts: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for sentence in extracted {
            for id in sentence.ids {
                counts[id, default: 0] += 1
                if counts[id] == 1 { order.append(id) }
            }
        }
        var vocabulary: [UInt32: Int32] = [:]
        for id in order where counts[id, default: 0] >= minimumCount {
            vocabulary[id] = Int32(vocabulary.count)
        }
        return vocabulary
    }

    /// Fisher–Yates with our own generator, so the order does not depend on the standard
    /// library's shuffle algorithm.
    private static func shuffle(_ order: inout [Int], using generator: inout SplitMix64) {
        guard order.count > 1 else { return }
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
    }

    private static func evaluate(
        _ examples: [FeatureRows],
        gold: [LabeledSentence],
        state: TrainingState
    ) -> (accuracy: Double, score: EntityScore<NERType>) {
        let weights = state.averagedEmissions()
        let transitions = state.averagedTransitions()
        var correct = 0
        var total = 0
        var score = EntityScore<NERType>()
        for (example, sentence) in zip(examples, gold) {
            let predicted = ViterbiDecoder.decode(
                emissions: example.emissions(weights),
                count: example.tokenCount,
                transitions: transitions
            ).map { BIOTag.all[$0] }
            correct += zip(predicted, sentence.tags).filter { $0 == $1 }.count
            total += predicted.count
            score.add(gold: sentence.tags, predicted: predicted)
        }
        return (Double(correct) / Double(max(total, 1)), score)
    }
}
