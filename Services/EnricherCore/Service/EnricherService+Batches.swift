import Kafka
import Logging

/// The batch being filled by the polling loop and the one being stored behind it.
struct BatchPipeline {
    var filling = PendingBatch()
    /// Messages polled and not yet in ``filling``, oldest first.
    var analysing: [MessageAnalysis] = []
    var inFlight: BatchInFlight?
    /// Partitions paused because the batch being filled is full while the previous one is still being stored.
    var paused: Set<KafkaTopicPartition> = []
}

extension EnricherService {
    /// Moves batches along after each poll: collects a stored batch (rethrowing its failure), hands a due batch to
    /// the store when it is free, and, when the store is busy and the next batch is full already, pauses the owned
    /// partitions instead of waiting, so that polling (and with it group membership) goes on.
    func advance(_ batches: inout BatchPipeline, owned: Set<KafkaTopicPartition>) async throws {
        if let inFlight = batches.inFlight, inFlight.hasLanded {
            batches.inFlight = nil
            try await inFlight.landing()
            try consumer.resume(batches.paused.intersection(owned))
            batches.paused = []
        }
        guard batches.filling.isDue(size: configuration.batchSize, interval: configuration.batchInterval) else {
            return
        }
        if batches.inFlight == nil {
            let batch = batches.filling
            batches.filling = PendingBatch()
            batches.inFlight = BatchInFlight { try await self.storeAndCommit(batch) }
        } else if batches.filling.messageCount >= configuration.batchSize {
            let unpaused = owned.subtracting(batches.paused)
            guard !unpaused.isEmpty else { return }
            try consumer.pause(unpaused)
            batches.paused.formUnion(unpaused)
            logger.debug("the store is behind; pausing fetches", metadata: ["partitions": "\(unpaused.count)"])
        }
    }

    /// Stores and commits everything in hand before returning: before partitions are revoked, and at the end.
    func settle(_ batches: inout BatchPipeline) async throws {
        try await collect(&batches)
        if let inFlight = batches.inFlight {
            batches.inFlight = nil
            try await inFlight.landing()
        }
        // Revoked partitions are unpaused by librdkafka; the ones still owned must fetch again.
        try consumer.resume(batches.paused)
        batches.paused = []
        try await storeAndCommit(batches.filling)
        batches.filling = PendingBatch()
    }
}
