import Foundation
import Logging
import OperatorHTTP
import ServiceLifecycle
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The operator endpoints over real sockets: what probes, scrapers and stray clients do to them.
@Suite("Operator endpoints", .serialized)
struct OperatorEndpointsTests {
    /// Runs endpoints on a free port of every interface while `body` runs, handing it the port.
    func serving(
        readiness: @escaping @Sendable () -> OperatorEndpoints.Readiness = { .ready },
        _ body: (Int) async throws -> Void
    ) async throws {
        let endpoints = OperatorEndpoints(host: "::", port: 0, readiness: readiness) { "# HELP up Up.\nup 1\n" }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(
            services: [endpoints.service(logger: Logger(label: "test")) { continuation.yield($0) }],
            logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("50 idle connections and one that stopped mid-request do not delay /health: it answers in < 100 ms")
    func idleClientsCannotStall() async throws {
        try await serving { port in
            let idle = try (0..<50).map { _ in try RawConnection(host: "127.0.0.1", port: port) }
            let halfway = try RawConnection(host: "127.0.0.1", port: port)
            try halfway.send("GET /hea")
            // The fastest of twenty spread over two seconds, each timed on the thread that sends and reads it: a
            // stall by the idle clients would delay every one of them (by seconds, before the fix), while the other
            // suites that load both cores in `make test` delay many single ones past 100 ms.
            var fastest = Duration.seconds(60)
            for _ in 0..<20 {
                try await Task.sleep(for: .milliseconds(100))
                let (answer, took) = try await RawConnection(host: "127.0.0.1", port: port)
                    .timedExchange("GET /health HTTP/1.1")
                fastest = min(fastest, took)
                #expect(answer.hasPrefix("HTTP/1.1 200") && answer.hasSuffix("ok\n"))
            }
            #expect(fastest < .milliseconds(100), "the fastest /health took \(fastest)")
            // Both stay open until the answers are in.
            withExtendedLifetime((idle, halfway)) {}
        }
    }

    @Test("IPv4 and IPv6; GET and HEAD only; query strings ignored; unknown paths 404")
    func methodsPathsAndFamilies() async throws {
        try await serving { port in
            #expect(
                try await RawConnection(host: "::1", port: port).exchange("GET /health HTTP/1.1").hasPrefix(
                    "HTTP/1.1 200"))
            let metrics = try await RawConnection(host: "127.0.0.1", port: port).exchange("GET /metrics?x=1 HTTP/1.1")
            #expect(metrics.hasPrefix("HTTP/1.1 200") && metrics.hasSuffix("up 1\n"))
            #expect(metrics.contains("text/plain; version=0.0.4"))
            let head = try await RawConnection(host: "127.0.0.1", port: port).exchange("HEAD /metrics HTTP/1.1")
            #expect(head.hasPrefix("HTTP/1.1 200") && !head.contains("up 1"))
            let post = try await RawConnection(host: "127.0.0.1", port: port).exchange("POST /health HTTP/1.1")
            #expect(post.hasPrefix("HTTP/1.1 405") && post.lowercased().contains("allow: get, head"))
            #expect(
                try await RawConnection(host: "127.0.0.1", port: port).exchange("GET /nope HTTP/1.1").hasPrefix(
                    "HTTP/1.1 404"))
        }
    }

    @Test("/ready says why not, with 503, until the process is ready")
    func readiness() async throws {
        let ready = Atomic(false)
        try await serving(readiness: { ready.load(ordering: .relaxed) ? .ready : .notReady(reason: "no partitions") }) {
            port in
            let before = try await RawConnection(host: "127.0.0.1", port: port).exchange("GET /ready HTTP/1.1")
            #expect(before.hasPrefix("HTTP/1.1 503") && before.hasSuffix("not ready: no partitions\n"))
            ready.store(true, ordering: .relaxed)
            #expect(
                try await RawConnection(host: "127.0.0.1", port: port).exchange("GET /ready HTTP/1.1").hasPrefix(
                    "HTTP/1.1 200"))
        }
    }
}

/// A TCP connection by hand, so that a test can also open one and send nothing, or half a request.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            throw RawConnectionError.resolve(host)
        }
        defer { freeaddrinfo(found) }
        descriptor = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            close(descriptor)
            throw RawConnectionError.connect(host, port)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw RawConnectionError.io
        }
    }

    /// Sends `requestLine` as a whole request that closes the connection, and reads the answer to its end, on a
    /// thread of its own: a blocking read must not hold one of the few threads the server's handlers run on.
    func exchange(_ requestLine: String) async throws -> String {
        try await timedExchange(requestLine).answer
    }

    /// ``exchange(_:)``, with the time from sending the request to the end of the answer.
    func timedExchange(_ requestLine: String) async throws -> (answer: String, took: Duration) {
        try await withCheckedThrowingContinuation { answer in
            DispatchQueue.global().async {
                let started = ContinuousClock.now
                answer.resume(
                    with: Result { (try self.blockingExchange(requestLine), started.duration(to: .now)) })
            }
        }
    }

    private func blockingExchange(_ requestLine: String) throws -> String {
        try send(requestLine + "\r\nHost: test\r\nConnection: close\r\n\r\n")
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}

enum RawConnectionError: Error {
    case resolve(String)
    case connect(String, Int)
    case io
}
