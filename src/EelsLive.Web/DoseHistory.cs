namespace EelsLive.Web;

/// <summary>
/// A bounded history of per-frame values against dose: every frame is added, and when the history is full it
/// keeps every second point and from then on only points spaced at least a dose step apart (the newest frame
/// always stays as the moving last point), so memory and payload stay bounded over any number of frames.
/// </summary>
internal sealed class DoseHistory
{
    private readonly int _capacity;
    private readonly int _columns;
    private readonly List<double> _dose;
    private readonly List<double>[] _values;
    private double _spacing;

    /// <summary>Creates an empty history of <paramref name="columns"/> values per point, at most <paramref name="capacity"/> points.</summary>
    public DoseHistory(int capacity, int columns)
    {
        _capacity = capacity;
        _columns = columns;
        _dose = new List<double>(capacity + 1);
        _values = new List<double>[columns];
        for (int c = 0; c < columns; c++)
        {
            _values[c] = new List<double>(capacity + 1);
        }
    }

    /// <summary>The number of points kept.</summary>
    public int Count => _dose.Count;

    /// <summary>The doses of the kept points, ascending.</summary>
    public IReadOnlyList<double> Dose => _dose;

    /// <summary>The kept values of one column (NaN where a value was missing).</summary>
    public IReadOnlyList<double> Column(int column) => _values[column];

    /// <summary>Adds one frame's values at <paramref name="dose"/>; <paramref name="values"/> has one entry per column.</summary>
    public void Add(double dose, ReadOnlySpan<double> values)
    {
        if (values.Length != _columns)
        {
            throw new ArgumentException($"expected {_columns} values, got {values.Length}.", nameof(values));
        }

        int n = _dose.Count;
        if (n >= 2 && dose - _dose[n - 2] < _spacing)
        {
            Set(n - 1, dose, values);
        }
        else
        {
            _dose.Add(dose);
            for (int c = 0; c < _columns; c++)
            {
                _values[c].Add(values[c]);
            }
        }

        if (_dose.Count > _capacity)
        {
            Thin();
        }
    }

    /// <summary>Forgets every point (a new series began).</summary>
    public void Clear()
    {
        _dose.Clear();
        foreach (var column in _values)
        {
            column.Clear();
        }

        _spacing = 0;
    }

    private void Set(int index, double dose, ReadOnlySpan<double> values)
    {
        _dose[index] = dose;
        for (int c = 0; c < _columns; c++)
        {
            _values[c][index] = values[c];
        }
    }

    private void Thin()
    {
        int last = _dose.Count - 1;
        int kept = 0;
        for (int i = 0; i <= last; i++)
        {
            if (i % 2 == 0 || i == last)
            {
                _dose[kept] = _dose[i];
                for (int c = 0; c < _columns; c++)
                {
                    _values[c][kept] = _values[c][i];
                }

                kept++;
            }
        }

        _dose.RemoveRange(kept, _dose.Count - kept);
        foreach (var column in _values)
        {
            column.RemoveRange(kept, column.Count - kept);
        }

        _spacing = Math.Max(_spacing * 2, (_dose[^1] - _dose[0]) / (_capacity / 2.0));
    }
}
