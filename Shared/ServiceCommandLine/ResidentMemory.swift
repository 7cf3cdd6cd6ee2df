public import Foundation

/// The process's resident memory, for the figures that eval and the benchmarks print. Linux
/// only (from /proc/self/status); `nil` elsewhere.
public enum ResidentMemory {
    /// The resident set now.
    public static func bytes() -> Int? {
        kilobytes(of: "VmRSS:").map { $0 * 1024 }
    }

    /// The largest resident set so far.
    public static func peakBytes() -> Int? {
        kilobytes(of: "VmHWM:").map { $0 * 1024 }
    }

    /// The virtual size now, for the process metrics of `/metrics`.
    public static func virtualBytes() -> Int? {
        kilobytes(of: "VmSize:").map { $0 * 1024 }
    }

    /// A line such as "VmRSS:     12345 kB".
    private static func kilobytes(of field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
        else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }
}
