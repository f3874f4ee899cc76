namespace OO.Tools.Cli;

/// <summary>
/// Progress on stderr, one line per 10%: lines rather than carriage returns so that redirected logs stay readable,
/// and stderr so that `--json` stdout stays one parseable object.
/// </summary>
internal sealed class StderrProgress(TextWriter error, string label) : IProgress<double>
{
    private int _lastDecile = -1;

    public void Report(double value)
    {
        var decile = (int)Math.Floor(Math.Clamp(value, 0, 1) * 10);
        if (decile > _lastDecile)
        {
            _lastDecile = decile;
            error.WriteLine($"{label}: {decile * 10}%");
        }
    }
}
