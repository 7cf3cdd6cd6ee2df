internal import ArabicText
import Foundation

/// The data files shipped in the module's resources (gazetteers, word knowledge): found in either bundle layout, read
/// as UTF-8 and fingerprinted, so that an enrichment version or a model can say which data it was made with.
enum ResourceFiles {
    /// The resource folder `name`. The "Resources" folder is copied as is; depending on the platform's bundle layout,
    /// Foundation either treats it as the bundle's resource directory or not.
    static func directory(_ name: String) throws(GazetteerError) -> URL {
        let bundle = Bundle.module
        guard
            let directory = bundle.url(forResource: name, withExtension: nil)
                ?? bundle.url(forResource: name, withExtension: nil, subdirectory: "Resources")
        else {
            throw GazetteerError(.missingResource, "no \(name) directory in \(bundle.bundlePath)")
        }
        return directory
    }

    /// The texts of the files `names` of `directory`, in that order, and a hash of every file's name and bytes that
    /// changes whenever the data does.
    static func read(
        _ names: [String], in directory: URL
    ) throws(GazetteerError) -> (texts: [(name: String, text: String)], fingerprint: String) {
        var hash = FNV1a()
        var texts: [(name: String, text: String)] = []
        for name in names {
            let data: Data
            do {
                data = try Data(contentsOf: directory.appendingPathComponent(name))
            } catch {
                throw GazetteerError(.unreadableFile, "\(error)", dataFile: name)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw GazetteerError(.unreadableFile, "not UTF-8", dataFile: name)
            }
            hash.combine(name.utf8)
            hash.combine([0])
            hash.combine(data)
            texts.append((name, text))
        }
        return (texts, hash.hex)
    }
}
