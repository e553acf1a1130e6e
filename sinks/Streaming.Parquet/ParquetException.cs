namespace Streaming.Parquet;

/// <summary>
/// A value or call the Parquet writer cannot accept: a null in a required column, a value of the wrong
/// type, a missing column value. The message names the column and the offending value. Category: caller
/// error; the writer stays usable (the offending row is discarded) unless the message says otherwise.
/// </summary>
public sealed class ParquetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ParquetException(string message, string? columnName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ColumnName = columnName;
    }

    /// <summary>Creates the exception.</summary>
    public ParquetException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ParquetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ParquetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The column the error is about, when there is one.</summary>
    public string? ColumnName { get; }
}
