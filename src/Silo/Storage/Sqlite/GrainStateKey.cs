using System.Text;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Where one grain's state lives in <c>OrleansStorage</c>: the same columns and hashes the Orleans ADO.NET
/// provider writes, so a database it wrote is read as it is, and the provider could read ours again.
/// </summary>
internal readonly record struct GrainStateKey(
    int GrainIdHash, long GrainIdN0, long GrainIdN1, int GrainTypeHash, string GrainTypeString, string? GrainIdExtension, string ServiceId)
{
    /// <summary>The row of this key; the table's unique index starts with <c>GrainIdHash</c>.</summary>
    public const string Filter = """
        GrainIdHash = $idHash AND GrainTypeHash = $typeHash AND ServiceId = $service
          AND GrainIdN0 = $n0 AND GrainIdN1 = $n1 AND GrainTypeString = $type
          AND ifnull(GrainIdExtensionString, '') = ifnull($ext, '')
        """;

    private static readonly OrleansDefaultHasher Hasher = new();

    /// <summary>The row key of <paramref name="stateName"/> of <paramref name="grainId"/>, as the ADO.NET provider computes it.</summary>
    public static GrainStateKey For(string serviceId, string stateName, GrainId grainId)
    {
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            // The ADO.NET provider rewrites generic type names before hashing; oO's state names are plain words.
            throw new ArgumentException($"State name '{stateName}' looks like a generic type name; give the state a plain name.", nameof(stateName));
        }

        long n0 = 0, n1 = 0;
        string? extension;
        byte[] hashed;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var bytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(bytes, 0);
            n1 = BitConverter.ToInt64(bytes, 8);
            hashed = WithExtension(bytes, extension);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            hashed = WithExtension(BitConverter.GetBytes(integer), extension);
        }
        else
        {
            extension = grainId.Key.ToString();
            hashed = Encoding.UTF8.GetBytes(extension);
        }

        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashed);
        }

        return new GrainStateKey(Hasher.Hash(hashed), n0, n1, Hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName, extension, serviceId);
    }

    private static byte[] WithExtension(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];

    /// <summary>Binds this key to the parameters of <see cref="Filter"/>.</summary>
    public void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$idHash", GrainIdHash);
        command.Parameters.AddWithValue("$n0", GrainIdN0);
        command.Parameters.AddWithValue("$n1", GrainIdN1);
        command.Parameters.AddWithValue("$typeHash", GrainTypeHash);
        command.Parameters.AddWithValue("$type", GrainTypeString);
        command.Parameters.AddWithValue("$ext", (object?)GrainIdExtension ?? DBNull.Value);
        command.Parameters.AddWithValue("$service", ServiceId);
    }

    public override string ToString() => $"{GrainTypeString}/{GrainIdExtension ?? $"{GrainIdN0:x}{GrainIdN1:x}"}";
}
