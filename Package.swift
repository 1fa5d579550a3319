// swift-tools-version:6.0
import PackageDescription

// Layers (each module imports only the ones above it in this list):
// CCMark → SiteCore → SiteMarkdown → SiteContent → SiteCitations → SiteTemplates → SiteBuild → iopsite;
// SiteLinks (which knows only SiteCore) → iopsite; CLibXML2 → SiteLinksReference (libxml2's extractor, for tests only);
// CMimalloc (the allocator, linked for its malloc) → iopsite;
// SiteBuild and SiteLinks → SiteServer (the dev server and watcher, the only module that knows Hummingbird) → iopsite;
// everything that parses → FuzzChecks (the fuzz targets' invariants, for Fuzz/Targets and the regression tests);
// SiteContent and SiteLinks → SiteExternal (outside links, DOIs and Crossref; the only module that speaks HTTP as a client) → iopsite.
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
        .target(name: "SiteCore"),
        .target(name: "SiteMarkdown", dependencies: ["CCMark", "SiteCore"]),
        .target(name: "SiteContent", dependencies: [
            "SiteCore", "SiteMarkdown",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "SiteCitations", dependencies: ["SiteCore", "SiteMarkdown", "SiteContent"]),
        .target(name: "SiteTemplates", dependencies: ["SiteCore"]),
        .target(name: "SiteBuild", dependencies: [
            "SiteCore", "SiteMarkdown", "SiteContent", "SiteCitations", "SiteTemplates",
        ]),
        .target(name: "SiteLinks", dependencies: ["SiteCore"]),
        .target(name: "SiteServer", dependencies: [
            "SiteCore", "SiteTemplates", "SiteBuild", "SiteLinks",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(name: "SiteExternal", dependencies: [
            "SiteCore", "SiteContent", "SiteLinks",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .executableTarget(name: "iopsite", dependencies: [
            "CMimalloc", "SiteCore", "SiteContent", "SiteBuild", "SiteLinks", "SiteServer", "SiteExternal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "iopsite-bench", dependencies: [
            "SiteCore", "SiteBuild",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "SiteLinksReference", dependencies: ["CLibXML2", "SiteLinks"], path: "Tests/SiteLinksReference"),
        // The fuzz targets (Fuzz/, `make fuzz`): one small executable per entry point, over the checks they share with the tests.
        .target(name: "FuzzChecks", dependencies: [
            "SiteCore", "SiteMarkdown", "SiteContent", "SiteCitations", "SiteTemplates", "SiteBuild", "SiteLinks", "SiteLinksReference",
        ], path: "Fuzz/Checks"),
    ] + ["markdown", "content", "locator", "html", "templates"].map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzChecks"], path: "Fuzz/Targets/fuzz-\(name)")
    } + [
        .target(name: "SiteTestSupport", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], path: "Tests/SiteTestSupport"),
        .testTarget(name: "SiteCoreTests", dependencies: ["SiteCore", "SiteTestSupport"]),
        .testTarget(name: "SiteMarkdownTests", dependencies: ["SiteMarkdown", "CCMark", "SiteTestSupport"]),
        .testTarget(name: "SiteContentTests", dependencies: ["SiteContent", "SiteTestSupport"]),
        .testTarget(name: "SiteCitationsTests", dependencies: ["SiteCitations", "SiteContent", "SiteMarkdown", "SiteCore", "SiteTestSupport"]),
        .testTarget(name: "SiteTemplatesTests", dependencies: ["SiteTemplates", "SiteTestSupport"]),
        .testTarget(name: "SiteBuildTests", dependencies: [
            "SiteBuild", "SiteContent", "SiteCore", "SiteLinks", "SiteLinksReference", "SiteTestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "SiteLinksTests", dependencies: ["SiteLinks", "SiteLinksReference", "SiteCore", "SiteBuild", "SiteTestSupport"]),
        .testTarget(name: "SiteServerTests", dependencies: ["SiteServer", "SiteBuild", "SiteCore", "SiteTestSupport"]),
        .testTarget(name: "SiteExternalTests", dependencies: ["SiteExternal", "SiteContent", "SiteLinks", "SiteCore", "SiteTestSupport"]),
        .testTarget(name: "IOPSiteTests", dependencies: ["iopsite", "SiteTestSupport"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks", "SiteCore", "SiteLinksReference", "SiteTestSupport"]),
    ]
)
