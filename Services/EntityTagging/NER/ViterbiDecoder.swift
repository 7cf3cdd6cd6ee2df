/// Finds the best tag sequence under second-order transitions, with I-X allowed only after
/// B-X or I-X.
package enum ViterbiDecoder {
    /// Whether tag `tag` may follow state `previous` (a tag index or `TransitionWeights.start`).
    static let allowed: [Bool] = (0..<TransitionWeights.previousStates).flatMap { previous in
        BIOTag.all.map { $0.canFollow(previous == TransitionWeights.start ? nil : BIOTag.all[previous]) }
    }

    /// - Parameters:
    ///   - emissions: `emissions[position * BIOTag.count + tag]`, the feature score of each tag.
    ///   - count: the number of positions.
    /// - Returns: the tag index at each position.
    package static func decode(emissions: [Float], count: Int, transitions: TransitionWeights) -> [Int] {
        guard count > 0 else { return [] }
        let tags = BIOTag.count
        let start = TransitionWeights.start
        var initial = [Float](repeating: -.infinity, count: tags)
        for tag in 0..<tags where allowed[TransitionWeights.firstIndex(start, tag)] {
            initial[tag] =
                emissions[tag] + transitions.first[TransitionWeights.firstIndex(start, tag)]
                + transitions.second[TransitionWeights.secondIndex(start, start, tag)]
        }
        guard count > 1 else { return [initial.indices.max { initial[$0] < initial[$1] } ?? 0] }

        // score[(position * tags + previous) * tags + tag]: the best sequence ending in the pair.
        var score = [Float](repeating: -.infinity, count: count * tags * tags)
        var back = [UInt8](repeating: 0, count: count * tags * tags)
        for previous in 0..<tags where initial[previous] > -.infinity {
            for tag in 0..<tags where allowed[TransitionWeights.firstIndex(previous, tag)] {
                score[(tags + previous) * tags + tag] =
                    initial[previous] + transitions.second[TransitionWeights.secondIndex(start, previous, tag)]
                    + transitions.first[TransitionWeights.firstIndex(previous, tag)] + emissions[tags + tag]
            }
        }
        // The hot loop of tagging: read through unchecked buffers.
        score.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                transitions.second.withUnsafeBufferPointer { second in
                    allowed.withUnsafeBufferPointer { allowed in
                        for position in 2..<count {
                            for previous in 0..<tags {
                                let before = (position - 1) * tags * tags + previous
                                for tag in 0..<tags where allowed[TransitionWeights.firstIndex(previous, tag)] {
                                    var best = -Float.infinity
                                    var bestBefore = 0
                                    for beforePrevious in 0..<tags {
                                        let candidate =
                                            score[before + beforePrevious * tags]
                                            + second[TransitionWeights.secondIndex(beforePrevious, previous, tag)]
                                        if candidate > best {
                                            best = candidate
                                            bestBefore = beforePrevious
                                        }
                                    }
                                    guard best > -.infinity else { continue }
                                    let cell = (position * tags + previous) * tags + tag
                                    score[cell] =
                                        best + transitions.first[TransitionWeights.firstIndex(previous, tag)]
                                        + emissions[position * tags + tag]
                                    back[cell] = UInt8(bestBefore)
                                }
                            }
                        }
                    }
                }
            }
        }
        let last = (count - 1) * tags * tags
        let bestPair = (0..<(tags * tags)).max { score[last + $0] < score[last + $1] } ?? 0
        var result = [Int](repeating: 0, count: count)
        result[count - 1] = bestPair % tags
        result[count - 2] = bestPair / tags
        for position in stride(from: count - 1, through: 2, by: -1) {
            let cell = (position * tags + result[position - 1]) * tags + result[position]
            result[position - 2] = Int(back[cell])
        }
        return result
    }
}
