import ArgumentParser
import Foundation

/// Prints the throughput of the Arabic text layer (clean + normalize + tokenize + split) on one
/// core, next to the same steps done with pyarabic on the same corpus in the same run.
@main
struct TextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-text-benchmark",
        abstract: "Measure MB/s of cleaning, normalization and tokenization, and compare with pyarabic."
    )

    @Option(help: "Size of the generated corpus in MB (10^6 bytes of UTF-8).")
    var megabytes = 50

    @Option(help: "Timed passes per measurement; the best is reported.")
    var passes = 3

    @Flag(help: "Measure only the pipelines, not each step alone (for profiling).")
    var pipelineOnly = false

    @Option(help: "The folder of seed pages the corpus is built from.")
    var seeds = "Fixtures/seeds"

    @Option(help: "Python with pyarabic; the pyarabic side is skipped when it is missing.")
    var python = ProcessInfo.processInfo.environment["AKHBAR_PYTHON"] ?? ".tools/venv/bin/python"

    @Option(help: "The pyarabic side of the benchmark.")
    var pyarabicScript = "Tests/Benchmarks/pyarabic-pipeline.py"

    func run() throws {
        let corpus = BenchmarkCorpus(seeds: try readSeeds(), bytes: megabytes * 1_000_000)
        let bytes = corpus.byteCount
        print("corpus: \(corpus.pages.count) pages, \(megabytes(bytes)) MB of UTF-8, built from the pages in \(seeds)")
        let run = TextPipelineRun()

        let steps: [(String, (String) -> Int)] = [
            ("clean", run.clean), ("normalize (matching key)", run.normalize),
            ("normalize + tokenize", run.tokenize),
        ]
        for (name, step) in pipelineOnly ? [] : steps {
            let seconds = best { corpus.pages.reduce(0) { $0 &+ step($1) } }
            report(name, bytes: bytes, seconds: seconds)
        }
        let pipelines: [(String, (String) -> TextPipelineRun.Output)] = [
            ("clean + normalize + tokenize", run.cleanAndTokenize),
            ("  + display normalization + sentences", run.enrichmentText),
        ]
        var headline = 0.0
        for (name, pipeline) in pipelines {
            var output = TextPipelineRun.Output()
            let seconds = best {
                output = TextPipelineRun.Output()
                for page in corpus.pages { output += pipeline(page) }
                return output.tokens
            }
            if headline == 0 { headline = seconds }
            report(name, bytes: bytes, seconds: seconds)
            print(
                "    \(String(format: "%.0f", Double(corpus.pages.count) / seconds)) pages/s; \(output.paragraphs) "
                    + "paragraphs, \(output.tokens) tokens, \(output.sentences) sentences per pass")
        }
        print("peak RSS: \(peakResidentMegabytes()) MB")

        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("pyarabic: skipped, no Python at \(python) (run scripts/setup.sh)")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-text-benchmark.txt")
        try corpus.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let figure = try PyArabicRun(python: python, script: pyarabicScript).measure(corpus: file)
        report("pyarabic: same steps in Python", bytes: figure.bytes, seconds: figure.seconds)
        let speedUp = (Double(bytes) / headline) / (Double(figure.bytes) / figure.seconds)
        print("clean + normalize + tokenize against pyarabic: " + String(format: "%.1f× faster", speedUp))
    }

    private func readSeeds() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: "\(seeds)/\($0)", encoding: .utf8) }
    }

    /// The fastest of `passes` timed runs of `work`, in seconds.
    private func best(_ work: () -> Int) -> Double {
        var fastest = Double.infinity
        var sink = 0
        for _ in 0..<max(1, passes) {
            let start = ContinuousClock.now
            sink &+= work()
            let elapsed = start.duration(to: .now)
            fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        if sink == -1 { print(sink) }  // keeps the work observable
        return fastest
    }

    private func report(_ name: String, bytes: Int, seconds: Double) {
        let rate = Double(bytes) / seconds / 1e6
        print(
            name.padding(toLength: 48, withPad: " ", startingAt: 0)
                + String(format: "%8.1f MB/s  (%.2f s)", rate, seconds))
    }

    private func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    /// The process's peak resident set size, from /proc.
    private func peakResidentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
