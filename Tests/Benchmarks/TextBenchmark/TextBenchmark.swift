import ArgumentParser
import BenchmarkSupport
import Foundation
import ServiceCommandLine

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
        let corpus = BenchmarkCorpus(seeds: try Measurement.seedPages(in: seeds), bytes: megabytes * 1_000_000)
        let bytes = corpus.byteCount
        print(
            "corpus: \(corpus.pages.count) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB of UTF-8, built from the pages in \(seeds)"
        )
        let run = TextPipelineRun()

        let steps: [(String, (String) -> Int)] = [
            ("clean", run.clean), ("normalize (matching key)", run.normalize),
            ("normalize + tokenize", run.tokenize),
        ]
        for (name, step) in pipelineOnly ? [] : steps {
            let seconds = Measurement.best(passes: passes) { corpus.pages.reduce(0) { $0 &+ step($1) } }
            print(Measurement.throughputLine(name, bytes: bytes, seconds: seconds))
        }
        let pipelines: [(String, (String) -> TextPipelineRun.Output)] = [
            ("clean + normalize + tokenize", run.cleanAndTokenize),
            ("  + display normalization + sentences", run.enrichmentText),
        ]
        var headline = 0.0
        for (name, pipeline) in pipelines {
            var output = TextPipelineRun.Output()
            let seconds = Measurement.best(passes: passes) {
                output = TextPipelineRun.Output()
                for page in corpus.pages { output += pipeline(page) }
                return output.tokens
            }
            if headline == 0 { headline = seconds }
            print(Measurement.throughputLine(name, bytes: bytes, seconds: seconds))
            print(
                "    \(String(format: "%.0f", Double(corpus.pages.count) / seconds)) pages/s; \(output.paragraphs) "
                    + "paragraphs, \(output.tokens) tokens, \(output.sentences) sentences per pass")
        }
        print("peak RSS: \((ResidentMemory.peakBytes() ?? 0) / 1_048_576) MB")

        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("pyarabic: skipped, no Python at \(python) (run scripts/setup.sh)")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-text-benchmark.txt")
        try corpus.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let figure = try PyArabicRun(python: python, script: pyarabicScript).measure(corpus: file)
        print(
            Measurement.throughputLine("pyarabic: same steps in Python", bytes: figure.bytes, seconds: figure.seconds))
        let speedUp = (Double(bytes) / headline) / (Double(figure.bytes) / figure.seconds)
        print("clean + normalize + tokenize against pyarabic: " + String(format: "%.1f× faster", speedUp))
    }
}
