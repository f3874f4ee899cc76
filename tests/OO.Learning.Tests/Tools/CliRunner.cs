using System.Text.Json;
using OO.Tools.Cli;

namespace OO.Learning.Tests.Tools;

internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ToolsCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }
}
