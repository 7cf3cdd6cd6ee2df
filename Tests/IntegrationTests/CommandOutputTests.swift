import FixtureFiles
import Foundation
import Testing

/// What the enricher's commands print, run as real processes: no broker needed.
@Suite("Command output")
struct CommandOutputTests {
    @Test("tag --json prints identical bytes in two runs: keys in a fixed order, whatever the hash seed")
    func tagJSONIsStable() async throws {
        let seeds = try FixtureFiles.seedFiles().map(\.path)
        var outputs: [String] = []
        for _ in 0..<2 {
            let run = try ServiceProcess("akhbar-enricher", ["tag", "--json"] + seeds)
            #expect(await run.waitForExit(timeout: .seconds(120)) == 0)
            outputs.append(run.printed)
        }
        #expect(outputs[0] == outputs[1])
        let first = try #require(outputs[0].split(separator: "\n").first)
        #expect(first.hasPrefix("{\"entities\":[{\"canonical\":"))
    }
}
