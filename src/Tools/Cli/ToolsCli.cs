using System.CommandLine;

namespace OO.Tools.Cli;

/// <summary>The oo-tools command line; writers are parameters so tests run it in-process.</summary>
public static class ToolsCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (0 ok, 1 parse error, 2 usage error).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("oO learning tools: simulate bandit policies and evaluate them offline on logged data.");
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(EvaluateCommand.Create(output, error));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Turns a mistake the user can fix into one line on stderr and exit code 2.</summary>
    internal static int Guard(TextWriter error, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
