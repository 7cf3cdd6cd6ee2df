/// A trained entity tagger's weights: a row of tag weights per feature id, and the weights of
/// tag transitions.
public struct NERModel: Sendable {
    /// The row of each feature id in `emissions`.
    let rows: [UInt32: Int32]
    /// `rows` laid out for fast lookups while tagging.
    private let rowTable: FeatureRowTable
    /// `emissions[row * BIOTag.count + tag]`.
    let emissions: [Float]
    let transitions: TransitionWeights
    /// The gazetteer data and word knowledge the features were computed with
    /// (``NERFeatureExtractor/dataFingerprint``): their features mean something else under other data.
    public let gazetteerFingerprint: String
    /// The entity priors the features were computed with; they travel with the weights.
    let prior: EntityWordPrior
    /// The checksum of the file the model was read from, if it was read from one.
    var fileChecksum: UInt64?

    package init(
        rows: [UInt32: Int32],
        emissions: [Float],
        transitions: TransitionWeights,
        gazetteerFingerprint: String,
        prior: EntityWordPrior
    ) {
        precondition(emissions.count == rows.count * BIOTag.count)
        self.rows = rows
        rowTable = FeatureRowTable(rows)
        self.emissions = emissions
        self.transitions = transitions
        self.gazetteerFingerprint = gazetteerFingerprint
        self.prior = prior
    }

    /// The number of features with weights.
    public var featureCount: Int { rows.count }

    /// The best tag sequence for a sentence's features.
    func decode(_ features: SentenceFeatures) -> [BIOTag] {
        let featureRows = FeatureRows(features) { rowTable.row(of: $0) }
        return ViterbiDecoder.decode(
            emissions: featureRows.emissions(emissions),
            count: featureRows.tokenCount,
            transitions: transitions
        ).map { BIOTag.all[$0] }
    }
}
