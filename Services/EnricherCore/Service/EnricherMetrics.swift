import Kafka
import Metrics

/// The enricher's metric families: each name with the help text `/metrics` shows for it, in one place.
public enum EnricherMetricFamily: String, CaseIterable, Sendable {
    case consumed = "akhbar_enricher_consumed_total"
    case stored = "akhbar_enricher_stored_total"
    case skipped = "akhbar_enricher_skipped_total"
    case deadLettered = "akhbar_enricher_dead_lettered_total"
    case failedBatches = "akhbar_enricher_failed_batches_total"
    case batchSize = "akhbar_enricher_batch_size"
    case batchLatency = "akhbar_enricher_batch_latency_seconds"
    case enrichmentTime = "akhbar_enricher_enrichment_seconds"
    case lag = "akhbar_enricher_lag_messages"

    public var help: String {
        switch self {
        case .consumed: "Messages read from the raw-article topic."
        case .stored: "Articles written to the store."
        case .skipped: "Messages skipped because the store already holds them (redelivered after a rebalance or crash)."
        case .deadLettered: "Messages sent to the dead-letter topic, with the reason in their headers."
        case .failedBatches: "Batches the store refused (disk full, database locked); each stops the enricher."
        case .batchSize: "Messages per stored batch."
        case .batchLatency: "Seconds from a batch's first message to its offsets committed."
        case .enrichmentTime: "Seconds to clean, normalize and tag one article."
        case .lag: "Messages of a partition not yet processed, as of its last stored batch."
        }
    }

    /// Every family's help text by name, for the operator endpoints.
    public static var helpTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.help) })
    }
}

/// The service's metrics, through swift-metrics: the backend the process bootstrapped receives
/// them (Prometheus in `akhbar-enricher --metrics-port`; none when it bootstrapped nothing).
struct EnricherMetrics: Sendable {
    let consumed = Counter(label: EnricherMetricFamily.consumed.rawValue)
    let stored = Counter(label: EnricherMetricFamily.stored.rawValue)
    let skipped = Counter(label: EnricherMetricFamily.skipped.rawValue)
    let deadLettered = Counter(label: EnricherMetricFamily.deadLettered.rawValue)
    let failedBatches = Counter(label: EnricherMetricFamily.failedBatches.rawValue)
    let batchSize = Recorder(label: EnricherMetricFamily.batchSize.rawValue, aggregate: true)
    let batchLatency = Timer(label: EnricherMetricFamily.batchLatency.rawValue)
    let enrichmentTime = Timer(label: EnricherMetricFamily.enrichmentTime.rawValue)

    func lag(_ partition: KafkaTopicPartition) -> Gauge {
        Gauge(
            label: EnricherMetricFamily.lag.rawValue,
            dimensions: [("topic", partition.topic), ("partition", String(partition.partition))])
    }
}
