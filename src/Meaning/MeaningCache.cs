namespace OO.Meaning;

/// <summary>
/// Packed meanings by content key, bounded to about <c>capacity</c> entries: two generations, the newer filled
/// until it holds half the capacity, when it becomes the older and the older is dropped; a hit in the older is
/// copied to the newer, so texts still in use survive. Memory stays within capacity × ~40 bytes.
/// </summary>
internal sealed class MeaningCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private Dictionary<UInt128, ulong> _newer = [];
    private Dictionary<UInt128, ulong> _older = [];

    /// <summary>How many entries the cache holds now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _newer.Count + _older.Count;
            }
        }
    }

    /// <summary>The meaning cached under <paramref name="key"/>, if any.</summary>
    public bool TryGet(UInt128 key, out ulong meaning)
    {
        lock (_lock)
        {
            if (_newer.TryGetValue(key, out meaning))
            {
                return true;
            }

            if (_older.Remove(key, out meaning))
            {
                AddNewer(key, meaning);
                return true;
            }

            return false;
        }
    }

    /// <summary>Caches <paramref name="meaning"/> under <paramref name="key"/>.</summary>
    public void Set(UInt128 key, ulong meaning)
    {
        lock (_lock)
        {
            _older.Remove(key);
            AddNewer(key, meaning);
        }
    }

    private void AddNewer(UInt128 key, ulong meaning)
    {
        if (_newer.Count >= _generationSize && !_newer.ContainsKey(key))
        {
            _older = _newer;
            _newer = new Dictionary<UInt128, ulong>(_generationSize);
        }

        _newer[key] = meaning;
    }
}
