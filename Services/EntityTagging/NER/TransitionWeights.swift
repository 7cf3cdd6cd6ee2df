/// The weights of tag sequences: a tag after the previous tag, and after the previous two.
///
/// Tags are numbered by ``BIOTag/index``; the number ``start`` stands for the positions before
/// the sentence.
package struct TransitionWeights: Sendable, Equatable {
    package static let start = BIOTag.count
    /// Tags plus `start`: the values a previous position can take.
    static let previousStates = BIOTag.count + 1

    /// `first[previous * BIOTag.count + tag]`.
    var first: [Float]
    /// `second[(beforePrevious * previousStates + previous) * BIOTag.count + tag]`.
    var second: [Float]

    init() {
        first = Array(repeating: 0, count: Self.firstCount)
        second = Array(repeating: 0, count: Self.secondCount)
    }

    package init(first: [Float], second: [Float]) {
        precondition(first.count == Self.firstCount && second.count == Self.secondCount)
        self.first = first
        self.second = second
    }

    package static let firstCount = previousStates * BIOTag.count
    package static let secondCount = previousStates * previousStates * BIOTag.count

    package static func firstIndex(_ previous: Int, _ tag: Int) -> Int {
        previous * BIOTag.count + tag
    }

    package static func secondIndex(_ beforePrevious: Int, _ previous: Int, _ tag: Int) -> Int {
        (beforePrevious * previousStates + previous) * BIOTag.count + tag
    }
}
