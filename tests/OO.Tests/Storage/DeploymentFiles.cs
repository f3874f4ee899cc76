using YamlDotNet.RepresentationModel;

namespace OO.Tests.Storage;

/// <summary>The repository's deployment files (the Dockerfile and <c>k8s/</c>) as the tests read them.</summary>
internal static class DeploymentFiles
{
    /// <summary>The repository's root: the folder holding OO.sln above the test binaries.</summary>
    public static string Root { get; } = RepositoryRoot();

    /// <summary>Every YAML document of <c>k8s/{file}</c>.</summary>
    public static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, "k8s", file)));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>The scalar at <paramref name="path"/> below <paramref name="node"/>.</summary>
    public static string ScalarAt(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return ((YamlScalarNode)current).Value!;
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

        throw new InvalidOperationException("No OO.sln above the test binaries.");
    }
}
