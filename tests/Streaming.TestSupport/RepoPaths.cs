namespace Streaming.TestSupport;

/// <summary>Locates the repository root (the folder holding Streaming.sln) from the test's working folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Streaming.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Streaming.sln not found above " + AppContext.BaseDirectory + "; run the tests from inside the repository.");
    }
}
