extension KafkaProducer {
    /// What the broker said about one message: where it was stored, or why it was not.
    typealias Delivery = Result<Acknowledgement, KafkaError>

    /// The partition and offset of an acknowledged message.
    struct Acknowledgement: Sendable {
        var partition: Int32
        var offset: Int64
    }

    /// The producer's mutable state, kept in a `Mutex`: messages awaiting their delivery report, senders waiting
    /// for queue space, whether the event pump runs, and the lifecycle. Methods return what the caller must do;
    /// continuations are resumed by the caller, outside the lock.
    struct StateMachine {
        enum Registration {
            /// Enqueue the message with this opaque id; start the event pump first when asked to.
            case produce(id: UInt, startPump: Bool)
            /// The producer is shutting down: fail the send.
            case refuse
        }

        private enum Lifecycle {
            case running
            case shuttingDown
            case shutDown
        }

        private var lifecycle = Lifecycle.running
        private var nextID: UInt = 1
        private var pending: [UInt: CheckedContinuation<Delivery, Never>] = [:]
        private var spaceWaiters: [CheckedContinuation<Void, Never>] = []
        private var isPumping = false
        /// Counts delivery-report batches, so a sender that found the queue full knows whether space freed since.
        private(set) var deliveryGeneration: UInt64 = 0

        /// The number of messages awaiting their delivery report.
        var pendingCount: Int { pending.count }

        /// Tracks a send that is about to be enqueued; its id is also its librdkafka opaque, never 0 (NULL).
        mutating func register(_ continuation: CheckedContinuation<Delivery, Never>) -> Registration {
            guard case .running = lifecycle else { return .refuse }
            let id = nextID
            nextID += 1
            pending[id] = continuation
            return .produce(id: id, startPump: startPumpIfIdle())
        }

        /// Stops tracking a send that librdkafka refused to enqueue.
        mutating func withdraw(_ id: UInt) -> CheckedContinuation<Delivery, Never>? {
            pending.removeValue(forKey: id)
        }

        /// Takes the senders of a batch of delivery reports, and the senders waiting for queue space.
        mutating func complete(
            _ reports: [(id: UInt, delivery: Delivery)]
        ) -> (
            deliveries: [(CheckedContinuation<Delivery, Never>, Delivery)],
            spaceWaiters: [CheckedContinuation<Void, Never>]
        ) {
            deliveryGeneration &+= 1
            // Ids not found were failed at shutdown already; their late reports are dropped.
            let deliveries = reports.compactMap { report in
                pending.removeValue(forKey: report.id).map { ($0, report.delivery) }
            }
            defer { spaceWaiters = [] }
            return (deliveries, spaceWaiters)
        }

        /// Parks a sender that found the queue full, unless reports arrived since `generation` or the producer is
        /// shutting down; returns `false` when the caller must resume `continuation` right away.
        mutating func waitForSpace(since generation: UInt64, _ continuation: CheckedContinuation<Void, Never>) -> Bool {
            guard case .running = lifecycle, generation == deliveryGeneration else { return false }
            spaceWaiters.append(continuation)
            return true
        }

        /// Marks the pump running; returns `true` when it was idle and the caller must start it.
        mutating func startPumpIfIdle() -> Bool {
            defer { isPumping = true }
            return !isPumping
        }

        /// After each pass, the pump asks how long to wait for the next events, or `nil` to stop: it runs while
        /// delivery reports are due and stops, marking itself idle under the lock, when none are.
        mutating func nextPumpTimeout() -> Int32? {
            guard pending.isEmpty else { return 100 }
            isPumping = false
            return nil
        }

        /// Refuses new sends from now on; returns the parked senders to wake (they then see the refusal), or
        /// `nil` when shutdown had already begun.
        mutating func beginShutdown() -> [CheckedContinuation<Void, Never>]? {
            guard case .running = lifecycle else { return nil }
            lifecycle = .shuttingDown
            defer { spaceWaiters = [] }
            return spaceWaiters
        }

        /// Ends shutdown; returns the sends still without a report, which the caller fails.
        mutating func finishShutdown() -> [CheckedContinuation<Delivery, Never>] {
            lifecycle = .shutDown
            defer { pending = [:] }
            return Array(pending.values)
        }
    }
}
