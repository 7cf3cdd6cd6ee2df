internal import EntityTagging

/// The weights a perceptron run learns, with their averages.
struct TrainingState: Sendable {
    private var emissions: AveragedWeights
    private var first = AveragedWeights(count: TransitionWeights.firstCount)
    private var second = AveragedWeights(count: TransitionWeights.secondCount)
    /// The number of examples seen plus one; the averages divide by it.
    private var time: Double = 1

    init(rowCount: Int) {
        emissions = AveragedWeights(count: rowCount * BIOTag.count)
    }

    /// Decodes one sentence with the current weights and, where the result is wrong, moves the
    /// weights towards the gold tags and away from the prediction by `weight`.
    /// - Returns: the number of tokens tagged right before the update.
    mutating func learn(_ example: FeatureRows, gold: [Int], weight: Float = 1) -> Int {
        let predicted = ViterbiDecoder.decode(
            emissions: example.emissions(emissions.weights),
            count: example.tokenCount,
            transitions: TransitionWeights(first: first.weights, second: second.weights)
        )
        defer { time += 1 }
        let correct = zip(predicted, gold).filter { $0 == $1 }.count
        guard correct < gold.count else { return correct }
        let tags = BIOTag.count
        let start = TransitionWeights.start
        for position in gold.indices {
            let right = gold[position]
            let wrong = predicted[position]
            if right != wrong {
                for row in example.rows(ofToken: position) {
                    emissions.update(Int(row) * tags + right, by: weight, at: time)
                    emissions.update(Int(row) * tags + wrong, by: -weight, at: time)
                }
            }
            let rightPrevious = position > 0 ? gold[position - 1] : start
            let wrongPrevious = position > 0 ? predicted[position - 1] : start
            let rightBefore = position > 1 ? gold[position - 2] : start
            let wrongBefore = position > 1 ? predicted[position - 2] : start
            if right != wrong || rightPrevious != wrongPrevious {
                first.update(TransitionWeights.firstIndex(rightPrevious, right), by: weight, at: time)
                first.update(TransitionWeights.firstIndex(wrongPrevious, wrong), by: -weight, at: time)
            }
            if right != wrong || rightPrevious != wrongPrevious || rightBefore != wrongBefore {
                second.update(
                    TransitionWeights.secondIndex(rightBefore, rightPrevious, right), by: weight, at: time)
                second.update(
                    TransitionWeights.secondIndex(wrongBefore, wrongPrevious, wrong), by: -weight, at: time)
            }
        }
        return correct
    }

    func averagedEmissions() -> [Float] {
        emissions.averaged(at: time)
    }

    func averagedTransitions() -> TransitionWeights {
        TransitionWeights(first: first.averaged(at: time), second: second.averaged(at: time))
    }

    /// The averaged weights as a model, without the rows whose weights are all closer to zero
    /// than `minimumWeight` and with such single weights set to zero; rows in feature id order,
    /// as a model file lists them.
    /// - Parameter mainCopyOffset: with domain copies, how many rows past each shared row lies
    ///   its main-domain copy; the model holds their sum, which is what the main corpus's
    ///   sentences were scored with in training.
    func model(
        vocabulary: [UInt32: Int32],
        mainCopyOffset: Int? = nil,
        minimumWeight: Float,
        gazetteerFingerprint: String,
        prior: EntityWordPrior
    ) -> NERModel {
        let averaged = averagedEmissions()
        let tags = BIOTag.count
        var rows: [UInt32: Int32] = [:]
        var kept: [Float] = []
        for (id, row) in vocabulary.sorted(by: { $0.key < $1.key }) {
            let start = Int(row) * tags
            let copy = mainCopyOffset.map { start + $0 * tags }
            let weights = (0..<tags).map { tag in
                let weight = averaged[start + tag] + (copy.map { averaged[$0 + tag] } ?? 0)
                return abs(weight) < minimumWeight ? 0 : weight
            }
            guard weights.contains(where: { $0 != 0 }) else { continue }
            rows[id] = Int32(rows.count)
            kept += weights
        }
        return NERModel(
            rows: rows,
            emissions: kept,
            transitions: averagedTransitions(),
            gazetteerFingerprint: gazetteerFingerprint,
            prior: prior
        )
    }
}
