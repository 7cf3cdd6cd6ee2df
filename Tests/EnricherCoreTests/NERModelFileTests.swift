import ArabicText
import Foundation
import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("NERModel file")
struct NERModelFileTests {
    private static func trained() throws -> NERModel {
        try NERToyCorpus.trainer(epochs: 2).train(
            NERToyCorpus.training,
            dev: [],
            priorSentences: [NERToyCorpus.unseen]
        ) { _ in }
    }

    /// A file body (everything but the checksum) with its checksum, so that only an edit of the
    /// body itself is wrong.
    private static func sealed(_ body: [UInt8]) -> [UInt8] {
        var body = body
        var hash = FNV1a()
        hash.combine(body)
        withUnsafeBytes(of: hash.value.littleEndian) { body += $0 }
        return body
    }

    @Test("save and load give the same weights, up to rounding, and the same tags")
    func roundTrip() throws {
        let model = try Self.trained()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).akner")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.write(to: url)
        let loaded = try NERModel.load(from: url)
        #expect(loaded.rows == model.rows)
        #expect(loaded.transitions == model.transitions)
        #expect(loaded.prior == model.prior && !model.prior.codes.isEmpty)
        #expect(loaded.gazetteerFingerprint == model.gazetteerFingerprint)
        let largest = model.emissions.map(abs).max() ?? 0
        let tolerance = largest / Float(Int16.max)
        #expect(zip(loaded.emissions, model.emissions).allSatisfy { abs($0 - $1) <= tolerance })
        let tagger = try NERTagger(model: loaded)
        #expect(tagger.tag(NERToyCorpus.unseen.tokens) == (try NERTagger(model: model)).tag(NERToyCorpus.unseen.tokens))
        #expect(loaded.encoded() == model.encoded())
    }

    @Test("bad files fail with typed errors")
    func badFiles() throws {
        let bytes = try Self.trained().encoded()
        #expect(throws: NERModelError(.notAModel, "")) { try NERModel.decode(Array("hello".utf8)) }
        #expect(throws: NERModelError(.notAModel, "")) { try NERModel.decode([]) }
        #expect(throws: NERModelError(.corrupted, "")) { try NERModel.decode(Array(bytes.prefix(bytes.count / 2))) }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        #expect(throws: NERModelError(.corrupted, "")) { try NERModel.decode(flipped) }
        let body = Array(bytes.dropLast(8))
        #expect(try NERModel.decode(Self.sealed(body)).rows.count > 0)
        var newer = body
        newer[NERModel.magic.count] = 99
        #expect(throws: NERModelError(.unsupportedVersion, "")) { try NERModel.decode(Self.sealed(newer)) }
        var otherFeatures = body
        otherFeatures[NERModel.magic.count + 2] &+= 1
        #expect(throws: NERModelError(.incompatibleFeatures, "")) { try NERModel.decode(Self.sealed(otherFeatures)) }
        #expect(throws: NERModelError(.corrupted, "")) { try NERModel.decode(Self.sealed(body + [0])) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        #expect(throws: NERModelError(.unreadableFile, "")) { try NERModel.load(from: missing) }
    }
}
