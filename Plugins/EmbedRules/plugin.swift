import Foundation
import PackagePlugin

/// Build-tool plugin: embeds every file of the package's `rules/` directory into the
/// target as Swift source (`EmbeddedRules.swift`), so that the built binary carries
/// its default rules and runs from any directory. `rules/` stays the one copy.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rulesDir.path)
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".tsv") || $0.hasSuffix(".txt")) }
            .sorted()
        let inputs = names.map { rulesDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "verbatim-embed-rules").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
