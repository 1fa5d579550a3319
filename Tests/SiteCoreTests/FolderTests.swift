import Foundation
import Synchronization
import SiteCore
import SiteTestSupport
import Testing

/// Files and folders made relative to an open folder, as the output writer makes a build's.
@Suite(.cleansUp) struct FolderTests {
    @Test func theFoldersHoldingAPathAreMadeWhereMissingAndAFolderMadeMeanwhileIsNoError() throws {
        let root = try TestResources.owner.temporaryFolder("folder")
        let folder = try #require(FileOps.Folder(root.path))
        try folder.makeFolders(holding: "a/b/c/index.html")
        try folder.makeFolders(holding: "a/b/c/other.html")
        try folder.makeFolders(holding: "index.html")
        try folder.makeFolders(holding: "a/d/index.html")
        try Data("page".utf8).withUnsafeBytes { try folder.create("a/b/c/index.html", $0) }
        #expect(FileManager.default.contents(atPath: root.appendingPathComponent("a/b/c/index.html").path) == Data("page".utf8))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("a/d").path))
        // Two threads making the same deep folders at once: whichever is second finds them made.
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            do {
                try folder.makeFolders(holding: "x/y/z\(index % 4)/w/index.html")
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        for index in 0..<4 {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("x/y/z\(index)/w").path))
        }
    }

    @Test func aFileWhereAFolderMustGoIsAnErrorNamingTheFolder() throws {
        let root = try TestResources.owner.temporaryFolder("folder")
        let folder = try #require(FileOps.Folder(root.path))
        try Data("not a folder".utf8).write(to: root.appendingPathComponent("taken"))
        #expect(throws: FileOps.Failure.self) { try folder.makeFolders(holding: "taken/page/index.html") }
        do {
            try folder.makeFolders(holding: "taken/page/index.html")
        } catch let failure as FileOps.Failure {
            #expect(failure.path == root.path + "/taken/page")
        }
    }
}
