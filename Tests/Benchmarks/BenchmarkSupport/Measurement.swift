import Foundation

/// Timing and printing shared by the benchmark executables.
public enum Measurement {
    /// The fastest of `passes` timed runs of `work`, in seconds. `work` returns a count that is
    /// printed if it is ever -1, so the optimizer cannot drop the work.
    public static func best(passes: Int, _ work: () -> Int) -> Double {
        var fastest = Double.infinity
        var sink = 0
        for _ in 0..<max(1, passes) {
            let start = ContinuousClock.now
            sink &+= work()
            let elapsed = start.duration(to: .now)
            fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        if sink == -1 { print(sink) }
        return fastest
    }

    /// Processor time this process has used so far, user and system, over all its threads, in seconds: unlike a
    /// timing, it does not count waits for a machine that other processes keep busy.
    public static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// "name …… 12.3 MB/s  (1.23 s)", MB being 10^6 bytes of UTF-8.
    public static func throughputLine(_ name: String, bytes: Int, seconds: Double) -> String {
        name.padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(format: "%8.1f MB/s  (%.2f s)", Double(bytes) / seconds / 1e6, seconds)
    }

    /// The seed pages in `folder`, in name order.
    public static func seedPages(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    }
}
