namespace MentorHub.Tests.Infrastructure;

/// <summary>A folder of its own in the temp directory for one test or app, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose() => Delete(Path);

    /// <summary>Deletes <paramref name="path"/> and what it holds, if it is still there.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left in the temp folder; it is not worth failing a run for.
        }
    }
}
