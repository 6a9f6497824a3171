// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Verbatim",
    products: [
        .executable(name: "verbatim", targets: ["verbatim"]),
        .library(name: "Verbatim", targets: ["Verbatim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ICU from the system (`libicu-dev`), behind a shim of stable names.
        .systemLibrary(
            name: "CICU",
            path: "Sources/CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        // Turns `rules/` into Swift source at build time, so the binary carries its rules.
        .executableTarget(name: "verbatim-embed-rules", path: "Sources/EmbedRulesTool"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["verbatim-embed-rules"],
            path: "Plugins/EmbedRules"
        ),
        // The pipeline: segmentation, quote detection, attribution, claims, matching, records.
        .target(
            name: "Verbatim",
            dependencies: ["CICU"],
            plugins: ["EmbedRules"]
        ),
        // The command line: options to one validated configuration, handed to the library.
        .target(
            name: "VerbatimCLI",
            dependencies: [
                "Verbatim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `verbatim` executable: a thin shell over VerbatimCLI.
        .executableTarget(
            name: "verbatim",
            dependencies: ["VerbatimCLI"]
        ),
        .testTarget(
            name: "VerbatimTests",
            dependencies: ["Verbatim", "VerbatimCLI"],
            exclude: ["Golden"]  // read from the source tree by GoldenTests
        ),
    ]
)
