import Kafka
import StorePort
import Tracing

/// A polled message on its way into the batch: being decoded and enriched on another thread, or known to have been
/// handled by an earlier run.
enum MessageAnalysis {
    case analysing(KafkaConsumerMessage, span: any Span, result: Task<Result<IndexedArticle, MessageRejection>, Never>)
    case skipped(KafkaConsumerMessage)
}
