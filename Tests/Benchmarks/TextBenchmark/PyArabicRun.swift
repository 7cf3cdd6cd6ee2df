import Foundation

/// Runs the pyarabic side of the benchmark and reads the figure it prints.
struct PyArabicRun {
    /// What the Python script measured.
    struct Figure: Decodable {
        let bytes: Int
        let seconds: Double
    }

    let python: String
    let script: String

    func measure(corpus: URL) throws -> Figure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, corpus.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last
        else { throw PyArabicRunError(status: process.terminationStatus) }
        return try JSONDecoder().decode(Figure.self, from: Data(line.utf8))
    }
}

/// The Python side failed.
struct PyArabicRunError: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "the pyarabic benchmark exited with status \(status)" }
}
