import Foundation

/// Headless Chromium, for tests that check HTML pages in a real browser:
/// loads a file (with its URL fragment), runs its scripts and returns the
/// resulting DOM (`--dump-dom`).
struct Chromium {
    let executable: URL

    /// The browser, or an error saying how to install it.
    static func find() throws -> Chromium {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return Chromium(executable: url) }
            }
        }
        throw Missing()
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "Chromium is not installed, so the HTML reports cannot be checked in a real browser: install it with `apt-get install -y chromium` (.ci/run does) and run the tests again."
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// The DOM after the page's scripts ran. The browser is killed after
    /// `limit` seconds so a stuck browser cannot hang the tests.
    func dumpDOM(_ file: URL, fragment: String? = nil, limit: TimeInterval = 180) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--disable-extensions", "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000",
                             "--dump-dom", file.absoluteString + (fragment.map { "#" + $0 } ?? "")]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-dom-\(UUID().uuidString).html")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failed(description: "Chromium did not finish within \(Int(limit)) s loading \(file.path)")
        }
        try handle.close()
        let dom = try String(contentsOf: output, encoding: .utf8)
        guard process.terminationStatus == 0, !dom.isEmpty else {
            throw Failed(description: "Chromium exited \(process.terminationStatus) loading \(file.path)")
        }
        return dom
    }
}
