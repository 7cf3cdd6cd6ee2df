import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.0 server for probes and scrapes: `akhbar-enricher --metrics-port` answers
/// `/health`, `/ready` and `/metrics` with it. One thread, one request per connection: probes and
/// scrapes come a few times a minute, which needs no event loop.
public final class StatusServer: @unchecked Sendable {
    private let socket: Int32
    private let body: @Sendable (String) -> (status: Int, contentType: String, text: String)

    /// Listens on all interfaces at `port` (0 picks a free one; see ``port``).
    /// - Parameter respond: the answer for a request path.
    public init(port: Int, respond: @escaping @Sendable (String) -> (status: Int, contentType: String, text: String))
        throws(StatusServerError)
    {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StatusServerError(port: port, reason: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: INADDR_ANY)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw StatusServerError(port: port, reason: reason)
        }
        socket = descriptor
        body = respond
        let thread = Thread { [self] in serve() }
        thread.name = "akhbar.status-server"
        thread.start()
    }

    /// The port it listens on.
    public var port: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func serve() {
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { continue }
            // A client that connects and sends nothing must not hold the only thread.
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 2048)
            let count = read(connection, &buffer, buffer.count)
            let request = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            // "GET /path HTTP/1.x": the second word is the path.
            let words = request.split(separator: " ", maxSplits: 2)
            let path = words.count >= 2 ? String(words[1]) : "/"
            let answer = body(path)
            let reason = answer.status == 200 ? "OK" : answer.status == 404 ? "Not Found" : "Service Unavailable"
            let payload = Array(answer.text.utf8)
            let head =
                "HTTP/1.0 \(answer.status) \(reason)\r\nContent-Type: \(answer.contentType)\r\n"
                + "Content-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
            let response = Array(head.utf8) + payload
            // MSG_NOSIGNAL: a client that hung up must not raise SIGPIPE, which would end the enricher.
            _ = response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(connection)
        }
    }
}

/// The status port could not be opened.
public struct StatusServerError: Error, CustomStringConvertible {
    public let port: Int
    public let reason: String
    public var description: String { "cannot serve status on port \(port): \(reason)" }
}
