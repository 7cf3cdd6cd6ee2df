/// Tags the tokens of a sentence with a trained model and the bundled gazetteers.
public struct NERTagger: Sendable {
    public let model: NERModel
    let extractor: NERFeatureExtractor

    /// - Throws: ``GazetteerError`` when the bundled gazetteers or word knowledge cannot be loaded.
    public init(model: NERModel) throws(GazetteerError) {
        self.init(
            model: model,
            extractor: NERFeatureExtractor(
                lexicon: TaggingLexicon(gazetteer: try .bundled()), knowledge: try .bundled(), prior: model.prior)
        )
    }

    init(model: NERModel, extractor: NERFeatureExtractor) {
        self.model = model
        self.extractor = extractor
    }

    /// Whether the model was trained on the gazetteer data and word knowledge this tagger uses;
    /// when not, their features mean something else and accuracy drops.
    public var matchesGazetteers: Bool {
        model.gazetteerFingerprint == extractor.dataFingerprint
    }

    /// One BIO tag per token; every I-X continues a B-X or I-X.
    public func tag(_ tokens: [String]) -> [BIOTag] {
        model.decode(extractor.features(of: tokens))
    }

    /// Tags the sentences of one text (an article, a corpus in order) and then the other
    /// mentions of the names found in nearby sentences (``MentionPropagation``).
    /// - Parameter propagatesNames: `false` tags each sentence on its own.
    public func tag(sentences: [[String]], propagatesNames: Bool = true) -> [[BIOTag]] {
        tag(described: sentences.map(extractor.describe), propagatesNames: propagatesNames)
    }

    /// Tags the paragraphs of an analysed text, one token per word, as ``tag(sentences:propagatesNames:)``.
    func tag(paragraphs: [ParagraphContext]) -> [[BIOTag]] {
        tag(described: paragraphs.map(extractor.describe), propagatesNames: true)
    }

    private func tag(described descriptions: [[TokenDescription]], propagatesNames: Bool) -> [[BIOTag]] {
        var tags = descriptions.map { model.decode(extractor.features(describing: $0)) }
        if propagatesNames { MentionPropagation().apply(to: &tags, descriptions: descriptions) }
        return tags
    }
}
