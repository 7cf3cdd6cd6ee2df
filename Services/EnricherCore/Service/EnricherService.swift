import ArticleCodec
import ArticleModel
public import EntityTagging
import Foundation
public import Kafka
public import Logging
import Metrics
public import ServiceLifecycle
public import StorePort
import Synchronization
import Tracing

/// The enricher as a long-running service: consumes raw articles as a member of the consumer
/// group, enriches them, stores them in batches and commits offsets only after the store
/// committed, so a crash at any moment loses nothing (messages are delivered again and upserted).
public final class EnricherService: Service, Sendable {
    let configuration: EnricherConfiguration
    let consumer: any MessageSource
    private let deadLetters: DeadLetterPublisher
    let store: any ArticleStore
    private let enricher: ArticleEnricher
    let logger: Logger
    let countersBox = Mutex(EnricherCounters())
    let stageTimesBox = Mutex(EnricherStageTimes())
    let metrics = EnricherMetrics()

    private let phaseBox = Mutex(EnricherPhase.connecting)
    /// How many polled messages may be in analysis at once: two per core keep every core busy while the polling loop
    /// waits for the oldest.
    private let analysisLookahead = 2 * ProcessInfo.processInfo.activeProcessorCount

    /// What the service has done so far; read it after `run()` returns for the exit summary.
    public var counters: EnricherCounters { countersBox.withLock { $0 } }

    /// Where the time went so far; read it after `run()` returns next to ``counters``.
    public var stageTimes: EnricherStageTimes { stageTimesBox.withLock { $0 } }

    /// Why the service is not consuming yet, for readiness probes; nil once it has subscribed to a topic that exists
    /// (a member that the group gives no partition is ready too: it stands by).
    public var notReadyReason: String? { phaseBox.withLock { $0.notReadyReason } }

    /// A service with the clients it runs on: a consumer in the group, a dead-letter sink and a store.
    public init(
        configuration: EnricherConfiguration,
        source: any MessageSource,
        deadLetters: any DeadLetterSink,
        store: any ArticleStore,
        enricher: ArticleEnricher,
        logger: Logger
    ) {
        self.configuration = configuration
        self.consumer = source
        self.deadLetters = DeadLetterPublisher(sink: deadLetters, topic: configuration.deadLetterTopic)
        self.store = store
        self.enricher = enricher
        self.logger = logger
    }

    /// A service on Kafka clients made from `configuration`.
    ///
    /// - Throws: `KafkaError` when a client cannot be created (bad configuration, librdkafka too old).
    public convenience init(
        configuration: EnricherConfiguration,
        store: any ArticleStore,
        enricher: ArticleEnricher,
        logger: Logger
    ) throws(KafkaError) {
        self.init(
            configuration: configuration,
            source: try KafkaConsumer(configuration: configuration.consumer, logger: logger),
            deadLetters: try KafkaDeadLetterSink(configuration: configuration, logger: logger),
            store: store, enricher: enricher, logger: logger)
    }

    /// Runs until graceful shutdown, cancellation, or (with `untilIdle`) an idle topic.
    ///
    /// - Throws: `StoreError` when a batch cannot be stored (nothing of it is committed), or a
    ///   fatal `KafkaError`.
    /// Waits until a broker answers; false when the service was told to stop first (SIGTERM while the brokers are
    /// down), which is a clean stop, not a failure.
    private func brokersAnswered() async throws(KafkaError) -> Bool {
        do {
            try await deadLetters.sink.waitUntilReachable(patience: configuration.connectPatience, logger: logger)
            return true
        } catch {
            guard error.code == .shutdown else { throw error }
            logger.notice("stopped before any broker answered")
            return false
        }
    }

    public func run() async throws {
        defer { phaseBox.withLock { $0 = .stopped } }
        // Without a broker the consumer would wait in silence for ever, even with `untilIdle`.
        guard try await brokersAnswered() else { return }
        // A mistyped topic must not look like a quiet one, nor leave a dead-letter topic named after it.
        guard try await topicExists() else { return }
        await ensureDeadLetterTopic()
        try consumer.subscribe(topics: [configuration.topic])
        phaseBox.withLock { $0 = .consuming }
        logger.info("enricher started", metadata: ["topic": "\(configuration.topic)"])
        var batches = BatchPipeline()
        do {
            try await consumeUntilStopped(&batches)
            try await settle(&batches)
        } catch {
            // Leave the group without committing what is in hand: it will be delivered again. A batch already being
            // stored finishes first, so that nothing writes to the store or commits after this returns.
            try? await batches.inFlight?.landing()
            await consumer.close()
            await deadLetters.sink.shutdown()
            throw error
        }
        await consumer.close()
        await deadLetters.sink.shutdown()
        logger.info("enricher stopped", metadata: ["counters": "\(counters)"])
    }

