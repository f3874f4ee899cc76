using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace OO.Tests.Api;

/// <summary>
/// The OpenAPI document lists the product's API only, describes who may call each operation, and
/// passes a standard linter (Redocly CLI, recommended rules, pinned in tools/openapi).
/// </summary>
public sealed class OpenApiLintTests(OpenApiHostFixture fixture) : IClassFixture<OpenApiHostFixture>
{
    [Fact]
    public async Task The_document_passes_redocly_recommended_rules()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "openapi");
        var cli = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"The linter is not installed: run `npm ci --prefix tools/openapi` (scripts/test.sh does). Looked for {cli}.");

        var directory = Directory.CreateTempSubdirectory("oo-openapi-lint-");
        try
        {
            // The document beside the committed config, under the name the ignore file keys on.
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "openapi.json"), await DocumentText());
            File.Copy(Path.Combine(tools, "redocly.yaml"), Path.Combine(directory.FullName, "redocly.yaml"));
            File.Copy(Path.Combine(tools, ".redocly.lint-ignore.yaml"), Path.Combine(directory.FullName, ".redocly.lint-ignore.yaml"));

            var (exitCode, output, errors) = await Run("node", [cli, "lint", "openapi.json", "--format=json"], directory.FullName);
            Assert.True(output.Contains('{', StringComparison.Ordinal), $"redocly lint exited {exitCode} without a report:{Environment.NewLine}{errors}");

            using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
            var totals = report.RootElement.GetProperty("totals");
            var problems = string.Join(Environment.NewLine, report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity")} {p.GetProperty("ruleId")}: {p.GetProperty("message")} at "
                    + string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))));
            Assert.True(exitCode == 0 && totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                $"redocly lint exited {exitCode}:{Environment.NewLine}{problems}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_document_lists_only_the_product_api()
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.All(paths, path => Assert.True(path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/auth/", StringComparison.Ordinal), path));
        Assert.DoesNotContain(paths, path => path.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.Contains("/api/tip", paths);
        Assert.Contains("/auth/google", paths);
        Assert.Contains("/auth/apple", paths);
        Assert.Equal("oO API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Operations_say_whether_they_need_the_session_cookie()
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("cookie", scheme.GetProperty("in").GetString());
        Assert.Equal("oo.session", scheme.GetProperty("name").GetString());

        var tip = Operation(root, "/api/tip", "get");
        Assert.Equal("session", tip.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.True(tip.GetProperty("responses").TryGetProperty("401", out _));
        Assert.False(tip.GetProperty("responses").TryGetProperty("403", out _));

        Assert.True(Operation(root, "/api/admin/users/{id}/reset-bandit", "post").GetProperty("responses").TryGetProperty("403", out _));

        foreach (var (path, method) in new[] { ("/auth/providers", "get"), ("/api/webhooks/todoist", "post") })
        {
            var anonymous = Operation(root, path, method);
            Assert.Equal(0, anonymous.GetProperty("security").GetArrayLength());
            Assert.False(anonymous.GetProperty("responses").TryGetProperty("403", out _));
        }
    }

    [Fact]
    public async Task Every_problem_response_is_problem_json()
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var responses = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject()
                .Where(response => response.Name[0] is '4' or '5')
                .Select(response => (Where: $"{operation.Name} {response.Name}", response.Value)))
            .ToList();

        Assert.NotEmpty(responses);
        Assert.All(responses, response =>
            Assert.True(response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _), response.Where));
    }

    private async Task<string> DocumentText()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonElement Operation(JsonElement root, string path, string method) =>
        root.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static async Task<(int ExitCode, string Output, string Errors)> Run(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline and quiet: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OO.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OO.sln above {AppContext.BaseDirectory}.");
    }
}
