import Kafka

/// Which partitions this member owns, and since when it owns none: a member left without partitions for long
/// (its topic does not exist yet, or other members hold every partition) says so instead of waiting in silence.
struct AssignmentWatch {
    /// How long a member may own nothing before it says so, and how often it repeats it.
    static let quietPeriod = Duration.seconds(30)

    private(set) var owned: Set<KafkaTopicPartition> = []
    private var ownsNothingSince: ContinuousClock.Instant?
    private var lastReport: ContinuousClock.Instant?

    init(now: ContinuousClock.Instant = .now) {
        ownsNothingSince = now
    }

    mutating func assigned(_ partitions: [KafkaTopicPartition]) {
        owned.formUnion(partitions)
        if !owned.isEmpty { ownsNothingSince = nil }
    }

    mutating func revoked(_ partitions: [KafkaTopicPartition], now: ContinuousClock.Instant = .now) {
        owned.subtract(partitions)
        if owned.isEmpty, ownsNothingSince == nil { ownsNothingSince = now }
    }

    /// How long the member has owned nothing, when that is worth reporting now (at most once per quiet period).
    mutating func idleToReport(now: ContinuousClock.Instant = .now) -> Duration? {
        guard let since = ownsNothingSince, now - since >= Self.quietPeriod,
            lastReport.map({ now - $0 >= Self.quietPeriod }) ?? true
        else { return nil }
        lastReport = now
        return now - since
    }
}
