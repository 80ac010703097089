using System.Net;
using System.Text;
using NUnit.Framework;
using SupplySim.Cli.Workbench;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Workbench;

/// <summary>The workbench reads scenario files with the guards of run and validate: a file that is not UTF-8 is refused (SS0010), not decoded lossily.</summary>
[TestFixture]
internal sealed class WorkbenchFileGuardTests
{
    [Test]
    public async Task Model_FileNotUtf8_RefusedWithSs0010()
    {
        string folder = Directory.CreateTempSubdirectory("supplysim-workbench-guard-").FullName;
        try
        {
            string file = Path.Combine(folder, "latin1.yaml");
            string minimal = Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");
            File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes("# caf"), 0xE9, (byte)'\n', .. File.ReadAllBytes(minimal)]);
            await using var server = await WorkbenchServer.StartAsync(new WorkbenchOptions([file], IPAddress.Loopback, 0));
            using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
            using var response = await http.GetAsync(new Uri("/api/model?file=latin1.yaml", UriKind.Relative));
            string body = await response.Content.ReadAsStringAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
                Assert.That(body, Does.Contain("SS0010").And.Contain("not valid UTF-8"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
