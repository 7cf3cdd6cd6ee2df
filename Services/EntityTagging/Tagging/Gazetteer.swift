internal import ArabicText
import Foundation

/// The tagger's word lists, loaded from the tab-separated files of one directory.
///
/// Each line is `canonical<TAB>TYPE<TAB>alias|alias|…`; the alias column may be empty or
/// absent. Blank lines and lines starting with `#` are comments.
///
/// The files of the directory itself are what the trained model was made with: its features read them, so a change
/// to them needs a retrain. The files of its `rules-only` folder are read by the rules alone: names added there
/// change no feature, and the model stands.
package struct Gazetteer: Sendable {
    let entries: [GazetteerEntry]
    /// A hash of every file's name and bytes, in name order: it changes whenever the data does.
    let fingerprint: String
    /// The same over the files the trained model reads (``GazetteerEntry/informsModel``).
    let modelFingerprint: String

    /// The folder of the files only the rules read.
    static let rulesOnlyFolder = "rules-only"

    /// The gazetteers shipped in the module's resources, read once per process.
    package static func bundled() throws(GazetteerError) -> Gazetteer {
        try bundledResult.get()
    }

    private static let bundledResult = Result { () throws(GazetteerError) -> Gazetteer in
        try load(from: ResourceFiles.directory("Gazetteers"))
    }

    /// Loads every `*.tsv` file of `directory` and of its ``rulesOnlyFolder``.
    static func load(from directory: URL) throws(GazetteerError) -> Gazetteer {
        let names = try tables(in: directory)
        guard !names.isEmpty else {
            throw GazetteerError(.missingResource, "no .tsv files in \(directory.path)")
        }
        let rulesOnly = directory.appendingPathComponent(rulesOnlyFolder)
        let ruleNames =
            FileManager.default.fileExists(atPath: rulesOnly.path)
            ? try tables(in: rulesOnly).map { rulesOnlyFolder + "/" + $0 } : []
        let (texts, modelFingerprint) = try ResourceFiles.read(names, in: directory)
        let (ruleTexts, rulesFingerprint) = try ResourceFiles.read(ruleNames, in: directory)
        var entries: [GazetteerEntry] = []
        for (name, text) in texts {
            entries += try parse(text, file: name, informsModel: true)
        }
        for (name, text) in ruleTexts {
            entries += try parse(text, file: name, informsModel: false)
        }
        var fingerprint = FNV1a()
        fingerprint.combine((modelFingerprint + rulesFingerprint).utf8)
        return Gazetteer(
            entries: entries, fingerprint: ruleNames.isEmpty ? modelFingerprint : fingerprint.hex,
            modelFingerprint: modelFingerprint)
    }

    /// The names of the `*.tsv` files of `directory`, sorted.
    private static func tables(in directory: URL) throws(GazetteerError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".tsv") }
                .sorted()
        } catch {
            throw GazetteerError(.missingResource, "cannot list \(directory.path): \(error)")
        }
    }

    /// Parses the lines of one gazetteer file.
    /// - Parameter informsModel: whether the trained model reads the file.
    static func parse(_ text: String, file: String, informsModel: Bool = true) throws(GazetteerError)
        -> [GazetteerEntry]
    {
        var entries: [GazetteerEntry] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 2, !columns[0].isEmpty else {
                throw GazetteerError(
                    .malformedLine,
                    "expected canonical<TAB>TYPE<TAB>aliases",
                    dataFile: file,
                    dataLine: offset + 1
                )
            }
            guard let kind = LexiconKind(rawValue: columns[1]) else {
                throw GazetteerError(
                    .unknownType, "unknown type \"\(columns[1])\"", dataFile: file, dataLine: offset + 1)
            }
            let aliases =
                columns.count > 2
                ? columns[2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } : []
            let forms = [columns[0]] + aliases.filter { !$0.isEmpty }
            entries.append(GazetteerEntry(kind: kind, canonical: columns[0], forms: forms, informsModel: informsModel))
        }
        return entries
    }
}
