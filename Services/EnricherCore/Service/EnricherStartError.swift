/// Why the enricher cannot start consuming, in words for the person who started it.
public enum EnricherStartError: Error, CustomStringConvertible {
    /// No topic of that name exists on the brokers.
    case topicMissing(topic: String)

    public var description: String {
        switch self {
        case .topicMissing(let topic):
            """
            the topic \(topic) does not exist on the brokers. Check --topic, or create it by publishing with \
            akhbar-ingest publish --create-topic --topic \(topic)
            """
        }
    }
}