    /// Whether the topic exists: at once with `untilIdle` (else it throws `EnricherStartError.topicMissing`), else
    /// after waiting for it to be created (an ingest that creates it may start later), saying so every 30 s; false
    /// when told to stop first.
    private func topicExists() async throws(EnricherStartError) -> Bool {
        let topic = configuration.topic
        var nextReport = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do throws(KafkaError) {
                if try await !consumer.partitions(of: topic, timeout: .seconds(5)).isEmpty { return true }
            } catch {
                // Brokers answered a moment ago; one that does not now may in a moment.
                logger.warning("cannot ask the brokers for the topic's partitions", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            if configuration.untilIdle != nil { throw .topicMissing(topic: topic) }
            phaseBox.withLock { $0 = .waitingForTopic(topic) }
            if ContinuousClock.now >= nextReport {
                logger.warning(
                    "the topic \(topic) does not exist yet; waiting for it to be created (check --topic if it should)")
                nextReport = .now + .seconds(30)
            }
            try? await Task.sleep(for: .seconds(1))
        }
        return false
    }

    /// Creates the dead-letter topic if it is missing. Not fatal: a cluster may create topics
    /// itself or forbid this client to; a failed dead-letter send later stops the enricher anyway.
    private func ensureDeadLetterTopic() async {
        let topic = configuration.deadLetterTopic
        do throws(KafkaError) {
            try await deadLetters.sink.createTopic(topic)
            logger.info("created dead-letter topic", metadata: ["topic": "\(topic)"])
        } catch  where error.code == .topicAlreadyExists {
            return
        } catch {
            logger.warning("cannot create dead-letter topic", metadata: ["topic": "\(topic)", "error": "\(error)"])
        }
    }

    private func consumeUntilStopped(_ batches: inout BatchPipeline) async throws {
        var assigned = false
        var lastActivity = ContinuousClock.now
        // Where the store says each partition's stored messages end; see `handle`.
        var storedOffsets: [TopicPartition: Int64] = [:]
        var assignment = AssignmentWatch()
        // The next offset to read per partition, from the messages of this run; see `remainingMessages`.
        var nextOffsets: [KafkaTopicPartition: Int64] = [:]
        var nextIdleCheck: ContinuousClock.Instant?
        var progress = ProgressReport(interval: configuration.progressInterval)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            switch try await consumer.poll(timeout: configuration.pollTimeout) {
            case .message(let message):
                let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
                nextOffsets[partition] = message.offset + 1
                countersBox.withLock { $0.consumed += 1 }
                metrics.consumed.increment()
                if let stored = storedOffsets[TopicPartition(topic: message.topic, partition: message.partition)],
                    message.offset < stored,
                    try await store.outcome(of: HandledMessage(message, outcome: .stored)) != nil
                {
                    // Handled by a batch whose Kafka commit was lost (a crash, a lost partition): not again. The
                    // digest check keeps a different message at a reused offset (a re-created topic) from this.
                    batches.analysing.append(.skipped(message))
                } else {
                    batches.analysing.append(startAnalysis(of: message))
                }
                try await collect(&batches, keeping: analysisLookahead)
                // Waiting for an analysis is work, not quiet.
                lastActivity = .now
            case .partitionsAssigned(let partitions):
                // The Kafka module logs rebalances; here they start the idle clock and read what the store holds.
                assignment.assigned(partitions)
                assigned = true
                lastActivity = .now
                storedOffsets = try await store.storedOffsets(group: configuration.consumer.groupID)
            case .partitionsRevoked(let partitions):
                // Store what is in hand while this member still owns the partitions.
                try await settle(&batches)
                assignment.revoked(partitions)
            case .error(let error):
                logger.warning("consumer error", metadata: ["error": "\(error)"])
            case nil:
                // Nothing more at hand: what is being analysed joins the batch, so that batching and idleness see it.
                if !batches.analysing.isEmpty {
                    try await collect(&batches)
                    lastActivity = .now
                }
            }
            if let idle = assignment.idleToReport() {
                logger.warning(
                    """
                    no partition assigned for \(idle.components.seconds) s: does the topic exist, or do other \
                    members hold all of its partitions?
                    """,
                    metadata: ["topic": "\(configuration.topic)", "group": "\(configuration.consumer.groupID)"])
            }
            try await advance(&batches, owned: assignment.owned)
            if let report = progress.due(
                counters: counters,
                remaining: ProgressReport.remaining(
                    on: assignment.owned, after: nextOffsets, highWatermark: consumer.cachedHighWatermark))
            {
                logger.info("progress", metadata: report)
            }
            // A member waiting for its store (partitions paused) is busy, not idle.
            if batches.inFlight != nil { lastActivity = .now }
            if let idle = configuration.untilIdle, assigned,
                ContinuousClock.now >= max(lastActivity + idle, nextIdleCheck ?? lastActivity)
            {
                // Quiet is not idle: a partition's messages may come seconds after another's. Stop only once every
                // partition of the topic is read to its end by the group, or after ten quiet periods in a row, saying
                // what is left.
                let remaining: String
                do {
                    let count = try await remainingMessages(in: assignment.owned, after: nextOffsets)
                    if count <= 0 {
                        logger.info("caught up and no message for \(idle), stopping")
                        return
                    }
                    remaining = "\(count)"
                } catch {
                    // A leader that does not answer now may later; the quiet periods still bound the wait.
                    logger.warning(
                        "cannot tell whether the partitions are read to their end", metadata: ["error": "\(error)"])
                    remaining = "an unknown number of messages"
                }
                let quiet = ContinuousClock.now - lastActivity
                if quiet >= idle * 10 {
                    logger.error("no message for \(quiet) with \(remaining) left on the topic's partitions, stopping")
                    return
                }
                logger.info("no message for \(idle), but \(remaining) remain on the topic's partitions; waiting")
                nextIdleCheck = .now + idle
            }
        }
    }

