using System.Collections;
using System.Reflection;
using OO.Grains.Identity;
using OO.Grains.Integrations;
using OO.Grains.Learning;
using OO.Grains.Policies;
using OO.Grains.Population;
using OO.Grains.Push;
using OO.Grains.Users;

namespace OO.Grains.Tests;

/// <summary>
/// What grains persist is a contract: grain state is stored as System.Text.Json with property names as
/// declared, so renaming or retyping a property silently loses what every existing row holds. This pins
/// every property of every persisted state type, nested types included, against a golden file. A new
/// property is added to the file on purpose (run with OO_UPDATE_GOLDEN=1 and review the diff); a renamed
/// or retyped one needs a migration first.
/// </summary>
public sealed class PersistedStateContractTests
{
    private static readonly Type[] Roots =
    [
        typeof(UserState), typeof(LearningState), typeof(PushState), typeof(PushEndpointState), typeof(UserTombstoneState),
        typeof(IntegrationState), typeof(SourceAccountState), typeof(IdentityState), typeof(PopulationState), typeof(PolicyConfigState),
    ];

    private static readonly string GoldenFile = Path.Combine(AppContext.BaseDirectory, "Golden", "persisted-state.txt");

    [Fact]
    public void Every_persisted_property_matches_the_golden_contract()
    {
        var actual = Describe();
        if (Environment.GetEnvironmentVariable("OO_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(Path.Combine(SourceDirectory(), "Golden", "persisted-state.txt"), actual);
            return;
        }

        var golden = File.ReadAllLines(GoldenFile).Where(line => line.Length > 0).ToList();
        var missing = golden.Except(actual).ToList();
        var added = actual.Except(golden).ToList();
        Assert.True(
            missing.Count == 0 && added.Count == 0,
            $"Persisted state changed. Gone or changed (stored rows lose these): [{string.Join(", ", missing)}]. New (add them to Golden/persisted-state.txt on purpose): [{string.Join(", ", added)}].");
    }

    /// <summary>One line per persisted property: <c>Type.Property: PropertyType</c>, walking into oO's own types.</summary>
    private static List<string> Describe()
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(Roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
            {
                lines.Add($"{type.Name}.{property.Name}: {Name(property.PropertyType)}");
                foreach (var inner in OwnTypes(property.PropertyType))
                {
                    pending.Enqueue(inner);
                }
            }
        }

        return [.. lines];
    }

    private static IEnumerable<Type> OwnTypes(Type type)
    {
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().SelectMany(OwnTypes);
        }

        if (type.IsArray)
        {
            return OwnTypes(type.GetElementType()!);
        }

        // A collection of our own that stores as the list of its elements (StoredTasks): pin the elements.
        if (type.Namespace?.StartsWith("OO.", StringComparison.Ordinal) == true
            && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            return OwnTypes(enumerable.GetGenericArguments()[0]);
        }

        return type.Namespace?.StartsWith("OO.", StringComparison.Ordinal) == true && !type.IsEnum && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
            ? [type]
            : [];
    }

    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
