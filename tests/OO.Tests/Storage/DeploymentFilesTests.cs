using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static OO.Tests.Storage.DeploymentFiles;

namespace OO.Tests.Storage;

/// <summary>
/// What can be checked of the image and the Kubernetes manifests without a Docker engine or a cluster:
/// a non-root user, secrets from the Secret only, and the network policy around the silo port.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    [Fact]
    public void The_image_runs_as_a_fixed_unprivileged_uid_that_owns_only_the_data_directory()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var final = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var uid = int.Parse(ArgDefault().Match(final).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEqual(0, uid);
        Assert.Matches(@"\nUSER \$\{OO_UID\}:\$\{OO_UID\}\s*\n", final);
        Assert.Contains("chown ${OO_UID}:${OO_UID} /app/data", final, StringComparison.Ordinal);
        Assert.Contains("OO__DataDirectory=/app/data", final, StringComparison.Ordinal);
        Assert.Equal("8080 11111", ExposeLine().Match(final).Groups[1].Value.Trim());
        Assert.Equal(uid, int.Parse(ScalarAt(PodSpec(), "securityContext", "runAsUser"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Silos_take_the_vapid_pair_and_the_data_protection_certificate_from_the_secret_and_open_no_gateway()
    {
        var container = (YamlMappingNode)((YamlSequenceNode)PodSpec()["containers"]).Children.Single();
        var env = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>()
            .ToDictionary(e => ScalarAt(e, "name"), e => e);

        foreach (var name in new[] { "OO__Push__VapidPublicKey", "OO__Push__VapidPrivateKey", "OO__DataProtection__CertificatePassword", "OO__Storage__ConnectionString" })
        {
            Assert.Equal("oo-secrets", ScalarAt(env[name], "valueFrom", "secretKeyRef", "name"));
        }

        Assert.DoesNotContain(env.Keys, k => k.Contains("Gateway", StringComparison.Ordinal));
        Assert.DoesNotContain("30000", File.ReadAllText(Path.Combine(Root, "k8s", "silo.yaml")), StringComparison.Ordinal);
        Assert.Equal("true", ScalarAt(PodSpec(), "securityContext", "runAsNonRoot"));
        Assert.Equal("false", ScalarAt(container, "securityContext", "allowPrivilegeEscalation"));

        // Every key the manifests read is in the example Secret, and the example holds placeholders only.
        var example = Documents("secrets.example.yaml").Single();
        var values = new[] { "stringData", "data" }
            .SelectMany(section => ((YamlMappingNode)example[section]).Children)
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
        var referenced = new[] { "silo.yaml", "postgres.yaml" }
            .SelectMany(f => SecretKeyRef().Matches(File.ReadAllText(Path.Combine(Root, "k8s", f))).Select(m => m.Groups[1].Value))
            .Append("dataprotection-certificate.pfx");
        Assert.All(referenced, key => Assert.Contains(key, values.Keys));
        Assert.All(values.Values, value => Assert.Contains("<", value, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_silo_pods_may_reach_the_silo_port_and_only_the_ingress_controller_reaches_http()
    {
        var policy = Documents("networkpolicy.yaml").Single(d => ScalarAt(d, "metadata", "name") == "oo-silo");
        Assert.Equal("oo-silo", ScalarAt(policy, "spec", "podSelector", "matchLabels", "app"));
        var rules = ((YamlSequenceNode)((YamlMappingNode)policy["spec"])["ingress"]).Children.Cast<YamlMappingNode>().ToList();

        var silo = rules.Single(r => Ports(r).Contains("11111"));
        Assert.Equal(["11111"], Ports(silo));
        var from = ((YamlSequenceNode)silo["from"]).Children.Cast<YamlMappingNode>().Single();
        Assert.Equal(["podSelector"], from.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("oo-silo", ScalarAt(from, "podSelector", "matchLabels", "app"));

        var http = rules.Single(r => Ports(r).Contains("8080"));
        var ingress = ((YamlSequenceNode)http["from"]).Children.Cast<YamlMappingNode>().Single();
        Assert.Equal(["namespaceSelector"], ingress.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(2, rules.Count);
    }

    private static List<string> Ports(YamlMappingNode rule) =>
        [.. ((YamlSequenceNode)rule["ports"]).Children.Cast<YamlMappingNode>().Select(p => ScalarAt(p, "port"))];

    private static YamlMappingNode PodSpec()
    {
        var deployment = Documents("silo.yaml").Single(d => ScalarAt(d, "kind") == "Deployment");
        return (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"];
    }

    [GeneratedRegex(@"\nARG OO_UID=(\d+)")]
    private static partial Regex ArgDefault();

    [GeneratedRegex(@"\nEXPOSE ([^\n]+)")]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"secretKeyRef: \{ name: oo-secrets, key: ([a-z0-9.-]+) \}")]
    private static partial Regex SecretKeyRef();
}
