internal import ArabicText
import Foundation

/// Reading the knowledge files: `word-clusters.tsv` (word, bit string), `common-words.txt` (a
/// word a line) and `places.tsv` (name, `PLACE` or `PLACE_AMBIGUOUS`). Blank lines and lines
/// starting with `#` are comments.
extension WordKnowledge {
    static let fileNames = ["common-words.txt", "places.tsv", "word-clusters.tsv"]

    /// The knowledge shipped in the module's resources, read once per process.
    package static func bundled() throws(GazetteerError) -> WordKnowledge {
        try bundledResult.get()
    }

    private static let bundledResult = Result { () throws(GazetteerError) -> WordKnowledge in
        try load(from: ResourceFiles.directory("Knowledge"))
    }

    /// Loads the three files of `directory`.
    static func load(from directory: URL) throws(GazetteerError) -> WordKnowledge {
        let (files, fingerprint) = try ResourceFiles.read(fileNames, in: directory)
        let texts = Dictionary(files, uniquingKeysWith: { first, _ in first })
        return try parse(
            clusters: texts["word-clusters.tsv"] ?? "",
            commonWords: texts["common-words.txt"] ?? "",
            places: texts["places.tsv"] ?? "",
            fingerprint: fingerprint
        )
    }

    /// Parses the three files' texts.
    static func parse(
        clusters clusterText: String,
        commonWords wordText: String,
        places placeText: String,
        fingerprint: String
    ) throws(GazetteerError) -> WordKnowledge {
        let normalizer = ArabicNormalizer()
        func hash(_ word: some StringProtocol) -> UInt64 {
            FNV1a(scalars: normalizer.key(word).unicodeScalars).value
        }
        var clusters: [UInt64: UInt32] = [:]
        for (line, columns) in try lines(of: clusterText, file: "word-clusters.tsv") {
            guard columns.count == 2, (1...30).contains(columns[1].count),
                columns[1].allSatisfy({ $0 == "0" || $0 == "1" })
            else {
                throw GazetteerError(
                    .malformedLine, "expected word<TAB>bits", dataFile: "word-clusters.tsv", dataLine: line)
            }
            clusters[hash(columns[0])] = columns[1].reduce(1) { $0 << 1 | ($1 == "1" ? 1 : 0) }
        }
        let words = try lines(of: wordText, file: "common-words.txt").map { normalizer.key($0.columns[0]) }
        var places: [UInt64: PlaceKind] = [:]
        var longestPlace = 0
        for (line, columns) in try lines(of: placeText, file: "places.tsv") {
            guard columns.count == 2 else {
                throw GazetteerError(.malformedLine, "expected name<TAB>kind", dataFile: "places.tsv", dataLine: line)
            }
            let kind: PlaceKind
            switch columns[1] {
            case "PLACE": kind = .place
            case "PLACE_AMBIGUOUS": kind = .ambiguousPlace
            default:
                throw GazetteerError(
                    .unknownType, "unknown kind \"\(columns[1])\"", dataFile: "places.tsv", dataLine: line)
            }
            let keys = normalizer.key(columns[0]).split(separator: " ")
            guard let first = keys.first else { continue }
            let rest = keys.dropFirst().map { FNV1a(scalars: $0.unicodeScalars).value }
            // The tagger's stem drops the article, so the first word is also kept without it.
            var firsts = [FNV1a(scalars: first.unicodeScalars).value]
            if first.hasPrefix("ال"), first.count > 3 {
                firsts.append(FNV1a(scalars: first.dropFirst(2).unicodeScalars).value)
            }
            for start in firsts {
                var key = start
                for next in rest {
                    if places[key] == nil { places[key] = .beginning }
                    key = sequenceHash(key, next)
                }
                // A name that is both plain and ambiguous is ambiguous.
                if places[key] != .ambiguousPlace { places[key] = kind }
            }
            longestPlace = max(longestPlace, keys.count)
        }
        return WordKnowledge(
            clusters: clusters,
            commonWords: WordHashSet(words),
            places: places,
            longestPlace: longestPlace,
            fingerprint: fingerprint
        )
    }

    /// The tab-separated columns of each line that is not blank or a comment, with its number.
    private static func lines(of text: String, file: String) throws(GazetteerError) -> [(
        line: Int, columns: [Substring]
    )] {
        var result: [(line: Int, columns: [Substring])] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard !columns[0].isEmpty else {
                throw GazetteerError(.malformedLine, "empty first column", dataFile: file, dataLine: offset + 1)
            }
            result.append((offset + 1, columns))
        }
        return result
    }
}
