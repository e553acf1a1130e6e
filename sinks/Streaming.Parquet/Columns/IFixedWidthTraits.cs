namespace Streaming.Parquet.Columns;

/// <summary>
/// How a fixed-width physical type is ordered and how its statistics bounds are encoded.
/// Values are held in their PLAIN bit layout (a DOUBLE as its 64 bits), so dictionary keys compare bitwise
/// and -0.0, +0.0 and every NaN payload stay distinct.
/// </summary>
internal interface IFixedWidthTraits<T>
    where T : unmanaged
{
    /// <summary>False for values that must not take part in min/max (NaN).</summary>
    static abstract bool IsOrdered(T value);

    static abstract bool LessThan(T left, T right);

    /// <summary>The PLAIN bytes of a lower bound (for DOUBLE a zero becomes -0.0, as the format asks).</summary>
    static abstract byte[] MinBytes(T value);

    /// <summary>The PLAIN bytes of an upper bound (for DOUBLE a zero becomes +0.0).</summary>
    static abstract byte[] MaxBytes(T value);
}

/// <summary>INT32: signed order.</summary>
internal readonly struct Int32Traits : IFixedWidthTraits<int>
{
    public static bool IsOrdered(int value) => true;

    public static bool LessThan(int left, int right) => left < right;

    public static byte[] MinBytes(int value) => BitConverter.GetBytes(value);

    public static byte[] MaxBytes(int value) => BitConverter.GetBytes(value);
}

/// <summary>INT64 and timestamps: signed order.</summary>
internal readonly struct Int64Traits : IFixedWidthTraits<long>
{
    public static bool IsOrdered(long value) => true;

    public static bool LessThan(long left, long right) => left < right;

    public static byte[] MinBytes(long value) => BitConverter.GetBytes(value);

    public static byte[] MaxBytes(long value) => BitConverter.GetBytes(value);
}

/// <summary>DOUBLE held as its bits: IEEE order, NaN excluded from bounds.</summary>
internal readonly struct DoubleBitsTraits : IFixedWidthTraits<long>
{
    public static bool IsOrdered(long value) => !double.IsNaN(BitConverter.Int64BitsToDouble(value));

    public static bool LessThan(long left, long right) => BitConverter.Int64BitsToDouble(left) < BitConverter.Int64BitsToDouble(right);

    public static byte[] MinBytes(long value)
    {
        var d = BitConverter.Int64BitsToDouble(value);
        return BitConverter.GetBytes(d == 0 ? -0.0 : d);
    }

    public static byte[] MaxBytes(long value)
    {
        var d = BitConverter.Int64BitsToDouble(value);
        return BitConverter.GetBytes(d == 0 ? 0.0 : d);
    }
}
