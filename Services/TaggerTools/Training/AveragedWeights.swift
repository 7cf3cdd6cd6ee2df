/// Perceptron weights with the running sums that make their average cheap: an update of `delta`
/// at time `t` also adds `t * delta` to the totals, and the average over all times is then
/// `weight - total / time` (Daumé's trick), with no pass over every weight per example.
struct AveragedWeights: Sendable {
    private(set) var weights: [Float]
    private var totals: [Double]

    init(count: Int) {
        weights = Array(repeating: 0, count: count)
        totals = Array(repeating: 0, count: count)
    }

    mutating func update(_ index: Int, by delta: Float, at time: Double) {
        weights[index] += delta
        totals[index] += time * Double(delta)
    }

    /// The weights averaged over every example seen, `time` being the number seen plus one.
    func averaged(at time: Double) -> [Float] {
        zip(weights, totals).map { $0 - Float($1 / time) }
    }
}
