using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>The published dll started from another folder (<c>dotnet /opt/zemgalenvo/ZemgaleNvo.Web.dll</c>) finds its settings beside it.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task Started_from_a_folder_without_settings_the_portal_reads_the_settings_beside_its_dll()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var data = Path.Combine(_folder, "data");

        var result = await PortalProcess.RunInAsync(elsewhere, new Dictionary<string, string> { ["Database__DataFolder"] = data }, "migrate");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.True(File.Exists(Path.Combine(data, "zemgale.db")));
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }
}
