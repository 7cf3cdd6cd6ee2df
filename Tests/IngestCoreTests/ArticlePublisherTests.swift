import ArticleModel
import Foundation
import IngestCore
import Kafka
import Testing

@Suite("ArticlePublisher")
struct ArticlePublisherTests {
    @Test("an article too large for the producer's message.max.bytes is refused as permanent, before any broker")
    func tooLargeForTheProducer() async throws {
        // No broker listens there: the refusal must come before a send is attempted.
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: ["127.0.0.1:1"], librdkafkaOverrides: ["message.max.bytes": "10000"]))
        let publisher = ArticlePublisher(producer: producer, topic: "t")
        let article = RawArticle(id: "big", body: String(repeating: "ب", count: 10_000), ingestedAt: Date())
        let result = await publisher.publish(article)
        await producer.shutdown(timeout: .seconds(1))
        guard case .failure(let error) = result, case .tooLarge(let bytes, let limit) = error else {
            Issue.record("expected tooLarge, got \(result)")
            return
        }
        #expect(bytes > 20_000 && limit == 10_000)
        #expect(error.isPermanent)
        #expect(PublishError.broker(KafkaError(code: .messageTooLarge)).isPermanent)
        #expect(!PublishError.broker(KafkaError(code: .timedOut)).isPermanent)
    }
}
