using OO.Silo;
using OO.Silo.Configuration;

try
{
    await OOHost.Build(args).RunAsync();
    return 0;
}
catch (OOConfigurationException error)
{
    Console.Error.WriteLine($"oO cannot start: {error.Message}");
    return 1;
}
