// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gestimum-conformance",
    // Mutex (Synchronization) needs macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GestimumEmulator", targets: ["GestimumEmulator"]),
        .library(name: "Conformance", targets: ["Conformance"]),
        .library(name: "GestimumServer", targets: ["GestimumServer"]),
        .executable(name: "gestimum", targets: ["gestimum"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already resolved through the packages above; declared because the targets import them.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // The reference emulator: request → lines → records → checks → store → journal → response.
        .target(
            name: "GestimumEmulator",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/demo.json"), .copy("Resources/Imports")]
        ),
        // The conformance harness: scenarios → target → comparison → report.
        .target(
            name: "Conformance",
            dependencies: [
                "GestimumEmulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The emulator behind Hummingbird, on port 8080.
        .target(
            name: "GestimumServer",
            dependencies: [
                "GestimumEmulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "gestimum",
            dependencies: [
                "GestimumEmulator",
                "Conformance",
                "GestimumServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The fuzz properties, shared by the fuzz targets and the regression tests.
        .target(
            name: "GestimumFuzzing",
            dependencies: ["GestimumEmulator", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "GestimumEmulatorTests", dependencies: ["GestimumEmulator"]),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["GestimumFuzzing", "Conformance", "GestimumEmulator"],
            exclude: ["FuzzRegressions"]
        ),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["Conformance", "GestimumEmulator", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "GestimumServerTests",
            dependencies: [
                "GestimumServer", "Conformance", "GestimumEmulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The CLI: its options and exit policy, and the built binary run end to end.
        .testTarget(
            name: "GestimumCLITests",
            dependencies: ["gestimum", "GestimumEmulator", "Conformance", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, built by `tools/fuzz` only (GESTIMUM_FUZZ=1, `--sanitize=fuzzer`):
// they have no `main`, libFuzzer brings its own, so a plain build must not see them.
if Context.environment["GESTIMUM_FUZZ"] != nil {
    for name in ["json", "lines", "request", "handle"] {
        package.targets.append(.executableTarget(
            name: "fuzz-\(name)", dependencies: ["GestimumFuzzing", "GestimumEmulator"], path: "Fuzz/\(name)"))
    }
}
