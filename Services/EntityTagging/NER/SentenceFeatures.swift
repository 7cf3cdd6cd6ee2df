/// The feature ids of a sentence's tokens, flat: token after token.
package struct SentenceFeatures: Sendable {
    /// The ids of all tokens' features.
    package private(set) var ids: [UInt32] = []
    /// Where each token's ids start in `ids`, and where the last one ends.
    package private(set) var starts: [Int] = [0]

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
    }

    var tokenCount: Int { starts.count - 1 }

    /// The ids of one token.
    func ids(ofToken index: Int) -> ArraySlice<UInt32> {
        ids[starts[index]..<starts[index + 1]]
    }

    mutating func add(_ id: UInt32) {
        ids.append(id)
    }

    /// Closes the current token: the ids added from now on belong to the next one.
    mutating func endToken() {
        starts.append(ids.count)
    }
}
