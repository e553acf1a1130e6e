using System.Text;

namespace Streaming.Producer.Replay;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, quotes ("") and line breaks;
/// CRLF or LF line ends; a UTF-8 BOM is skipped. Each record carries the line number it starts on.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private int _line = 1;
    private bool _atEnd;

    /// <summary>Creates a reader over text.</summary>
    public CsvReader(TextReader reader)
    {
        _reader = reader;
        if (_reader.Peek() == '\uFEFF')
        {
            _reader.Read();
        }
    }

    /// <summary>Reads the next record; false at the end of the input. Blank lines are skipped.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed before the end of the input.</exception>
    public bool TryRead(out CsvRecord record)
    {
        while (!_atEnd)
        {
            var startLine = _line;
            var fields = ReadFields();
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            record = new CsvRecord(startLine, fields);
            return true;
        }
        record = default;
        return false;
    }

    private List<string> ReadFields()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var startLine = _line;
        while (true)
        {
            var c = _reader.Read();
            if (c == -1)
            {
                if (quoted)
                {
                    throw new CsvFormatException(startLine, "a quoted field is not closed before the end of the file");
                }
                _atEnd = true;
                fields.Add(field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when _reader.Peek() == '\n':
                    break; // the '\n' ends the record
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}

/// <summary>One CSV record.</summary>
/// <param name="Line">1-based line number the record starts on.</param>
/// <param name="Fields">The field values, unquoted.</param>
internal readonly record struct CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>The CSV text is malformed at <see cref="Line"/>.</summary>
internal sealed class CsvFormatException(int line, string message) : FormatException(message)
{
    /// <summary>1-based line number of the record that is malformed.</summary>
    public int Line { get; } = line;
}
