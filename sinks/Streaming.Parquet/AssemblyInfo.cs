using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Streaming.Parquet.Tests")]

namespace Streaming.Parquet;
