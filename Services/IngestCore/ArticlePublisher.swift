public import ArticleCodec
public import ArticleModel
public import Kafka
import Tracing

/// Publishes articles to the raw topic, keyed by article id, and waits for every delivery report.
///
/// Many sends are in flight at once (bounded by `maxInFlight`) so that throughput is not limited
/// by the broker's round trip.
public struct ArticlePublisher: Sendable {
    public var producer: KafkaProducer
    public var topic: String
    public var maxInFlight: Int

    public init(producer: KafkaProducer, topic: String, maxInFlight: Int = 2_000) {
        self.producer = producer
        self.topic = topic
        self.maxInFlight = max(1, maxInFlight)
    }

    /// Publishes every article among `records` and accounts for every record in the summary.
    ///
    /// - Parameter progress: called after each record with the number handled so far.
    public func publish(
        _ records: some Sequence<InputRecord>,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async -> IngestSummary {
        var summary = IngestSummary()
        var handled = 0
        await withTaskGroup(of: (InputRecord, RawArticle, Result<KafkaDeliveryReport, PublishError>).self) { group in
            var inFlight = 0
            func account(_ outcome: (InputRecord, RawArticle, Result<KafkaDeliveryReport, PublishError>)) {
                switch outcome.2 {
                case .success: summary.recordPublished()
                case .failure(let error):
                    summary.recordFailed(outcome.0.origin, articleID: outcome.1.id, reason: error.description)
                }
                handled += 1
                progress(handled)
            }
            for record in records {
                switch record.article {
                case .failure(let problem):
                    summary.recordSkipped(record.origin, problem: problem)
                    handled += 1
                    progress(handled)
                case .success(let article):
                    if inFlight >= maxInFlight, let outcome = await group.next() {
                        inFlight -= 1
                        account(outcome)
                    }
                    inFlight += 1
                    group.addTask { (record, article, await publish(article)) }
                }
            }
            for await outcome in group {
                account(outcome)
            }
        }
        return summary
    }

    /// Room in a message for what is not the body: the other fields at their longest, the envelope, protobuf
    /// tags and timestamps.
    static let messageReserveBytes = ArticleFieldRules.maxShortFieldBytes + 1_024

    /// The largest article body that fits in a message of `maxMessageBytes` whatever its other fields hold.
    public static func largestBody(inMessagesOf maxMessageBytes: Int) -> Int {
        maxMessageBytes - messageReserveBytes
    }

    /// Encodes one article and sends it; answers once the broker acknowledged it or it failed.
    ///
    /// Traced as a producer span whose context travels in the message's headers, so that the enricher's spans for
    /// this article join the same trace.
    public func publish(_ article: RawArticle) async -> Result<KafkaDeliveryReport, PublishError> {
        await withSpan("send \(topic)", ofKind: .producer) { span in
            span.attributes["messaging.system"] = "kafka"
            span.attributes["messaging.operation.type"] = "send"
            span.attributes["messaging.destination.name"] = topic
            span.attributes["akhbar.article.id"] = article.id
            let outcome = await send(article, headers: .carrying(span.context))
            switch outcome {
            case .success(let report):
                span.attributes["messaging.destination.partition.id"] = "\(report.partition)"
                span.attributes["messaging.kafka.offset"] = Int(report.offset)
            case .failure(let error):
                span.setStatus(SpanStatus(code: .error, message: error.description))
            }
            return outcome
        }
    }

    private func send(_ article: RawArticle, headers: [KafkaHeader]) async -> Result<KafkaDeliveryReport, PublishError>
    {
        do throws(PublishError) {
            let value: [UInt8]
            do throws(CodecError) {
                value = try ArticleCodec.encode(article)
            } catch {
                throw .encoding(error)
            }
            let key = Array(article.id.utf8)
            // librdkafka would refuse it too, but only after queueing; this says why in the article's terms.
            guard key.count + value.count <= producer.maxMessageBytes else {
                throw .tooLarge(bytes: key.count + value.count, limit: producer.maxMessageBytes)
            }
            do throws(KafkaError) {
                return .success(try await producer.send(topic: topic, key: key, value: value, headers: headers))
            } catch {
                throw .broker(error)
            }
        } catch {
            return .failure(error)
        }
    }
}

/// Why an article was not published.
public enum PublishError: Error, CustomStringConvertible {
    /// The article breaks the wire schema's rules (such as an empty body).
    case encoding(CodecError)
    /// The encoded article is larger than the producer's `message.max.bytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// The broker did not acknowledge the article.
    case broker(KafkaError)

    /// Whether sending the same article again cannot succeed: it is invalid or too large, here or for the broker.
    public var isPermanent: Bool {
        switch self {
        case .encoding, .tooLarge: true
        case .broker(let error): error.code == .messageTooLarge
        }
    }

    public var description: String {
        switch self {
        case .encoding(let error): error.message
        case .tooLarge(let bytes, let limit):
            "the encoded article is \(bytes) bytes, over the producer's message.max.bytes of \(limit)"
        case .broker(let error): error.description
        }
    }
}
