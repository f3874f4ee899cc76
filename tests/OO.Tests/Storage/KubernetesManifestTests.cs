using System.Diagnostics;
using System.Globalization;
using YamlDotNet.RepresentationModel;
using static OO.Tests.Storage.DeploymentFiles;

namespace OO.Tests.Storage;

/// <summary>
/// The manifests in k8s/ are valid Kubernetes objects (checked offline against the API schemas carried by the
/// kubernetes-models package pinned in tools/k8s), and their stop timing agrees with the silo's.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public async Task Every_manifest_passes_the_kubernetes_schema()
    {
        var tools = Path.Combine(Root, "tools", "k8s");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "kubernetes-models")),
            "The validator is not installed: run `npm ci --prefix tools/k8s` (scripts/test.sh does).");

        var (exitCode, output) = await Node(Path.Combine(tools, "validate.mjs"), Path.Combine(Root, "k8s"));

        Assert.True(exitCode == 0, $"k8s/ failed schema validation:{Environment.NewLine}{output}");
        Assert.Contains("policy/v1 PodDisruptionBudget oo-silo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validator_refuses_a_manifest_with_a_wrongly_typed_field()
    {
        var directory = Directory.CreateTempSubdirectory("oo-k8s-");
        try
        {
            var silo = await File.ReadAllTextAsync(Path.Combine(Root, "k8s", "silo.yaml"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "silo.yaml"), silo.Replace("replicas: 3", "replicas: three", StringComparison.Ordinal));

            var (exitCode, output) = await Node(Path.Combine(Root, "tools", "k8s", "validate.mjs"), directory.FullName);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("replicas must be integer", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Kubernetes_waits_longer_than_the_silo_takes_to_stop_and_the_drain_fits_inside_the_stop()
    {
        var deployment = Documents("silo.yaml").Single(d => ScalarAt(d, "kind") == "Deployment");
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();
        var env = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>()
            .Where(e => e.Children.ContainsKey("value"))
            .ToDictionary(e => ScalarAt(e, "name"), e => ScalarAt(e, "value"));

        var grace = TimeSpan.FromSeconds(int.Parse(ScalarAt(pod, "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture));
        var timeout = TimeSpan.Parse(env["OO__Shutdown__Timeout"], CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse(env["OO__Shutdown__DrainDelay"], CultureInfo.InvariantCulture);

        Assert.True(grace > timeout, $"terminationGracePeriodSeconds ({grace}) must exceed OO__Shutdown__Timeout ({timeout}).");
        Assert.True(timeout > drain && drain > TimeSpan.Zero, $"the drain ({drain}) must be positive and inside the stop ({timeout}).");
        Assert.Equal("/readyz", ScalarAt(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("status.podIP", ScalarAt(((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>()
            .Single(e => ScalarAt(e, "name") == "OO__Cluster__AdvertisedIP"), "valueFrom", "fieldRef", "fieldPath"));
        var budget = Documents("silo.yaml").Single(d => ScalarAt(d, "kind") == "PodDisruptionBudget");
        Assert.Equal("1", ScalarAt(budget, "spec", "maxUnavailable"));
    }

    private static async Task<(int ExitCode, string Output)> Node(string script, string folder)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
