import Foundation
import Hummingbird

/// The stylesheet and script shipped in this module's bundle, read once at start, and the Arabic font from
/// Debian's fonts-hosny-amiri when it is installed (the stylesheet falls back to the system's naskh when not).
struct DeskAssets: Sendable {
    /// Where Debian's fonts-hosny-amiri puts the regular face.
    static let debianFont = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"

    private let files: [String: (type: String, bytes: ByteBuffer)]

    /// Why the desk's assets could not be loaded: the bundle is missing beside the executable.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "the web view's asset \(name) is missing from the Akhbar_WebDesk.resources bundle" }
    }

    init(fontFile: String = Self.debianFont) throws(Missing) {
        var files: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [("desk.css", "text/css; charset=utf-8"), ("desk.js", "text/javascript; charset=utf-8")] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets"),
                let data = try? Data(contentsOf: url)
            else { throw Missing(name: name) }
            files[name] = (type, ByteBuffer(bytes: data))
        }
        if let font = FileManager.default.contents(atPath: fontFile) {
            files["amiri.ttf"] = ("font/ttf", ByteBuffer(bytes: font))
        }
        self.files = files
    }

    func response(for name: String) -> Response {
        guard let file = files[name] else { return DeskResponse.notFound("لا ملف بهذا الاسم.") }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=86400"],
            body: ResponseBody(byteBuffer: file.bytes))
    }
}