    /// Starts decoding and enriching a polled message on another thread; ``collect(_:keeping:)`` hands it to the
    /// batch.
    private func startAnalysis(of message: KafkaConsumerMessage) -> MessageAnalysis {
        // The article's trace goes on from the ingest's span, whose context the message carries in its headers.
        let span = startSpan("process \(message.topic)", context: message.headers.traceContext, ofKind: .consumer)
        span.attributes["messaging.system"] = "kafka"
        span.attributes["messaging.operation.type"] = "process"
        span.attributes["messaging.destination.name"] = message.topic
        span.attributes["messaging.destination.partition.id"] = "\(message.partition)"
        span.attributes["messaging.kafka.offset"] = Int(message.offset)
        return .analysing(message, span: span, result: Task { self.analyse(message) })
    }

    /// Hands polled messages to the batch in the order they were polled, waiting for their analyses, until no more
    /// than `keeping` are left in analysis. In poll order, so that a batch never commits an offset past a message
    /// still being analysed.
    func collect(_ batches: inout BatchPipeline, keeping: Int = 0) async throws {
        while batches.analysing.count > keeping {
            switch batches.analysing.removeFirst() {
            case .skipped(let message):
                skip(message, into: &batches.filling)
            case .analysing(let message, let span, let result):
                defer { span.end() }
                switch await result.value {
                case .success(let article):
                    span.attributes["akhbar.article.id"] = article.article.articleID
                    batches.filling.add(message, article: article, trace: span.context)
                case .failure(let rejection):
                    span.setStatus(SpanStatus(code: .error, message: rejection.reason))
                    try await deadLetter(
                        message, code: rejection.code, reason: rejection.reason, into: &batches.filling)
                }
            }
        }
    }

    /// Decodes and enriches the article a message holds, or says why it cannot be.
    private func analyse(_ message: KafkaConsumerMessage) -> Result<IndexedArticle, MessageRejection> {
        guard let value = message.value else {
            return .failure(MessageRejection(code: "tombstone", reason: "message has no value"))
        }
        let raw: RawArticle
        let decodeStarted = ContinuousClock.now
        do {
            raw = try ArticleCodec.decodeRawArticle(value)
        } catch {
            return .failure(MessageRejection(code: "\(error.code)", reason: error.message))
        }
        let started = ContinuousClock.now
        let article: IndexedArticle
        do throws(ArticleTooLargeError) {
            article = try enricher.enrichForIndexing(raw, now: Date())
        } catch {
            return .failure(MessageRejection(code: ArticleTooLargeError.code, reason: error.description))
        }
        let enriched = ContinuousClock.now
        metrics.enrichmentTime.record(duration: enriched - started)
        stageTimesBox.withLock {
            $0.decode += started - decodeStarted
            $0.enrich += enriched - started
        }
        return .success(article)
    }

    /// Counts a message handled by an earlier run as skipped; its offset is still committed with the batch.
    private func skip(_ message: KafkaConsumerMessage, into batch: inout PendingBatch) {
        countersBox.withLock { $0.skipped += 1 }
        metrics.skipped.increment()
        batch.add(message, article: nil)
    }

