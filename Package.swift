// swift-tools-version:6.0
import PackageDescription

// Layers: each module imports only modules listed before it (docs/development/architecture.md draws the map, and a
// test holds it to the imports). Every outside library has one home module.
//   SiteCore                      diagnostics, locations, routes, escaping, file operations
//   SiteMarkdown                  the only importer of libcmark (CCMark)
//   SiteContent                   the only reader of Content/ (Yams, swift-crypto, ZIPFoundation)
//   SiteCitations, SiteTemplates  citations; the only reader of Templates/
//   SiteBuild                     the build session: plan, render, write
//   SiteLinks                     HTML scanning and link checking (knows only SiteCore)
//   SiteCheck                     the check report and the built site -> scan -> check glue
//   SiteWatch                     the file watcher and the rebuild loop (serve and build --watch)
//   SiteExternal                  the only HTTP client (AsyncHTTPClient, NIO): outside links and DOIs
//   SiteServer                    the only importer of Hummingbird: the dev server and live reload
//   iopsite                       the command line (ArgumentParser; links CMimalloc)
// Beside them: SiteLinksReference (libxml2 through CLibXML2, for tests only), FuzzChecks and the fuzz-* executables,
// iopsite-bench, SiteTestSupport, SiteTestServer (loopback HTTP servers for tests) and the test targets.

/// Every target: imports are internal unless a file says `public import` (so no library type leaks into another
/// module's API unannounced), a module's members are visible only in the files that import it, and existentials
/// are spelled `any`.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "iopsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iopsite", targets: ["iopsite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Linked into the iopsite executable alone: its malloc then serves the whole process (docs/performance.md).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "SiteCore", swiftSettings: strictness),
        .target(name: "SiteMarkdown", dependencies: ["CCMark", "SiteCore"], swiftSettings: strictness),
        .target(name: "SiteContent", dependencies: [
            "SiteCore", "SiteMarkdown",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: strictness),
        .target(name: "SiteCitations", dependencies: ["SiteCore", "SiteMarkdown", "SiteContent"], swiftSettings: strictness),
        .target(name: "SiteTemplates", dependencies: ["SiteContent", "SiteCore"], swiftSettings: strictness),
        .target(name: "SiteBuild", dependencies: [
            "SiteCore", "SiteMarkdown", "SiteContent", "SiteCitations", "SiteTemplates",
        ], swiftSettings: strictness),
        .target(name: "SiteLinks", dependencies: ["SiteCore"], swiftSettings: strictness),
        .target(name: "SiteCheck", dependencies: ["SiteCore", "SiteContent", "SiteBuild", "SiteLinks"], swiftSettings: strictness),
        .target(name: "SiteWatch", dependencies: ["SiteCore", "SiteBuild"], swiftSettings: strictness),
        .target(name: "SiteServer", dependencies: [
            "SiteCore", "SiteTemplates", "SiteBuild", "SiteCheck", "SiteWatch",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: strictness),
        .target(name: "SiteExternal", dependencies: [
            "SiteCore", "SiteContent", "SiteLinks", "SiteCheck",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strictness),
        .executableTarget(name: "iopsite", dependencies: [
            "CMimalloc", "SiteCore", "SiteContent", "SiteBuild", "SiteLinks", "SiteCheck", "SiteWatch", "SiteServer", "SiteExternal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictness),
        .executableTarget(name: "iopsite-bench", dependencies: [
            "SiteCore", "SiteBuild",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictness),
        .target(name: "SiteLinksReference", dependencies: ["CLibXML2", "SiteLinks"], path: "Tests/SiteLinksReference", swiftSettings: strictness),
        // The fuzz targets (Fuzz/, `make fuzz`): one small executable per entry point, over the checks they share with the tests.
        .target(name: "FuzzChecks", dependencies: [
            "SiteCore", "SiteMarkdown", "SiteContent", "SiteCitations", "SiteTemplates", "SiteBuild", "SiteLinks", "SiteLinksReference",
        ], path: "Fuzz/Checks", swiftSettings: strictness),
    ] + ["markdown", "content", "locator", "html", "templates"].map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzChecks"], path: "Fuzz/Targets/fuzz-\(name)", swiftSettings: strictness)
    } + [
        // What the tests share: inline fixture sites, temporary folders and child processes that are cleaned up, HTTP probes.
        .target(name: "SiteTestSupport", path: "Tests/SiteTestSupport", swiftSettings: strictness),
        // Real HTTP servers on loopback that a test scripts (Hummingbird), for the tests of outside links alone.
        .target(name: "SiteTestServer", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], path: "Tests/SiteTestServer", swiftSettings: strictness),
        .testTarget(name: "SiteCoreTests", dependencies: ["SiteCore", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteMarkdownTests", dependencies: ["SiteMarkdown", "CCMark", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteContentTests", dependencies: ["SiteContent", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteCitationsTests", dependencies: ["SiteCitations", "SiteContent", "SiteMarkdown", "SiteCore", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteTemplatesTests", dependencies: ["SiteTemplates", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteBuildTests", dependencies: [
            "SiteBuild", "SiteCheck", "SiteContent", "SiteCore", "SiteLinks", "SiteLinksReference", "SiteTestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strictness),
        .testTarget(name: "SiteLinksTests", dependencies: ["SiteLinks", "SiteCheck", "SiteLinksReference", "SiteCore", "SiteBuild", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteServerTests", dependencies: ["SiteServer", "SiteBuild", "SiteCore", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "SiteExternalTests", dependencies: ["SiteExternal", "SiteCheck", "SiteContent", "SiteLinks", "SiteCore", "SiteTestSupport", "SiteTestServer"], swiftSettings: strictness),
        .testTarget(name: "IOPSiteTests", dependencies: ["iopsite", "SiteCore", "SiteTestSupport", "SiteTestServer"], swiftSettings: strictness),
        // The fault suite (`make test-faults`): full disks, killed processes, concurrent writers, a loaded dev server.
        .testTarget(name: "FaultTests", dependencies: ["iopsite", "iopsite-bench", "SiteCore", "SiteTestSupport"], swiftSettings: strictness),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks", "SiteCore", "SiteLinksReference", "SiteTestSupport"], swiftSettings: strictness),
    ]
)
