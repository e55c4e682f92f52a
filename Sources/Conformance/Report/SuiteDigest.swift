import Foundation

/// A short fingerprint of a suite's `Scenarios/` and `Golden/` files, so a
/// run file says which version of the suite it ran (the matrix aligns runs
/// of different versions by scenario id).
public enum SuiteDigest {
    /// 16 hex digits of FNV-1a over every file's relative path and bytes, in path order.
    public static func of(_ folders: [URL]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        for folder in folders {
            let root = folder.standardizedFileURL.path
            var files: [String] = []
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                    files.append(String(url.standardizedFileURL.path.dropFirst(root.count)))
                }
            }
            for file in files.sorted() {
                mix(file.utf8)
                mix(FileManager.default.contents(atPath: root + file) ?? Data())
            }
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
