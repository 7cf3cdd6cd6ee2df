import Foundation

/// Reads the text files that `tag` and `clean` take, or standard input for "-".
enum TextFile {
    static func read(_ path: String) throws(TextFileError) -> String {
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd() ?? Data()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw TextFileError(path: path, problem: .unreadable) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TextFileError(path: path, problem: .notUTF8)
        }
        return text
    }
}

/// A text file that cannot be used.
struct TextFileError: Error, CustomStringConvertible {
    enum Problem {
        case unreadable
        case notUTF8
    }

    let path: String
    let problem: Problem

    var description: String {
        switch problem {
        case .unreadable: "cannot read \(path)"
        case .notUTF8: "\(path) is not valid UTF-8"
        }
    }
}
