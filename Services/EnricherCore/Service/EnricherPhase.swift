/// Where a starting enricher is, for readiness probes.
enum EnricherPhase {
    case connecting
    case waitingForTopic(String)
    case consuming
    case stopped

    var notReadyReason: String? {
        switch self {
        case .connecting: "waiting for the brokers"
        case .waitingForTopic(let topic): "the topic \(topic) does not exist"
        case .consuming: nil
        case .stopped: "stopped"
        }
    }
}