    /// Sends the message to the dead-letter topic, unless an earlier run (a replay, a run that crashed before its
    /// commit) already did, and records that it did before the batch goes on.
    private func deadLetter(
        _ message: KafkaConsumerMessage, code: String, reason: String, into batch: inout PendingBatch
    ) async throws {
        let record = HandledMessage(message, outcome: .deadLettered)
        if try await store.outcome(of: record) == .deadLettered {
            logger.info(
                "message already in the dead-letter topic",
                metadata: ["partition": "\(message.partition)", "offset": "\(message.offset)"])
            skip(message, into: &batch)
            return
        }
        logger.error(
            "cannot process message, sending it to the dead-letter topic",
            metadata: [
                "partition": "\(message.partition)", "offset": "\(message.offset)",
                "error.code": "\(code)", "error": "\(reason)",
            ]
        )
        try await deadLetters.send(message, code: code, reason: reason)
        try await writeRetryingWhileLocked { () async throws(StoreError) in
            try await store.save([], handled: [record], consumed: [], group: configuration.consumer.groupID)
        }
        countersBox.withLock { $0.deadLettered += 1 }
        metrics.deadLettered.increment()
        batch.add(message, article: nil)
    }

    /// Stores the batch in one transaction, then commits its offsets.
    ///
    /// Traced as a batch span of its own, and a span per stored article in that article's trace, linked to it.
    func storeAndCommit(_ batch: PendingBatch) async throws {
        guard !batch.isEmpty else { return }
        let batchSpan = startSpan("store batch", context: .topLevel)
        defer { batchSpan.end() }
        batchSpan.attributes["messaging.batch.message_count"] = batch.messageCount
        batchSpan.attributes["akhbar.batch.articles"] = batch.articles.count
        let started = ContinuousClock.now
        let savedFrom = DefaultTracerClock.now
        do {
            try await writeRetryingWhileLocked { () async throws(StoreError) in
                try await store.save(
                    batch.articles, handled: batch.storedMessages, consumed: batch.consumedPositions,
                    group: configuration.consumer.groupID)
            }
        } catch {
            metrics.failedBatches.increment()
            batchSpan.recordError(error)
            batchSpan.setStatus(SpanStatus(code: .error, message: error.description))
            throw error
        }
        let stored = ContinuousClock.now
        traceStored(batch, from: savedFrom, to: DefaultTracerClock.now, batchSpan: batchSpan)
        countersBox.withLock { $0.stored += batch.articles.count }
        metrics.stored.increment(by: batch.articles.count)
        do {
            try await consumer.commit(batch.commitOffsets)
        } catch {
            // The articles and their offsets are stored; messages delivered again are skipped, not stored twice.
            logger.warning("offset commit failed", metadata: ["error": "\(error)"])
        }
        stageTimesBox.withLock {
            $0.store += stored - started
            $0.commit += ContinuousClock.now - stored
        }
        metrics.batchSize.record(batch.messageCount)
        if let startedAt = batch.startedAt { metrics.batchLatency.record(duration: ContinuousClock.now - startedAt) }
        for offset in batch.commitOffsets {
            let partition = KafkaTopicPartition(topic: offset.topic, partition: offset.partition)
            if let high = consumer.cachedHighWatermark(of: partition) {
                metrics.lag(partition).record(max(0, high - offset.offset))
            }
        }
        logger.debug(
            "stored batch", metadata: ["articles": "\(batch.articles.count)", "messages": "\(batch.messageCount)"])
    }

    /// A "store article" span per article of a stored batch, in the article's own trace, over the batch's write.
    private func traceStored(
        _ batch: PendingBatch, from start: DefaultTracerClock.Instant, to end: DefaultTracerClock.Instant,
        batchSpan: any Span
    ) {
        for (article, trace) in zip(batch.articles, batch.articleTraces) {
            let span = startSpan("store article", at: start, context: trace)
            span.attributes["akhbar.article.id"] = article.article.articleID
            span.addLink(SpanLink(context: batchSpan.context, attributes: [:]))
            span.end(at: end)
        }
    }

    /// Runs a write, again while the store answers that another writer holds its lock: a refused transaction was
    /// rolled back, and the other writer (a second enricher on the same file) finishes in time. Gives up with
    /// `.locked` once `storeLockPatience` has passed.
    func writeRetryingWhileLocked(_ write: () async throws(StoreError) -> Void) async throws(StoreError) {
        let deadline = ContinuousClock.now + configuration.storeLockPatience
        var pause = Duration.milliseconds(50)
        while true {
            do {
                try await write()
                return
            } catch  where error.code == .locked && ContinuousClock.now + pause < deadline {
                logger.warning("the store is locked by another writer; trying again", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }
}
