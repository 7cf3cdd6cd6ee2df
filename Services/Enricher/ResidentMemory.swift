import Foundation

/// The process's resident memory, for the benchmark lines of eval. Linux only (from
/// /proc/self/status); `nil` elsewhere.
enum ResidentMemory {
    static func bytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        // "VmRSS:     12345 kB"
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes * 1024
    }
}
