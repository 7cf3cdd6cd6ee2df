internal import ArabicText
public import Foundation

/// The model file: versioned, compact, checked.
///
/// Layout (little-endian): the magic `AKNERPM1`, the format version (UInt16), the feature
/// template version (UInt16), the tag count (UInt8), the gazetteer fingerprint (UInt8 length +
/// UTF-8), the weight scale (Float32), the row count (UInt32), the first- and second-order
/// transition weights (Float32 each), the entity prior (UInt32 count, then per word in ascending
/// key order a LEB128 key delta and a UInt8 code), then the rows in ascending feature id: the id as a LEB128
/// delta from the previous id, a UInt16 mask of the tags with a weight, and those weights as
/// Int16 multiples of the scale. An FNV-1a hash of everything before it ends the file.
extension NERModel {
    static let magic = Array("AKNERPM1".utf8)
    static let formatVersion: UInt16 = 1

    /// Writes the model file.
    /// - Throws: ``NERModelError`` with code `unwritableFile`.
    public func write(to url: URL) throws(NERModelError) {
        do {
            try Data(encoded()).write(to: url, options: .atomic)
        } catch {
            throw NERModelError(.unwritableFile, "\(url.path): \(error.localizedDescription)")
        }
    }

    /// Reads a model file.
    /// - Throws: ``NERModelError`` when the file cannot be read, is not a model, has another
    ///   version or other features, or is damaged.
    public static func load(from url: URL) throws(NERModelError) -> NERModel {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NERModelError(.unreadableFile, "\(url.path): \(error.localizedDescription)")
        }
        return try decode([UInt8](data))
    }

    /// The bundled model, read once per process.
    /// - Throws: ``NERModelError`` when the resource is missing or damaged.
    public static func bundled() throws(NERModelError) -> NERModel {
        try bundledResult.get()
    }

    private static let bundledResult = Result { () throws(NERModelError) -> NERModel in
        // As for the gazetteers, the resource folder may or may not be the bundle's own.
        let bundle = Bundle.module
        guard
            let url = bundle.url(forResource: "ner-perceptron", withExtension: "akner", subdirectory: "Model")
                ?? bundle.url(forResource: "ner-perceptron", withExtension: "akner", subdirectory: "Resources/Model")
        else {
            throw NERModelError(.missingResource, "no Model/ner-perceptron.akner in \(bundle.bundlePath)")
        }
        return try load(from: url)
    }

    /// A hash of the model's content, for naming enrichment versions: the checksum its file
    /// has, as 16 hexadecimal digits.
    public var fingerprint: String {
        let checksum =
            fileChecksum
            ?? {
                var hash = FNV1a()
                hash.combine(encoded().dropLast(8))
                return hash.value
            }()
        return FNV1a.hex(checksum)
    }

    /// The bytes of the model file; weights are rounded to multiples of the largest over 32767.
    func encoded() -> [UInt8] {
        var writer = ModelByteWriter()
        writer.append(Self.magic)
        writer.append(Self.formatVersion)
        writer.append(NERFeatureExtractor.version)
        writer.append(UInt8(BIOTag.count))
        let fingerprint = Array(gazetteerFingerprint.utf8.prefix(255))
        writer.append(UInt8(fingerprint.count))
        writer.append(fingerprint)
        let largest = emissions.lazy.map(abs).max() ?? 0
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        writer.append(scale)
        writer.append(UInt32(rows.count))
        for weight in transitions.first + transitions.second { writer.append(weight) }
        writer.append(UInt32(prior.codes.count))
        var previousKey: UInt32 = 0
        for (key, code) in prior.codes.sorted(by: { $0.key < $1.key }) {
            writer.appendVarint(UInt64(key - previousKey))
            previousKey = key
            writer.append(code)
        }
        var previous: UInt32 = 0
        for (id, row) in rows.sorted(by: { $0.key < $1.key }) {
            writer.appendVarint(UInt64(id - previous))
            previous = id
            let weights = (0..<BIOTag.count).map { emissions[Int(row) * BIOTag.count + $0] }
            let quantized = weights.map { Int16(($0 / scale).rounded()) }
            let mask = quantized.indices.reduce(UInt16(0)) { quantized[$1] != 0 ? $0 | 1 << $1 : $0 }
            writer.append(mask)
            for value in quantized where value != 0 { writer.append(value) }
        }
        var hash = FNV1a()
        hash.combine(writer.bytes)
        writer.append(hash.value)
        return writer.bytes
    }

    /// Parses the bytes of a model file.
    static func decode(_ bytes: [UInt8]) throws(NERModelError) -> NERModel {
        guard bytes.starts(with: magic) else { throw NERModelError(.notAModel, "no AKNERPM1 magic") }
        guard bytes.count >= magic.count + 8 else { throw NERModelError(.corrupted, "the file ends early") }
        var hash = FNV1a()
        hash.combine(bytes.dropLast(8))
        var trailer = ModelByteReader(Array(bytes.suffix(8)))
        guard try trailer.read(UInt64.self) == hash.value else {
            throw NERModelError(.corrupted, "checksum mismatch")
        }
        var reader = ModelByteReader(Array(bytes.dropLast(8)))
        _ = try reader.read(count: magic.count)
        let version = try reader.read(UInt16.self)
        guard version == formatVersion else {
            throw NERModelError(.unsupportedVersion, "format \(version), this code reads \(formatVersion)")
        }
        let featureVersion = try reader.read(UInt16.self)
        let tagCount = try reader.read(UInt8.self)
        guard featureVersion == NERFeatureExtractor.version, tagCount == BIOTag.count else {
            throw NERModelError(
                .incompatibleFeatures,
                "features v\(featureVersion) over \(tagCount) tags; this code extracts v\(NERFeatureExtractor.version)"
            )
        }
        let fingerprintLength = Int(try reader.read(UInt8.self))
        let fingerprint = String(decoding: try reader.read(count: fingerprintLength), as: UTF8.self)
        let scale = try reader.readFloat()
        let rowCount = Int(try reader.read(UInt32.self))
        var transitions = [Float]()
        for _ in 0..<(TransitionWeights.firstCount + TransitionWeights.secondCount) {
            transitions.append(try reader.readFloat())
        }
        let priorCount = Int(try reader.read(UInt32.self))
        var codes: [UInt32: UInt8] = [:]
        var key: UInt64 = 0
        for _ in 0..<priorCount {
            key += try reader.readVarint()
            guard key <= UInt32.max else { throw NERModelError(.corrupted, "prior key out of range") }
            codes[UInt32(key)] = try reader.read(UInt8.self)
        }
        var rows: [UInt32: Int32] = [:]
        rows.reserveCapacity(rowCount)
        var emissions = [Float](repeating: 0, count: rowCount * BIOTag.count)
        var id: UInt64 = 0
        for row in 0..<rowCount {
            id += try reader.readVarint()
            guard id <= UInt32.max, row == 0 || rows[UInt32(id)] == nil else {
                throw NERModelError(.corrupted, "feature ids out of order at byte \(reader.offset)")
            }
            rows[UInt32(id)] = Int32(row)
            let mask = try reader.read(UInt16.self)
            for tag in 0..<BIOTag.count where mask & (1 << tag) != 0 {
                emissions[row * BIOTag.count + tag] = Float(Int16(bitPattern: try reader.read(UInt16.self))) * scale
            }
        }
        guard reader.isAtEnd else { throw NERModelError(.corrupted, "bytes left after the last row") }
        var model = NERModel(
            rows: rows,
            emissions: emissions,
            transitions: TransitionWeights(
                first: Array(transitions.prefix(TransitionWeights.firstCount)),
                second: Array(transitions.dropFirst(TransitionWeights.firstCount))
            ),
            gazetteerFingerprint: fingerprint,
            prior: EntityWordPrior(codes: codes)
        )
        model.fileChecksum = hash.value
        return model
    }
}
