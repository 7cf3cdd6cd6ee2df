public import Logging
import ServiceLifecycle

extension KafkaProducer {
    /// Waits until a broker answers, so a command that cannot reach Kafka fails at once with one clear message
    /// instead of waiting in silence or reporting that it found nothing.
    ///
    /// Asks for metadata, then again after pauses of 1, 2, 4, 8… seconds while `patience` lasts.
    /// - Parameters:
    ///   - brokers: the bootstrap servers, to name them in the error.
    ///   - patience: how long to keep trying in all.
    /// - Throws: ``KafkaError`` whose message names the brokers and how long they were tried.
    public func waitForBrokers(_ brokers: [String], patience: Duration, logger: Logger) async throws(KafkaError) {
        let started = ContinuousClock.now
        var pause = Duration.seconds(1)
        var attempt = 1
        while true {
            // SIGTERM while no broker answers: stop now, not when patience runs out.
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else {
                throw KafkaError(code: .shutdown, message: "stopped while waiting for the brokers to answer")
            }
            let left = patience - started.duration(to: .now)
            do {
                try await checkBrokers(timeout: min(.seconds(5), max(left, .milliseconds(500))))
                return
            } catch  where started.duration(to: .now) + pause < patience {
                logger.warning(
                    "brokers not reachable, retrying",
                    metadata: ["attempt": "\(attempt)", "brokers": "\(brokers)", "error": "\(error.message)"])
                try? await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) }
                pause *= 2
                attempt += 1
            } catch {
                let seconds = Int(started.duration(to: .now).components.seconds)
                throw KafkaError(
                    code: error.code,
                    message:
                        "cannot reach the brokers \(brokers.joined(separator: ",")) (\(attempt) \(attempt == 1 ? "attempt" : "attempts") over "
                        + "\(seconds) s): \(error.message). Check --brokers (or AKHBAR_BROKERS), that the brokers "
                        + "are up and that this host can reach them.")
            }
        }
    }
}
