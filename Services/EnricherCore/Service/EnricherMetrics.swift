import Kafka
import Metrics

/// The service's metrics, through swift-metrics: the backend the process bootstrapped receives
/// them (Prometheus in `akhbar-enricher --metrics-port`; none when it bootstrapped nothing).
struct EnricherMetrics: Sendable {
    let consumed = Counter(label: "akhbar_enricher_consumed_total")
    let stored = Counter(label: "akhbar_enricher_stored_total")
    let skipped = Counter(label: "akhbar_enricher_skipped_total")
    let deadLettered = Counter(label: "akhbar_enricher_dead_lettered_total")
    /// Batches the store refused (disk full, database locked); each stops the enricher.
    let failedBatches = Counter(label: "akhbar_enricher_failed_batches_total")
    /// Messages per stored batch.
    let batchSize = Recorder(label: "akhbar_enricher_batch_size", aggregate: true)
    /// From a batch's first message to its offsets committed.
    let batchLatency = Timer(label: "akhbar_enricher_batch_latency_seconds")
    /// The time to clean, normalize and tag one article.
    let enrichmentTime = Timer(label: "akhbar_enricher_enrichment_seconds")

    /// Messages of a partition not yet processed, as of its last stored batch.
    func lag(_ partition: KafkaTopicPartition) -> Gauge {
        Gauge(
            label: "akhbar_enricher_lag_messages",
            dimensions: [("topic", partition.topic), ("partition", String(partition.partition))])
    }
}
