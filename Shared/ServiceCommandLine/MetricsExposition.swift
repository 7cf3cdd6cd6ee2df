import Foundation

/// The Prometheus text `/metrics` serves: the process's own families with their HELP lines, then the families
/// every Prometheus client library exports for its process (memory, CPU, file descriptors, start time) and a
/// build-info family whose labels say which release, and for the enricher which enrichment, is running.
struct MetricsExposition: Sendable {
    /// Help texts by family name. swift-metrics has no place for them, and the registry takes them only when a
    /// family is made; so they are added to the text, before each family's TYPE line.
    let helpTexts: [String: String]
    /// The labels of `akhbar_build_info`.
    let buildLabels: [(String, String)]

    init(helpTexts: [String: String], buildLabels: [(String, String)]) {
        self.helpTexts = helpTexts
        self.buildLabels = buildLabels
    }

    /// `registryText` with HELP lines, then the process and build families.
    func text(registryText: String) -> String {
        var lines: [Substring] = []
        for line in registryText.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE "), let name = line.dropFirst("# TYPE ".count).split(separator: " ").first {
                let help = helpTexts[String(name)] ?? "Akhbar metric \(name)."
                lines.append("# HELP \(name) \(help)")
            }
            lines.append(line)
        }
        var text = lines.joined(separator: "\n")
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        return text + ProcessFamilies.text() + buildInfo()
    }

    private func buildInfo() -> String {
        let labels = buildLabels.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",")
        return """
            # HELP akhbar_build_info The running release; always 1.
            # TYPE akhbar_build_info gauge
            akhbar_build_info{\(labels)} 1

            """
    }

    /// A label value as the text format writes it.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// The standard `process_*` families, read from /proc at each scrape (Linux; none elsewhere).
enum ProcessFamilies {
    static func text() -> String {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8) else { return "" }
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields = stat[(stat.lastIndex(of: ")").map { stat.index($0, offsetBy: 2) } ?? stat.startIndex)...]
            .split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func field(_ number: Int) -> Double { fields.count > number - 3 ? Double(fields[number - 3]) ?? 0 : 0 }
        let cpuSeconds = (field(14) + field(15)) / ticks
        let startSeconds = bootTime() + field(22) / ticks
        let resident = ResidentMemory.bytes() ?? 0
        let virtual = ResidentMemory.virtualBytes() ?? 0
        let openFiles = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return """
            # HELP process_cpu_seconds_total User and system CPU time spent, in seconds.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total \(cpuSeconds)
            # HELP process_resident_memory_bytes Resident memory size, in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes \(resident)
            # HELP process_virtual_memory_bytes Virtual memory size, in bytes.
            # TYPE process_virtual_memory_bytes gauge
            process_virtual_memory_bytes \(virtual)
            # HELP process_open_fds Open file descriptors.
            # TYPE process_open_fds gauge
            process_open_fds \(openFiles)
            # HELP process_start_time_seconds Start time of the process since the Unix epoch, in seconds.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds \(Int(startSeconds))

            """
    }

    private static func bootTime() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
        else { return 0 }
        return Double(line.dropFirst("btime ".count)) ?? 0
    }
}
