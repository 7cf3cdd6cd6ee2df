import Foundation

/// The addresses of the desk's pages, built in one place so that every link escapes its parameters the same way.
enum DeskLink {
    static func article(_ id: String) -> String {
        "/article?" + query([("id", id)])
    }

    static func entity(_ id: String, after page: String = "") -> String {
        "/entity?" + query([("id", id), ("after", page)])
    }

    static func search(_ parameters: [(String, String)]) -> String {
        "/search?" + query(parameters)
    }

    /// A query string of `parameters`, empty values left out, each part percent-encoded as a form field.
    static func query(_ parameters: [(String, String)]) -> String {
        parameters.filter { !$0.1.isEmpty }.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
