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
            /// Unacknowledged messages were purged: whatever failure their reports carry was caused by the purge.
            case purged
            case shutDown
        }

        private var lifecycle = Lifecycle.running
        private var nextID: UInt = 1
        private var pending: [UInt: CheckedContinuation<Delivery, Never>] = [:]
        /// Senders waiting for space in librdkafka's local queue, by an id that lets a cancelled one leave.
        private var spaceWaiters: [UInt: CheckedContinuation<Void, Never>] = [:]
        private var isPumping = false
        /// Counts the event-pump passes that freed queue space, so a sender that found the queue full knows whether
        /// space was freed since it read the count.
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

        /// Takes the senders of a batch of delivery reports.
        mutating func complete(
            _ reports: [(id: UInt, delivery: Delivery)]
        ) -> [(CheckedContinuation<Delivery, Never>, Delivery)] {
            // Ids not found were failed at shutdown already; their late reports are dropped.
            reports.compactMap { report in
                pending.removeValue(forKey: report.id).map { continuation in
                    guard case .purged = lifecycle, case .failure(let error) = report.delivery else {
                        return (continuation, report.delivery)
                    }
                    // Purging in-flight messages of an idempotent producer makes librdkafka bump its epoch, and the
                    // broker may then fence the old batches (PRODUCER_FENCED) rather than report them purged.
                    return (
                        continuation,
                        .failure(
                            KafkaError(
                                code: .shutdown, librdkafkaCode: error.librdkafkaCode,
                                message: "the producer shut down before the message was acknowledged: \(error.message)")
                        )
                    )
                }
            }
        }

        /// Records that the reported messages' events were destroyed, which frees their space in librdkafka's local
        /// queue; returns the senders waiting for space, to wake.
        mutating func spaceFreed() -> [CheckedContinuation<Void, Never>] {
            deliveryGeneration &+= 1
            defer { spaceWaiters = [:] }
            return Array(spaceWaiters.values)
        }

        /// Parks a sender that found the queue full, unless space was freed since `generation`, the producer is
        /// shutting down or the sender's task is cancelled; returns `false` when the caller must resume
        /// `continuation` right away.
        ///
        /// The cancellation check runs under the lock, so a cancellation handler that runs before this call finds
        /// nothing to resume but makes this call refuse, and one that runs after finds the continuation.
        mutating func waitForSpace(
            since generation: UInt64,
            id: UInt,
            _ continuation: CheckedContinuation<Void, Never>
        ) -> Bool {
            guard case .running = lifecycle, generation == deliveryGeneration, !Task.isCancelled else { return false }
            spaceWaiters[id] = continuation
            return true
        }

        /// Takes a parked sender whose task was cancelled, to resume.
        mutating func cancelWaitForSpace(_ id: UInt) -> CheckedContinuation<Void, Never>? {
            spaceWaiters.removeValue(forKey: id)
        }

        /// An id for ``waitForSpace(since:id:_:)``, from the same counter as message ids.
        mutating func makeWaiterID() -> UInt {
            defer { nextID += 1 }
            return nextID
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

        /// Marks the pump idle because the handle is being destroyed; returns `nil`, the pump's signal to stop.
        mutating func stopPump() -> Int32? {
            isPumping = false
            return nil
        }

        /// Refuses new sends from now on; returns the parked senders to wake (they then see the refusal), or
        /// `nil` when shutdown had already begun.
        mutating func beginShutdown() -> [CheckedContinuation<Void, Never>]? {
            guard case .running = lifecycle else { return nil }
            lifecycle = .shuttingDown
            defer { spaceWaiters = [:] }
            return Array(spaceWaiters.values)
        }

        /// Records that the unacknowledged messages are being purged.
        mutating func beginPurge() {
            lifecycle = .purged
        }

        /// Ends shutdown; returns the sends still without a report, which the caller fails.
        mutating func finishShutdown() -> [CheckedContinuation<Delivery, Never>] {
            lifecycle = .shutDown
            defer { pending = [:] }
            return Array(pending.values)
        }
    }
}
