/// A sentence's features as rows of a weight table, token after token.
package struct FeatureRows: Sendable {
    /// The rows of all tokens' features.
    private(set) var rows: [Int32] = []
    /// Where each token's rows start in `rows`, and where the last one ends.
    private(set) var starts: [Int] = [0]

    /// Looks each feature id up, dropping those the table has no row for.
    package init(_ features: SentenceFeatures, row: (UInt32) -> Int32?) {
        self.init(features, copyOffset: nil, row: row)
    }

    /// Looks each feature id up and, with a `copyOffset`, also adds the row that far past it:
    /// training's domain-specific copy of the feature.
    package init(_ features: SentenceFeatures, copyOffset: Int32?, row: (UInt32) -> Int32?) {
        rows.reserveCapacity(features.ids.count * (copyOffset == nil ? 1 : 2))
        for token in 0..<features.tokenCount {
            for id in features.ids(ofToken: token) {
                guard let found = row(id) else { continue }
                rows.append(found)
                if let copyOffset { rows.append(found + copyOffset) }
            }
            starts.append(rows.count)
        }
    }

    package var tokenCount: Int { starts.count - 1 }

    package func rows(ofToken index: Int) -> ArraySlice<Int32> {
        rows[starts[index]..<starts[index + 1]]
    }

    /// The emission scores for the decoder: for each token and tag, the sum of the tag's
    /// weights over the token's rows of `weights` (`weights[row * BIOTag.count + tag]`).
    package func emissions(_ weights: [Float]) -> [Float] {
        let tags = BIOTag.count
        var scores = [Float](repeating: 0, count: tokenCount * tags)
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for token in 0..<tokenCount {
                    let base = token * tags
                    for row in rows(ofToken: token) {
                        let offset = Int(row) * tags
                        for tag in 0..<tags { scores[base + tag] += weights[offset + tag] }
                    }
                }
            }
        }
        return scores
    }
}
