import Foundation

/// Where one enricher process spent its time, per stage, printed when it exits: what a throughput figure is made of.
/// Messages are decoded and enriched on every core at once and stores run behind the polling loop, so the stages
/// overlap: each is the sum of its own durations, which can exceed the time the process ran.
public struct EnricherStageTimes: Sendable, Equatable, CustomStringConvertible {
    /// Protobuf decoding and validation of raw articles.
    public var decode = Duration.zero
    /// Cleaning, normalizing and tagging.
    public var enrich = Duration.zero
    /// Store transactions, including waits for another writer's lock.
    public var store = Duration.zero
    /// Kafka offset commits after stored batches.
    public var commit = Duration.zero

    public init() {}

    public var description: String {
        func seconds(_ duration: Duration) -> String {
            let (whole, attoseconds) = duration.components
            return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
        }
        return "decode: \(seconds(decode)), enrich: \(seconds(enrich)), store: \(seconds(store)), "
            + "commit: \(seconds(commit))"
    }
}
